package dev.brigade.assertj;

import dev.brigade.assertj.spi.BaselineService;
import dev.brigade.fixture.Measurement;
import dev.brigade.measure.BaselineComparison;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;

/** Finds the {@link BaselineService} of the JUnit extension and asks it for a result's comparisons. */
final class Baselines {

    private Baselines() {
    }

    /** The regressed comparisons of {@code result}'s metrics, or empty when none regressed. */
    static java.util.Optional<List<BaselineComparison>> regressed(Measurement result, String... metrics) {
        List<BaselineComparison> regressed = compare(result, metrics).stream().filter(BaselineComparison::regressed)
                .toList();
        return regressed.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(regressed);
    }

    private static List<BaselineComparison> compare(Measurement result, String... metrics) {
        BaselineService service = ServiceLoader.load(BaselineService.class, Baselines.class.getClassLoader())
                .findFirst().orElseThrow(() -> new IllegalStateException("isNoWorseThanBaseline() needs Brigade's"
                        + " JUnit extension (dev.brigade:brigade-junit) on the test classpath: baselines are kept per"
                        + " test"));
        return service.compare(result, Arrays.asList(metrics));
    }
}
