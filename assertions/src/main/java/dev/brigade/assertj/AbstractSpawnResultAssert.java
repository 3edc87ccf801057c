package dev.brigade.assertj;

import dev.brigade.fixture.SpawnResult;
import dev.brigade.measure.Metric;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a {@link SpawnResult}: creation cost, start latency and context switches per task, and comparisons
 * with another spawn of the same run ({@link #isCheaperThan(SpawnResult)}).
 *
 * @param <SELF> the concrete assertion, for chaining
 */
public abstract class AbstractSpawnResultAssert<SELF extends AbstractSpawnResultAssert<SELF>>
        extends AbstractAssert<SELF, SpawnResult> {

    /**
     * For a subclass: AssertJ's pattern of a concrete assertion over this abstract one.
     *
     * @param actual   the SpawnResult under test
     * @param selfType the concrete assertion's class
     */
    protected AbstractSpawnResultAssert(SpawnResult actual, Class<?> selfType) {
        super(actual, selfType);
    }

    /**
     * Create + start + join per task ({@code nanosPerTask}).
     *
     * @return an assertion on the time per task, with limits as {@link java.time.Duration}s
     */
    public DurationMetricAssert creationCost() {
        isNotNull();
        return Navigation.describe(this, new DurationMetricAssert(actual.nanosPerTask(), actual.kind().name(),
                Metric.NANOS_PER_TASK.key()));
    }

    /**
     * Creation cost per task as a multiple of {@code reference}'s, a spawn of the same run:
     * {@code creationCostRelativeTo(platformSpawn).isAtMost(0.2)}. Bounds fail only with confidence.
     *
     * @param reference the spawn to divide by, measured in the same run; not null
     * @return an assertion on the ratio (no unit): 0.2 is 20 % of {@code reference}'s cost per task
     */
    public CountMetricAssert creationCostRelativeTo(SpawnResult reference) {
        isNotNull();
        Objects.requireNonNull(reference, "reference");
        return Navigation.describe(this, new CountMetricAssert(dev.brigade.measure.Estimate.ratio(
                actual.nanosPerTask(), reference.nanosPerTask()), actual.kind().name(),
                Metric.NANOS_PER_TASK.key() + " / " + reference.kind().name() + "'s"));
    }

    /**
     * From {@code start()} to the body's first instruction ({@code startLatencyNanos}).
     *
     * @return an assertion on the start latency, with limits as {@link java.time.Duration}s
     */
    public DurationMetricAssert startLatency() {
        isNotNull();
        return Navigation.describe(this, new DurationMetricAssert(actual.startLatencyNanos(), actual.kind().name(),
                Metric.START_LATENCY_NANOS.key()));
    }

    /**
     * Process CPU per spawned task ({@code cpuNanosPerTask}).
     *
     * @return an assertion on the CPU time per task, with limits as {@link java.time.Duration}s
     */
    public DurationMetricAssert cpuPerTask() {
        isNotNull();
        return Navigation.describe(this, new DurationMetricAssert(actual.cpuNanosPerTask(), actual.kind().name(),
                Metric.CPU_NANOS_PER_TASK.key()));
    }

    /**
     * OS context switches of the process per spawned task ({@code contextSwitchesPerTask}).
     *
     * @return an assertion on the context switches per task, a count
     */
    public CountMetricAssert contextSwitchesPerTask() {
        isNotNull();
        return Navigation.describe(this, new CountMetricAssert(actual.contextSwitchesPerTask(), actual.kind().name(),
                Metric.CONTEXT_SWITCHES_PER_TASK.key()));
    }

    /**
     * Heap allocated per spawned task ({@code allocatedBytesPerTask}).
     *
     * @return an assertion on the bytes allocated per task
     */
    public BytesMetricAssert allocatedBytesPerTask() {
        isNotNull();
        return Navigation.describe(this, new BytesMetricAssert(actual.allocatedBytesPerTask(), actual.kind().name(),
                Metric.ALLOCATED_BYTES_PER_TASK.key()));
    }

    /**
     * Fails unless creating a task costs less here than in {@code other} (beyond noise); {@code .byAtLeast(50.0)}
     * then asks for a factor. Compare spawns of the same run.
     *
     * @param other a spawn measured in the same run, e.g. the {@code PLATFORM} one
     * @return an assertion on the ratio {@code other / this} of time per task, for
     *         {@link RatioAssert#byAtLeast(double)}
     */
    public RatioAssert isCheaperThan(SpawnResult other) {
        isNotNull();
        Objects.requireNonNull(other, "other");
        return Navigation.describe(this, new RatioAssert(Comparison.of(Metric.NANOS_PER_TASK.key(), "cheaper",
                actual.kind().name(), actual.nanosPerTask(), other.kind().name(), other.nanosPerTask()))).check(1);
    }

    /**
     * Fails unless a task starts sooner here than in {@code other} ({@code startLatencyNanos}); {@code .byAtLeast}
     * then asks for a factor.
     *
     * @param other a spawn measured in the same run
     * @return an assertion on the ratio {@code other / this} of start latency, for
     *         {@link RatioAssert#byAtLeast(double)}
     */
    public RatioAssert startsFasterThan(SpawnResult other) {
        isNotNull();
        Objects.requireNonNull(other, "other");
        return Navigation.describe(this, new RatioAssert(Comparison.of(Metric.START_LATENCY_NANOS.key(), "faster",
                actual.kind().name(), actual.startLatencyNanos(), other.kind().name(), other.startLatencyNanos())))
                .check(1);
    }

    /**
     * Fails when a metric is worse than in the baseline stored for this machine, beyond the tolerance
     * ({@code brigade.baseline.tolerance}, default 10 %) with confidence. Compares the main metrics
     * ({@code nanosPerTask}), or the ones named. Without a baseline for this machine it passes, and the report says so;
     * run with {@code -Dbrigade.baseline.update=true} to record one. Needs the JUnit extension: call it in a Brigade
     * test.
     *
     * @param metrics metric names such as {@code startLatencyNanos}; none for the main metrics
     * @return this assertion, for chaining
     */
    public SELF isNoWorseThanBaseline(String... metrics) {
        isNotNull();
        Baselines.regressed(actual, metrics).ifPresent(regressed -> throwAssertionError(
                ShouldBeNoWorseThanBaseline.shouldBeNoWorseThanBaseline(actual.kind().name(), regressed)));
        return myself;
    }
}
