package dev.brigade.assertj.spi;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.brigade.fixture.Measurement;
import dev.brigade.measure.BaselineComparison;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Where {@code isNoWorseThanBaseline()} finds the stored baseline of a result: implemented by the JUnit extension
 * ({@code brigade-junit}), which knows the running test, and found through {@link java.util.ServiceLoader}. Not
 * for tests to call or implement.
 */
@API(status = INTERNAL, since = "0.1.0")
public interface BaselineService {

    /**
     * Compares the metrics of {@code result}, a result of the running test, with the baseline stored for this
     * machine, or records them as the baseline when baselines are being updated.
     *
     * @param result  a {@code BrigadeResult}, {@code SpawnResult} or {@code MemoryResult}
     * @param metrics the metrics to compare by name; empty for the result's main ones
     * @return one comparison per metric; empty when there is no baseline for this machine yet or it is being
     *         updated (the service tells the test's report so)
     * @throws IllegalStateException when no test of the extension is running on this thread
     */
    List<BaselineComparison> compare(Measurement result, List<String> metrics);
}
