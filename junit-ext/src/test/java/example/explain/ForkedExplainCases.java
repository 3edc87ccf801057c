package example.explain;

import static dev.brigade.fixture.TaskKind.PLATFORM;
import static dev.brigade.fixture.TaskKind.VIRTUAL;

import dev.brigade.fixture.BrigadeFixture;
import dev.brigade.junit.AgainstBase;
import dev.brigade.junit.Brigade;
import dev.brigade.junit.Fork;
import example.codec.OnlyInATest;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link ExplainCases#time} in a fork child: its recording and stacks are written there, its flame drawn here; and
 * {@link ExplainCases#allocationPlatform} in a child with small TLABs, for allocation samples enough to name a site.
 */
@ExtendWith(OnlyInATest.class)
public class ForkedExplainCases {

    @Brigade(tasks = 20, kinds = VIRTUAL, warmup = "200ms", measure = "1s")
    @AgainstBase(tolerance = "5%", measure = "1s")
    @Fork
    void time(BrigadeFixture brigade) {
        brigade.measureMemory(false).work(Codec::hop).run();
    }

    @Brigade(tasks = 20, kinds = PLATFORM, warmup = "200ms", measure = "1s")
    @AgainstBase(tolerance = "5%", metrics = "allocatedBytesPerHop", measure = "1s")
    @Fork(jvmArgs = {"-XX:TLABSize=16k", "-XX:-ResizeTLAB"})
    void allocationPlatform(BrigadeFixture brigade) {
        brigade.measureMemory(false).work(Codec::hop).run();
    }
}
