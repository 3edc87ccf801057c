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

    protected AbstractMemoryResultAssert(MemoryResult actual, Class<?> selfType) {
        super(actual, selfType);
    }

    /** Resident memory per task: the slope of RSS over population size ({@code rssBytesPerTask}). */
    public BytesMetricAssert memoryPerTask() {
        isNotNull();
        return Navigation.describe(this, new BytesMetricAssert(actual.rssBytesPerTask(), actual.kind().name(),
                Metric.RSS_BYTES_PER_TASK.key()));
    }

    /** Live heap per task: the slope of used heap after GC over population size ({@code heapBytesPerTask}). */
    public BytesMetricAssert heapPerTask() {
        isNotNull();
        return Navigation.describe(this, new BytesMetricAssert(actual.heapBytesPerTask(), actual.kind().name(),
                Metric.HEAP_BYTES_PER_TASK.key()));
    }

    /**
     * Fails unless both fits explain at least {@code r2} of the variation (R², 0 to 1): a low R² means memory did
     * not grow in a line with the tasks, and the per-task slope describes little.
     */
    public SELF hasLinearFitAtLeast(double r2) {
        if (!(r2 >= 0 && r2 <= 1)) {
            throw new IllegalArgumentException("r2 must be between 0 and 1, but was " + r2);
        }
        isNotNull();
        if (actual.rssR2() < r2 || actual.heapR2() < r2) {
            throwAssertionError(ShouldHaveLinearFit.shouldHaveLinearFit(actual, r2));
        }
        return myself;
    }
}
