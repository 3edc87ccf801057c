package dev.brigade.assertj;

import dev.brigade.measure.Bytes;
import dev.brigade.measure.Estimate;

/**
 * Assertions on a metric measured in bytes ({@code rssBytesPerTask}, {@code heapBytesPerTask},
 * {@code allocatedBytesPerHop}), with limits in bytes: {@code isAtMost(Bytes.kib(8))}. See
 * {@link AbstractMetricAssert} for when a bound fails.
 */
public final class BytesMetricAssert extends AbstractMetricAssert<BytesMetricAssert> {

    BytesMetricAssert(Estimate actual, String subject, String metric) {
        super(actual, subject, metric, BytesMetricAssert.class);
    }

    /**
     * Fails when the metric is above {@code bytes} with confidence (or its median is, {@link #strictly()}).
     *
     * @param bytes the limit in bytes, at least 0, e.g. {@code Bytes.kib(8)}
     * @return this assertion, for chaining
     * @throws IllegalArgumentException when {@code bytes} is negative
     */
    public BytesMetricAssert isAtMost(long bytes) {
        return assertAtMost(checked(bytes, "limit"), Bytes.format(bytes));
    }

    /**
     * Fails when the metric is at or above {@code bytes} with confidence.
     *
     * @param bytes the limit in bytes, at least 0
     * @return this assertion, for chaining
     * @throws IllegalArgumentException when {@code bytes} is negative
     */
    public BytesMetricAssert isLessThan(long bytes) {
        return assertLessThan(checked(bytes, "limit"), Bytes.format(bytes));
    }

    /**
     * Fails when the metric is below {@code bytes} with confidence.
     *
     * @param bytes the limit in bytes, at least 0
     * @return this assertion, for chaining
     * @throws IllegalArgumentException when {@code bytes} is negative
     */
    public BytesMetricAssert isAtLeast(long bytes) {
        return assertAtLeast(checked(bytes, "limit"), Bytes.format(bytes));
    }

    /**
     * Fails when the metric is outside {@code [start, end]} bytes with confidence.
     *
     * @param start the lower limit in bytes, at least 0
     * @param end the upper limit in bytes, at least {@code start}
     * @return this assertion, for chaining
     * @throws IllegalArgumentException when a limit is negative or {@code start > end}
     */
    public BytesMetricAssert isBetween(long start, long end) {
        return assertBetween(checked(start, "start"), Bytes.format(start), checked(end, "end"), Bytes.format(end));
    }

    private static double checked(long bytes, String parameter) {
        if (bytes < 0) {
            throw new IllegalArgumentException(parameter + " must not be negative, but was " + bytes
                    + " bytes: give a size such as Bytes.kib(8)");
        }
        return bytes;
    }
}
