package example.codec;

import static dev.brigade.fixture.TaskKind.VIRTUAL;

import dev.brigade.fixture.BrigadeFixture;
import dev.brigade.junit.AgainstBase;
import dev.brigade.junit.Brigade;
import java.time.Duration;
import org.junit.jupiter.api.extension.ExtendWith;

/** A test class the change adds: the base builds of {@code AgainstBaseTest} never hold it. */
@ExtendWith(OnlyInATest.class)
public class NewInThisChangeCases {

    @Brigade(tasks = 20, kinds = VIRTUAL, warmup = "100ms", measure = "300ms")
    @AgainstBase(tolerance = "5%", measure = "300ms")
    void roundTrip(BrigadeFixture brigade) {
        brigade.measureMemory(false).spin(Duration.ofNanos(SampleCodec.nanosPerHop())).run();
    }
}
