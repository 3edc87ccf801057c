package dev.brigade.junit.internal.report.model;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.brigade.measure.Estimate;
import java.util.Arrays;
import java.util.List;
import org.apiguardian.api.API;

/**
 * One metric's estimate of a result as the run's files hold it: median, 95 % interval, spread, rounds; for a memory
 * figure below resolution, the words the reports print instead of it. Immutable.
 *
 * <p>Public for {@code report}, which builds and renders it beside this package.
 *
 * @param values          the rounds, in the order measured; empty for a fit's figure
 * @param belowResolution what the reports print instead of a memory figure whose interval reaches zero; null for a
 *                        figure to read
 */
@API(status = INTERNAL, since = "0.1.0")
public record Figure(double median, double low, double high, double cv, int samples, String unit, int outliers,
                     boolean bimodal, List<Double> values, String belowResolution) {

    public Figure {
        values = List.copyOf(values);
    }

    /** The figure of {@code e}; {@code belowResolution} as {@link Figure}'s, null for a figure to read. */
    public static Figure of(Estimate e, String belowResolution) {
        return new Figure(e.median(), e.low(), e.high(), e.cv(), e.samples(), e.unit(), e.outliers(), e.bimodal(),
                Arrays.stream(e.values()).boxed().toList(), belowResolution);
    }

    public boolean isBelowResolution() {
        return belowResolution != null;
    }

    /** Its median and interval as an estimate without rounds, for formatting. */
    public Estimate interval() {
        return Estimate.ofInterval(unit, median, low, high, cv, samples);
    }

    /**
     * The estimate it was made from, rounds and all when it has them: what an assertion of the test compared
     * ({@code isFasterThan} divides two of them), for a report that shows the same ratio.
     */
    public Estimate estimate() {
        return values.isEmpty() ? interval() : Estimate.of(unit, values.stream().mapToDouble(Double::doubleValue)
                .toArray());
    }
}
