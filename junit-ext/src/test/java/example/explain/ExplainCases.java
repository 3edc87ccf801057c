package example.explain;

import static dev.brigade.fixture.TaskKind.PLATFORM;
import static dev.brigade.fixture.TaskKind.VIRTUAL;

import dev.brigade.fixture.BrigadeFixture;
import dev.brigade.junit.AgainstBase;
import dev.brigade.junit.Brigade;
import example.codec.OnlyInATest;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tests against a base build whose {@link Codec} differs in one method, as a user writes them; the explanation of a
 * failed comparison should name that method. Outside the {@code dev.brigade} packages, so that the base build's copy
 * is its own.
 */
@ExtendWith(OnlyInATest.class)
public class ExplainCases {

    @Brigade(tasks = 20, kinds = VIRTUAL, warmup = "200ms", measure = "1s")
    @AgainstBase(tolerance = "5%", measure = "1s")
    void time(BrigadeFixture brigade) {
        brigade.measureMemory(false).work(Codec::hop).run();
    }

    @Brigade(tasks = 20, kinds = VIRTUAL, warmup = "200ms", measure = "1s")
    @AgainstBase(tolerance = "5%", metrics = "allocatedBytesPerHop", measure = "1s")
    void allocation(BrigadeFixture brigade) {
        brigade.measureMemory(false).work(Codec::hop).run();
    }

    @Brigade(tasks = 20, kinds = PLATFORM, warmup = "200ms", measure = "1s")
    @AgainstBase(tolerance = "5%", measure = "1s")
    void timePlatform(BrigadeFixture brigade) {
        brigade.measureMemory(false).work(Codec::hop).run();
    }

    @Brigade(tasks = 20, kinds = PLATFORM, warmup = "200ms", measure = "1s")
    @AgainstBase(tolerance = "5%", metrics = "allocatedBytesPerHop", measure = "1s")
    void allocationPlatform(BrigadeFixture brigade) {
        brigade.measureMemory(false).work(Codec::hop).run();
    }

    /**
     * {@link #timePlatform} with hops of ten codec round trips: a platform thread's CPU-time samples come at the kernel's
     * tick while it runs, so longer runs on the CPU between blocking give more of them a second.
     */
    @Brigade(tasks = 20, kinds = PLATFORM, warmup = "200ms", measure = "1s")
    @AgainstBase(tolerance = "5%", measure = "1s")
    void timePlatformHeavy(BrigadeFixture brigade) {
        brigade.measureMemory(false).work(() -> {
            for (int i = 0; i < 10; i++) {
                Codec.hop();
            }
        }).run();
    }

    /** {@link #timePlatform} measured three times as long: a platform brigade gives few CPU-time samples a second. */
    @Brigade(tasks = 20, kinds = PLATFORM, warmup = "200ms", measure = "3s")
    @AgainstBase(tolerance = "5%", measure = "3s")
    void timePlatformLong(BrigadeFixture brigade) {
        brigade.measureMemory(false).work(Codec::hop).run();
    }
}
