package dev.brigade.junit.internal.config;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.brigade.junit.Baseline;
import dev.brigade.measure.Metric;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * A method's {@link Baseline}, checked: the metrics to compare (empty for each result's main ones) and the
 * tolerance.
 *
 * <p>Public for {@code baseline}, which compares and records as it says.
 */
@API(status = INTERNAL, since = "0.1.0")
public record BaselineSpec(List<String> metrics, double tolerance) {

    /**
     * The baseline settings of {@code method}: its {@code @Baseline}, else its class's, else none.
     *
     * @throws org.junit.jupiter.api.extension.ExtensionConfigurationException for an unknown metric or a bad tolerance
     */
    static Optional<BaselineSpec> of(Method method, Class<?> testClass, Settings settings, String where) {
        Optional<Baseline> found = AnnotationSupport.findAnnotation(method, Baseline.class)
                .or(() -> AnnotationSupport.findAnnotation(testClass, Baseline.class));
        return found.map(b -> {
            for (String metric : b.metrics()) {
                try {
                    Metric.ofKey(metric);
                } catch (IllegalArgumentException e) {
                    throw ConfigurationErrors.error("@Baseline(metrics = \"" + metric + "\")", where, e.getMessage());
                }
            }
            double tolerance = b.tolerance().isBlank() ? settings.baselineTolerance()
                    : Settings.tolerance(Settings.ToleranceOf.BASELINE, Optional.of(b.tolerance()),
                            text -> "@Baseline(tolerance = \"" + text + "\")", where);
            return new BaselineSpec(Arrays.asList(b.metrics()), tolerance);
        });
    }
}
