package example.explain;

import static dev.brigade.fixture.TaskKind.ASYNC;
import static dev.brigade.fixture.TaskKind.VIRTUAL;

import dev.brigade.fixture.BrigadeFixture;
import dev.brigade.fixture.SpawnFixture;
import dev.brigade.junit.AgainstBase;
import dev.brigade.junit.Brigade;
import dev.brigade.junit.Spawn;
import example.codec.OnlyInATest;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link ExplainCases#time} in the shapes the first cases leave out: a {@code @Spawn} whose tasks' body does the
 * codec's hop (explained per task), and an {@code ASYNC} brigade whose stages do it on an executor's thread. Short
 * measures: each is a failed comparison of a third more work a hop, decided within the first pairs.
 */
@ExtendWith(OnlyInATest.class)
public class KindCases {

    @Spawn(tasks = 100, kinds = VIRTUAL, warmup = "100ms", measure = "500ms")
    @AgainstBase(tolerance = "5%", measure = "500ms")
    void spawn(SpawnFixture spawn) {
        spawn.body(Codec::hop).run();
    }

    @Brigade(tasks = 20, kinds = ASYNC, warmup = "100ms", measure = "500ms")
    @AgainstBase(tolerance = "5%", measure = "500ms")
    void async(BrigadeFixture brigade) {
        brigade.measureMemory(false).work(Codec::hop).run();
    }
}
