import static dev.brigade.assertj.BrigadeAssertions.assertThat;
import static dev.brigade.fixture.TaskKind.*;
import dev.brigade.fixture.*; import dev.brigade.junit.*; import dev.brigade.measure.*;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

class HandOffTest {
    @Brigade(tasks = 200, kinds = {VIRTUAL, PLATFORM}, link = LinkType.QUEUE, warmup = "200ms", measure = "1s")
    @Budget(kind = VIRTUAL, perHop = "500us")
    void handOff(BrigadeFixture brigade) {
        BrigadeResult r = brigade.run();
        assertThat(r).perHop().isAtMost(Duration.ofMillis(1));
        assertThat(r).contextSwitchesPerHop().isAtMost(50.0);
    }

    @Spawn(tasks = 2_000, kinds = {VIRTUAL, PLATFORM})
    void spawn(SpawnFixture spawn) {
        assertThat(spawn.run()).creationCost().isAtMost(Duration.ofMillis(5));
    }

    @Test
    @ExtendWith(BrigadeExtension.class)
    void virtualBeatsPlatform(BrigadeFixture brigade) {
        brigade.tasks(200).link(LinkType.QUEUE).measure(Duration.ofSeconds(1));
        BrigadeResult v = brigade.kind(VIRTUAL).run(), p = brigade.kind(PLATFORM).run();
        assertThat(v).isFasterThan(p).byAtLeast(1.5);
        assertThat(SpawnFixture.create().kind(VIRTUAL).parked(20_000)).heapPerTask().isAtMost(Bytes.kib(16));
    }
}
