package example.codec;

import static dev.brigade.fixture.TaskKind.VIRTUAL;

import dev.brigade.fixture.BrigadeFixture;
import dev.brigade.junit.AgainstBase;
import dev.brigade.junit.Brigade;
import java.time.Duration;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test against the base build, as a user writes it: each hop does the codec's work, and the base build's codec
 * may do less. Outside the {@code dev.brigade} packages, so that the base build's copy of it is its own.
 */
@ExtendWith(OnlyInATest.class)
public class AgainstBaseCases {

    private long nanosPerHop;

    @org.junit.jupiter.api.BeforeEach
    void chooseTheWork() {
        nanosPerHop = SampleCodec.nanosPerHop();
    }

    @Brigade(tasks = 20, kinds = VIRTUAL, warmup = "100ms", measure = "1s")
    @AgainstBase(tolerance = "5%", measure = "1s")
    void roundTrip(BrigadeFixture brigade) {
        brigade.measureMemory(false).spin(Duration.ofNanos(nanosPerHop)).run();
    }
}
