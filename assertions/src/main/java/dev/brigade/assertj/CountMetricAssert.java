package dev.brigade.assertj;

import dev.brigade.measure.Estimate;
import dev.brigade.measure.Units;

/**
 * Assertions on a metric that counts ({@code contextSwitchesPerHop}, {@code contextSwitchesPerTask},
 * {@code pinnedEvents}), with limits given as numbers. See {@link AbstractMetricAssert} for when a bound fails.
 */
public final class CountMetricAssert extends AbstractMetricAssert<CountMetricAssert> {

    CountMetricAssert(Estimate actual, String subject, String metric) {
        super(actual, subject, metric, CountMetricAssert.class);
    }

    /**
     * Fails when the metric is above {@code limit} with confidence (or its median is, {@link #strictly()}).
     *
     * @param limit the limit in the metric's unit (a count or ratio), finite and at least 0
     * @return this assertion, for chaining
     * @throws IllegalArgumentException when {@code limit} is negative or not finite
     */
    public CountMetricAssert isAtMost(double limit) {
        return assertAtMost(checked(limit, "limit"), Units.format(limit, "1"));
    }

    /**
     * Fails when the metric is at or above {@code limit} with confidence.
     *
     * @param limit the limit in the metric's unit (a count or ratio), finite and at least 0
     * @return this assertion, for chaining
     * @throws IllegalArgumentException when {@code limit} is negative or not finite
     */
    public CountMetricAssert isLessThan(double limit) {
        return assertLessThan(checked(limit, "limit"), Units.format(limit, "1"));
    }

    /**
     * Fails when the metric is below {@code limit} with confidence.
     *
     * @param limit the limit in the metric's unit (a count or ratio), finite and at least 0
     * @return this assertion, for chaining
     * @throws IllegalArgumentException when {@code limit} is negative or not finite
     */
    public CountMetricAssert isAtLeast(double limit) {
        return assertAtLeast(checked(limit, "limit"), Units.format(limit, "1"));
    }

    /**
     * Fails when the metric is outside {@code [start, end]} with confidence.
     *
     * @param start the lower limit, finite and at least 0
     * @param end the upper limit, at least {@code start}
     * @return this assertion, for chaining
     * @throws IllegalArgumentException when a limit is negative or not finite, or {@code start > end}
     */
    public CountMetricAssert isBetween(double start, double end) {
        return assertBetween(checked(start, "start"), Units.format(start, "1"), checked(end, "end"),
                Units.format(end, "1"));
    }

    private static double checked(double limit, String parameter) {
        if (!Double.isFinite(limit) || limit < 0) {
            throw new IllegalArgumentException(parameter + " must be a finite number at least 0, but was " + limit);
        }
        return limit;
    }
}
