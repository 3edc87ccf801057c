package dev.brigade.assertj;

import dev.brigade.fixture.MemoryResult;
import dev.brigade.measure.Metric;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a {@link MemoryResult}, the memory per parked task fitted over population sizes: resident memory
 * ({@link #memoryPerTask()}, where platform threads' stacks show) and live heap ({@link #heapPerTask()}, where
 * virtual threads' stacks live).
 *
 * @param <SELF> the concrete assertion, for chaining
 */
public abstract class AbstractMemoryResultAssert<SELF extends AbstractMemoryResultAssert<SELF>>
        extends AbstractAssert<SELF, MemoryResult> {

    /**
     * For a subclass: AssertJ's pattern of a concrete assertion over this abstract one.
     *
     * @param actual   the MemoryResult under test
     * @param selfType the concrete assertion's class
     */
    protected AbstractMemoryResultAssert(MemoryResult actual, Class<?> selfType) {
        super(actual, selfType);
    }

    /**
     * Resident memory per task: the slope of RSS over population size ({@code rssBytesPerTask}).
     *
     * @return an assertion on the RSS slope in bytes per task
     */
    public BytesMetricAssert memoryPerTask() {
        isNotNull();
        return Navigation.describe(this, new BytesMetricAssert(actual.rssBytesPerTask(), actual.kind().name(),
                Metric.RSS_BYTES_PER_TASK.key()));
    }

    /**
     * Live heap per task: the slope of used heap after GC over population size ({@code heapBytesPerTask}).
     *
     * @return an assertion on the heap slope in bytes per task
     */
    public BytesMetricAssert heapPerTask() {
        isNotNull();
        return Navigation.describe(this, new BytesMetricAssert(actual.heapBytesPerTask(), actual.kind().name(),
                Metric.HEAP_BYTES_PER_TASK.key()));
    }

    /**
     * Fails unless a task of this kind takes less memory than one of {@code other}, beyond noise;
     * {@code .byAtLeast(8.0)} then asks for a factor. Each side is judged by the memory that carries its kind: RSS per
     * task for {@code PLATFORM} (stacks are off-heap), heap per task for {@code VIRTUAL} and {@code ASYNC}. The fits
     * have no rounds to resample, so the ratio's interval is the conservative one of the two slopes' intervals.
     *
     * @param other a population of another kind, measured the same way
     * @return an assertion on the ratio {@code other / this} of bytes per task, for
     *         {@link RatioAssert#byAtLeast(double)}
     */
    public RatioAssert isSmallerThan(MemoryResult other) {
        isNotNull();
        java.util.Objects.requireNonNull(other, "other");
        return Navigation.describe(this, new RatioAssert(Comparison.of(carrying(actual) + " and " + carrying(other),
                "smaller", actual.kind().name(), carried(actual), other.kind().name(), carried(other)))).check(1);
    }

    private static String carrying(MemoryResult m) {
        return m.kind() == dev.brigade.fixture.TaskKind.PLATFORM ? Metric.RSS_BYTES_PER_TASK.key()
                : Metric.HEAP_BYTES_PER_TASK.key();
    }

    private static dev.brigade.measure.Estimate carried(MemoryResult m) {
        return m.kind() == dev.brigade.fixture.TaskKind.PLATFORM ? m.rssBytesPerTask() : m.heapBytesPerTask();
    }

    /**
     * Fails unless the fit that carries the kind's memory explains at least {@code r2} of the variation (R², 0 to
     * 1): the RSS fit for {@code PLATFORM} tasks, whose stacks are off-heap, the heap fit for {@code VIRTUAL} and
     * {@code ASYNC} ones, whose stacks and state live on the heap (in a running JVM their RSS hardly moves: the heap
     * is already committed). A low R² means memory did not grow in a line with the tasks, and the slope means little.
     *
     * @param r2 the least R² accepted, from 0 to 1, e.g. 0.9
     * @return this assertion, for chaining
     * @throws IllegalArgumentException when {@code r2} is not between 0 and 1
     */
    public SELF hasLinearFitAtLeast(double r2) {
        if (!(r2 >= 0 && r2 <= 1)) {
            throw new IllegalArgumentException("r2 must be between 0 and 1, but was " + r2);
        }
        isNotNull();
        boolean rss = actual.kind() == dev.brigade.fixture.TaskKind.PLATFORM;
        if ((rss ? actual.rssR2() : actual.heapR2()) < r2) {
            throwAssertionError(ShouldHaveLinearFit.shouldHaveLinearFit(actual, r2));
        }
        return myself;
    }

    /**
     * Fails when a metric is worse than in the baseline stored for this machine, beyond the tolerance
     * ({@code brigade.baseline.tolerance}, default 10 %) with confidence. Compares the main metrics
     * ({@code rssBytesPerTask}, {@code heapBytesPerTask}), or the ones named. Without a baseline for this machine it
     * passes, and the report says so; run with {@code -Dbrigade.baseline.update=true} to record one. Needs the JUnit
     * extension: call it in a Brigade test.
     *
     * @param metrics metric names such as {@code heapBytesPerTask}; none for the main metrics
     * @return this assertion, for chaining
     */
    public SELF isNoWorseThanBaseline(String... metrics) {
        isNotNull();
        Baselines.regressed(actual, metrics).ifPresent(regressed -> throwAssertionError(
                ShouldBeNoWorseThanBaseline.shouldBeNoWorseThanBaseline(actual.kind().name(), regressed)));
        return myself;
    }
}
