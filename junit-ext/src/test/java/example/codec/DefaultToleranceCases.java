package example.codec;

import static dev.brigade.fixture.TaskKind.VIRTUAL;

import dev.brigade.fixture.BrigadeFixture;
import dev.brigade.junit.AgainstBase;
import dev.brigade.junit.Brigade;
import java.time.Duration;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link AgainstBaseCases}' test with no tolerance of its own: it takes {@code brigade.base.tolerance}, and compares
 * {@code cpuNanosPerHop} rather than the main metric.
 */
@ExtendWith(OnlyInATest.class)
public class DefaultToleranceCases {

    @Brigade(tasks = 20, kinds = VIRTUAL, warmup = "100ms", measure = "1s")
    @AgainstBase(metrics = "cpuNanosPerHop", measure = "1s")
    void roundTrip(BrigadeFixture brigade) {
        brigade.measureMemory(false).spin(Duration.ofNanos(SampleCodec.nanosPerHop())).run();
    }
}
