package dev.brigade.assertj;

import dev.brigade.measure.Durations;
import dev.brigade.measure.Estimate;
import java.time.Duration;
import java.util.Objects;

/**
 * Assertions on a metric measured in time ({@code nanosPerHop}, {@code cpuNanosPerHop}, {@code nanosPerTask},
 * {@code startLatencyNanos}), with limits given as {@link Duration}s. See {@link AbstractMetricAssert} for when a
 * bound fails.
 */
public final class DurationMetricAssert extends AbstractMetricAssert<DurationMetricAssert> {

    DurationMetricAssert(Estimate actual, String subject, String metric) {
        super(actual, subject, metric, DurationMetricAssert.class);
    }

    /**
     * Fails when the metric is above {@code limit} with confidence (or its median is, {@link #strictly()}).
     *
     * @param limit the limit, not negative, e.g. {@code Duration.ofNanos(500)}
     * @return this assertion, for chaining
     * @throws NullPointerException when {@code limit} is null
     * @throws IllegalArgumentException when {@code limit} is negative
     */
    public DurationMetricAssert isAtMost(Duration limit) {
        return assertAtMost(nanos(limit, "limit"), Durations.formatNanos(nanos(limit, "limit")));
    }

    /**
     * Fails when the metric is at or above {@code limit} with confidence.
     *
     * @param limit the limit, not negative
     * @return this assertion, for chaining
     * @throws NullPointerException when {@code limit} is null
     * @throws IllegalArgumentException when {@code limit} is negative
     */
    public DurationMetricAssert isLessThan(Duration limit) {
        return assertLessThan(nanos(limit, "limit"), Durations.formatNanos(nanos(limit, "limit")));
    }

    /**
     * Fails when the metric is below {@code limit} with confidence.
     *
     * @param limit the limit, not negative
     * @return this assertion, for chaining
     * @throws NullPointerException when {@code limit} is null
     * @throws IllegalArgumentException when {@code limit} is negative
     */
    public DurationMetricAssert isAtLeast(Duration limit) {
        return assertAtLeast(nanos(limit, "limit"), Durations.formatNanos(nanos(limit, "limit")));
    }

    /**
     * Fails when the metric is outside {@code [start, end]} with confidence.
     *
     * @param start the lower limit, not negative
     * @param end the upper limit, at least {@code start}
     * @return this assertion, for chaining
     * @throws NullPointerException when a limit is null
     * @throws IllegalArgumentException when a limit is negative or {@code start} is after {@code end}
     */
    public DurationMetricAssert isBetween(Duration start, Duration end) {
        double from = nanos(start, "start");
        double to = nanos(end, "end");
        return assertBetween(from, Durations.formatNanos(from), to, Durations.formatNanos(to));
    }

    private static double nanos(Duration limit, String parameter) {
        Objects.requireNonNull(limit, parameter);
        if (limit.isNegative()) {
            throw new IllegalArgumentException(parameter + " must not be negative, but was " + limit
                    + ": give a duration such as Duration.ofNanos(500)");
        }
        return limit.getSeconds() * 1e9 + limit.getNano();
    }
}
