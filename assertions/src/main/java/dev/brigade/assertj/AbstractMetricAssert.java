package dev.brigade.assertj;

import dev.brigade.measure.Estimate;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on one measured metric of a result, e.g. the {@code nanosPerHop} of a {@code VIRTUAL} brigade: its
 * median with a 95 % interval, compared with a limit.
 *
 * <p>A bound fails only when the metric is beyond the limit <em>with confidence</em>: the whole interval lies past
 * it. Noise that merely reaches over the limit passes. {@link #strictly()} compares the median instead, for limits
 * that must hold on the typical round. Subclasses add bounds in the metric's own unit: {@code Duration}, a count,
 * bytes.
 *
 * @param <SELF> the concrete assertion, for chaining
 */
public abstract class AbstractMetricAssert<SELF extends AbstractMetricAssert<SELF>>
        extends AbstractAssert<SELF, Estimate> {

    private final String subject;
    private final String metric;
    private boolean strict;

    /**
     * For a subclass: one metric's estimate, named as failure messages name it.
     *
     * @param actual  the metric's estimate
     * @param subject what was measured, as failure messages name it: {@code VIRTUAL}, {@code one-thread}, {@code cost}
     * @param metric  the metric's name, e.g. {@code nanosPerHop}
     * @param selfType the concrete assertion's class
     */
    protected AbstractMetricAssert(Estimate actual, String subject, String metric, Class<?> selfType) {
        super(actual, selfType);
        this.subject = subject;
        this.metric = metric;
    }

    /**
     * Compares the median with the limits that follow, instead of the whole interval: the assertion then fails as
     * soon as the typical round is over the limit, also when noise could explain it.
     *
     * @return this assertion, for chaining; the limits after it are strict
     */
    public SELF strictly() {
        strict = true;
        return myself;
    }

    /** What the messages call this metric: subject and name. */
    final Subject subject() {
        return new Subject(subject, metric, strict);
    }

    final SELF assertAtMost(double limit, String shown) {
        isNotNull();
        if (strict ? actual.median() > limit : actual.low() > limit) {
            throwAssertionError(ShouldBeAtMost.shouldBeAtMost(subject(), actual, limit, shown));
        }
        return myself;
    }

    final SELF assertLessThan(double limit, String shown) {
        isNotNull();
        if (strict ? actual.median() >= limit : actual.low() >= limit) {
            throwAssertionError(ShouldBeLessThan.shouldBeLessThan(subject(), actual, limit, shown));
        }
        return myself;
    }

    final SELF assertAtLeast(double limit, String shown) {
        isNotNull();
        if (strict ? actual.median() < limit : actual.high() < limit) {
            throwAssertionError(ShouldBeAtLeast.shouldBeAtLeast(subject(), actual, limit, shown));
        }
        return myself;
    }

    final SELF assertBetween(double start, String shownStart, double end, String shownEnd) {
        if (start > end) {
            throw new IllegalArgumentException("isBetween(start, end) needs start <= end, but start was " + shownStart
                    + " and end " + shownEnd + ": swap them");
        }
        isNotNull();
        boolean below = strict ? actual.median() < start : actual.high() < start;
        boolean above = strict ? actual.median() > end : actual.low() > end;
        if (below || above) {
            throwAssertionError(ShouldBeBetween.shouldBeBetween(subject(), actual, start, shownStart, end, shownEnd));
        }
        return myself;
    }

    /** The metric's subject and name as messages show them, and whether it is compared strictly. */
    record Subject(String subject, String metric, boolean strict) {

        /** {@code VIRTUAL nanosPerHop}, or {@code the median of VIRTUAL nanosPerHop} when strict. */
        String text() {
            return (strict ? "the median of " : "") + subject + " " + metric;
        }
    }
}
