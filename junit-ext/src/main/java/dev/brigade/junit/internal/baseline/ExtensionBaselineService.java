package dev.brigade.junit.internal.baseline;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.brigade.assertj.spi.BaselineService;
import dev.brigade.fixture.Measurement;
import dev.brigade.junit.internal.invocation.CurrentInvocation;
import dev.brigade.measure.BaselineComparison;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The {@link BaselineService} that {@code isNoWorseThanBaseline()} finds through {@link java.util.ServiceLoader}:
 * it compares a result with the baseline of the measured test running on this thread. Stateless.
 *
 * <p>Public as the {@code BaselineService} the assertions module loads as a service.
 */
@API(status = INTERNAL, since = "0.1.0")
public final class ExtensionBaselineService implements BaselineService {

    /** Created by {@link java.util.ServiceLoader}. */
    public ExtensionBaselineService() {
    }

    @Override
    public List<BaselineComparison> compare(Measurement result, List<String> metrics) {
        CurrentInvocation current = CurrentInvocation.get().orElseThrow(() -> new IllegalStateException(
                "isNoWorseThanBaseline() compares a result of the running Brigade test with its baseline, but no"
                        + " Brigade test runs on this thread: call it in a @Brigade or @Spawn test, or a test with"
                        + " @ExtendWith(BrigadeExtension.class) that takes the fixture as a parameter, on the test's"
                        + " own thread"));
        return BaselineStore.compare(current, result, metrics);
    }
}
