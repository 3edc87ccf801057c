package example.codec;

import static dev.brigade.fixture.TaskKind.VIRTUAL;

import dev.brigade.fixture.BrigadeFixture;
import dev.brigade.junit.AgainstBase;
import dev.brigade.junit.Brigade;
import dev.brigade.junit.Fork;
import java.time.Duration;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link AgainstBaseCases}' test in a fork: both sides run in the child JVM, which sends the comparisons back. */
@ExtendWith(OnlyInATest.class)
public class ForkedAgainstBaseCases {

    @Brigade(tasks = 20, kinds = VIRTUAL, warmup = "100ms", measure = "1s")
    @AgainstBase(tolerance = "5%", measure = "1s")
    @Fork
    void roundTrip(BrigadeFixture brigade) {
        brigade.measureMemory(false).spin(Duration.ofNanos(SampleCodec.nanosPerHop())).run();
    }
}
