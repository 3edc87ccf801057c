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

    /** Fails when the metric is above {@code limit} with confidence (or its median is, {@link #strictly()}). */
    public CountMetricAssert isAtMost(double limit) {
        return assertAtMost(checked(limit, "limit"), Units.format(limit, "1"));
    }

    /** Fails when the metric is at or above {@code limit} with confidence. */
    public CountMetricAssert isLessThan(double limit) {
        return assertLessThan(checked(limit, "limit"), Units.format(limit, "1"));
    }

    /** Fails when the metric is below {@code limit} with confidence. */
    public CountMetricAssert isAtLeast(double limit) {
        return assertAtLeast(checked(limit, "limit"), Units.format(limit, "1"));
    }

    /** Fails when the metric is outside {@code [start, end]} with confidence. */
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
