package example.codec;

import static dev.brigade.fixture.TaskKind.VIRTUAL;

import dev.brigade.fixture.BrigadeFixture;
import dev.brigade.junit.AgainstBase;
import dev.brigade.junit.Brigade;
import java.time.Duration;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class to which the change adds a method: {@code AgainstBaseTest}'s base build holds a copy compiled from
 * {@link #BASE_SOURCE}, without {@code addedMethod}. The compared method's tolerance is wide: this class tests which
 * method is compared, not the comparison.
 */
@ExtendWith(OnlyInATest.class)
public class AddedMethodCases {

    /** The base build's copy of this class: {@code roundTrip} only. */
    public static final String BASE_SOURCE = """
            package example.codec;
            import dev.brigade.fixture.BrigadeFixture;
            import dev.brigade.junit.AgainstBase;
            import dev.brigade.junit.Brigade;
            import java.time.Duration;
            @org.junit.jupiter.api.extension.ExtendWith(OnlyInATest.class)
            public class AddedMethodCases {
                @Brigade(tasks = 20, kinds = dev.brigade.fixture.TaskKind.VIRTUAL, warmup = "100ms", measure = "300ms")
                @AgainstBase(tolerance = "50%", measure = "300ms")
                void roundTrip(BrigadeFixture brigade) {
                    brigade.measureMemory(false).spin(Duration.ofNanos(SampleCodec.nanosPerHop())).run();
                }
            }
            """;

    @Brigade(tasks = 20, kinds = VIRTUAL, warmup = "100ms", measure = "300ms")
    @AgainstBase(tolerance = "50%", measure = "300ms")
    void roundTrip(BrigadeFixture brigade) {
        brigade.measureMemory(false).spin(Duration.ofNanos(SampleCodec.nanosPerHop())).run();
    }

    @Brigade(tasks = 20, kinds = VIRTUAL, warmup = "100ms", measure = "300ms")
    @AgainstBase(tolerance = "5%", measure = "300ms")
    void addedMethod(BrigadeFixture brigade) {
        brigade.measureMemory(false).spin(Duration.ofNanos(SampleCodec.nanosPerHop())).run();
    }
}
