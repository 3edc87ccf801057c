package example.codec;

import static dev.brigade.fixture.TaskKind.VIRTUAL;

import dev.brigade.fixture.BrigadeFixture;
import dev.brigade.junit.AgainstBase;
import dev.brigade.junit.Brigade;
import org.junit.jupiter.api.extension.ExtendWith;

/** Each hop runs the codec's check: a base build's may throw, in whichever side's thread measures the pair. */
@ExtendWith(OnlyInATest.class)
public class CheckingCases {

    @Brigade(tasks = 20, kinds = VIRTUAL, warmup = "100ms", measure = "300ms")
    @AgainstBase(measure = "300ms")
    void roundTrip(BrigadeFixture brigade) {
        brigade.measureMemory(false).work(SampleCodec::check).run();
    }
}
