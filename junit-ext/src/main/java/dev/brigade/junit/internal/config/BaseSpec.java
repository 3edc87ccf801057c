package dev.brigade.junit.internal.config;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.brigade.junit.AgainstBase;
import dev.brigade.junit.Constants;
import dev.brigade.measure.Metric;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The {@code @AgainstBase} settings of a method: the metrics to compare, the tolerance, the base build's class
 * path (empty when none was given), and whether a comparison is required.
 *
 * <p>Public for {@code base} and {@code verdict}, which open the base build and compare with it.
 *
 * @param metrics   metric names; empty for the main metric
 * @param tolerance the slowdown allowed, a fraction
 * @param classpath {@value Constants#BASE_CLASSPATH_PROPERTY_NAME}, trimmed; empty for none
 * @param required  {@value Constants#BASE_REQUIRED_PROPERTY_NAME}: whether comparing nothing fails the test
 * @param measure   the longest the comparison measures unless the fixture's own {@code measure} is longer, unscaled
 */
@API(status = INTERNAL, since = "0.1.0")
public record BaseSpec(List<String> metrics, double tolerance, String classpath, boolean required,
                       Duration measure) {

    /**
     * The method's {@code @AgainstBase}, if any, with the configuration: read once, into its {@link MethodPlan}.
     *
     * @throws org.junit.jupiter.api.extension.ExtensionConfigurationException for an unknown metric or a bad tolerance
     */
    static Optional<BaseSpec> of(ExtensionContext context) {
        Optional<AgainstBase> found = context.getTestMethod()
                .flatMap(m -> AnnotationSupport.findAnnotation(m, AgainstBase.class));
        return found.map(a -> {
            String where = ConfigurationErrors.where(context);
            Configuration configuration = Configuration.of(context);
            for (String metric : a.metrics()) {
                try {
                    Metric.ofKey(metric);
                } catch (IllegalArgumentException e) {
                    throw ConfigurationErrors.error("@AgainstBase(metrics = \"" + metric + "\")", where,
                            e.getMessage());
                }
            }
            double tolerance = a.tolerance().isBlank()
                    ? Settings.tolerance(Settings.ToleranceOf.BASE,
                            configuration.get(Constants.BASE_TOLERANCE_PROPERTY_NAME),
                            t -> Constants.BASE_TOLERANCE_PROPERTY_NAME + " = \"" + t + "\"", where)
                    : Settings.tolerance(Settings.ToleranceOf.BASE, Optional.of(a.tolerance()),
                            t -> "@AgainstBase(tolerance = \"" + t + "\")", where);
            String classpath = configuration.get(Constants.BASE_CLASSPATH_PROPERTY_NAME)
                    .orElse(Constants.BASE_CLASSPATH_DEFAULT).strip();
            boolean required = Settings.bool(configuration::get, where,
                    Constants.BASE_REQUIRED_PROPERTY_NAME, Constants.BASE_REQUIRED_DEFAULT,
                    "true (an @AgainstBase test that compared nothing fails) or false");
            Duration measure = TemplateSpec.duration("@AgainstBase", "measure", a.measure(), true, where);
            return new BaseSpec(Arrays.asList(a.metrics()), tolerance, classpath, required, measure);
        });
    }
}
