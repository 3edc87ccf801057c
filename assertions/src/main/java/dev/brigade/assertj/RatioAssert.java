package dev.brigade.assertj;

import dev.brigade.measure.Estimate;
import org.assertj.core.api.AbstractAssert;

/**
 * The ratio between two results of one run, as returned by {@code isFasterThan} and {@code isCheaperThan}:
 * {@code other / actual} with its bootstrap interval. {@link #byAtLeast(double)} asks for a least factor.
 *
 * <p>Like a bound, the factor fails only <em>with confidence</em>: when the whole interval of the ratio is below
 * it. {@link #strictly()} compares the ratio of the medians instead.
 */
public final class RatioAssert extends AbstractAssert<RatioAssert, Estimate> {

    private final Comparison comparison;
    private boolean strict;

    RatioAssert(Comparison comparison) {
        super(comparison.ratio(), RatioAssert.class);
        this.comparison = comparison;
    }

    /**
     * Compares the ratio of the medians with the factors that follow, instead of the ratio's whole interval.
     *
     * @return this assertion, for chaining; the factors after it are compared with the median ratio
     */
    public RatioAssert strictly() {
        strict = true;
        return myself;
    }

    /**
     * Fails unless the actual is at least {@code factor} times faster (or cheaper) than the other: {@code 5.0}
     * means the other costs five times as much.
     *
     * @param factor how many times the other's cost this one must undercut, at least 1, e.g. {@code 5.0}
     * @return this assertion, for chaining
     * @throws IllegalArgumentException when {@code factor} is below 1 or not a finite number
     */
    public RatioAssert byAtLeast(double factor) {
        if (!(factor >= 1) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("factor must be a finite number at least 1, but was " + factor
                    + ": 5.0 means the other costs five times as much");
        }
        return check(factor);
    }

    /** The check shared by the comparison itself (factor 1) and {@link #byAtLeast(double)}. */
    RatioAssert check(double factor) {
        if (strict ? actual.median() < factor : actual.high() < factor) {
            throwAssertionError(ShouldBeFasterThan.shouldBeFasterThan(comparison, factor, strict));
        }
        return myself;
    }
}
