package dev.brigade.assertj;

import dev.brigade.fixture.BrigadeResult;
import dev.brigade.fixture.MemoryResult;
import dev.brigade.measure.Estimate;
import dev.brigade.measure.Metric;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a {@link BrigadeResult}: navigate to a metric ({@link #perHop()}, {@link #contextSwitchesPerHop()},
 * ...) and bound it, or compare it with another result of the same run ({@link #isFasterThan(BrigadeResult)}).
 *
 * @param <SELF> the concrete assertion, for chaining
 */
public abstract class AbstractBrigadeResultAssert<SELF extends AbstractBrigadeResultAssert<SELF>>
        extends AbstractAssert<SELF, BrigadeResult> {

    /**
     * For a subclass: AssertJ's pattern of a concrete assertion over this abstract one.
     *
     * @param actual   the BrigadeResult under test
     * @param selfType the concrete assertion's class
     */
    protected AbstractBrigadeResultAssert(BrigadeResult actual, Class<?> selfType) {
        super(actual, selfType);
    }

    /**
     * Wall time per hop ({@code nanosPerHop}).
     *
     * @return an assertion on the median wall time per hop, with limits as {@link java.time.Duration}s
     */
    public DurationMetricAssert perHop() {
        isNotNull();
        return described(new DurationMetricAssert(actual.nanosPerHop(), actual.label(), Metric.NANOS_PER_HOP.key()));
    }

    /**
     * Wall time per hop as a multiple of {@code reference}'s, a result of the same run: the machine-independent
     * form of a budget. {@code perHopRelativeTo(platform).isAtMost(0.3)} asks that this brigade's hop cost at most
     * 0.3 times the platform one; {@code perHopRelativeTo(floor).isAtMost(3.0)} at most 3 times the one-thread
     * floor. The ratio has a bootstrap interval, and bounds fail only with confidence, like any metric.
     *
     * @param reference the brigade to divide by, measured in the same run; not null
     * @return an assertion on the ratio (no unit): 0.3 is 30 % of {@code reference}'s time per hop
     * @throws NullPointerException when {@code reference} is null
     */
    public CountMetricAssert perHopRelativeTo(BrigadeResult reference) {
        isNotNull();
        java.util.Objects.requireNonNull(reference, "reference");
        return described(new CountMetricAssert(Estimate.ratio(actual.nanosPerHop(), reference.nanosPerHop()),
                actual.label(), Metric.NANOS_PER_HOP.key() + " / " + reference.label() + "'s"));
    }

    /**
     * Process CPU, user + system, per hop ({@code cpuNanosPerHop}).
     *
     * @return an assertion on the CPU time per hop, with limits as {@link java.time.Duration}s
     */
    public DurationMetricAssert cpuPerHop() {
        isNotNull();
        return described(new DurationMetricAssert(actual.cpuNanosPerHop(), actual.label(),
                Metric.CPU_NANOS_PER_HOP.key()));
    }

    /**
     * OS context switches of the process per hop ({@code contextSwitchesPerHop}).
     *
     * @return an assertion on the context switches per hop, a count
     */
    public CountMetricAssert contextSwitchesPerHop() {
        isNotNull();
        return described(new CountMetricAssert(actual.contextSwitchesPerHop(), actual.label(),
                Metric.CONTEXT_SWITCHES_PER_HOP.key()));
    }

    /**
     * Heap allocated per hop, all threads ({@code allocatedBytesPerHop}).
     *
     * @return an assertion on the bytes allocated per hop
     */
    public BytesMetricAssert allocatedBytesPerHop() {
        isNotNull();
        return described(new BytesMetricAssert(actual.allocatedBytesPerHop(), actual.label(),
                Metric.ALLOCATED_BYTES_PER_HOP.key()));
    }

    /**
     * Resident memory per task ({@code rssBytesPerTask}); fails when the brigade did not measure memory.
     *
     * @return an assertion on the RSS slope in bytes per task
     */
    public BytesMetricAssert memoryPerTask() {
        return described(new BytesMetricAssert(memory().rssBytesPerTask(), actual.label(),
                Metric.RSS_BYTES_PER_TASK.key()));
    }

    /**
     * Live heap per task ({@code heapBytesPerTask}); fails when the brigade did not measure memory.
     *
     * @return an assertion on the heap slope in bytes per task
     */
    public BytesMetricAssert heapPerTask() {
        return described(new BytesMetricAssert(memory().heapBytesPerTask(), actual.label(),
                Metric.HEAP_BYTES_PER_TASK.key()));
    }

    /**
     * Fails when a virtual thread of the run was pinned to its carrier ({@code jdk.VirtualThreadPinned}), quoting
     * the most frequent stacks; the fixture must have run with {@code detectPinning(true)}.
     *
     * @return this assertion, for chaining
     */
    public SELF hasNoPinning() {
        isNotNull();
        if (actual.pinnedEvents().isEmpty()) {
            throwAssertionError(ShouldHaveMeasured.shouldHaveMeasured(actual.label() + " brigade",
                    Metric.PINNED_EVENTS.key(), "pinning detection was off: call detectPinning(true) on the fixture"
                            + " (or set brigade.pinning.detect=true)"));
        }
        if (actual.pinnedEvents().getAsLong() > 0) {
            throwAssertionError(ShouldHaveNoPinning.shouldHaveNoPinning(actual.label() + " brigade",
                    actual.pinnedEvents().getAsLong(), actual.pinnedStacks()));
        }
        return myself;
    }

    /**
     * Fails unless this brigade's wall time per hop is lower than {@code other}'s (not merely within noise of it);
     * {@code .byAtLeast(5.0)} then asks for a factor. Compare results of the same run: ratios travel between
     * machines, absolute figures do not.
     *
     * @param other a brigade measured in the same run, e.g. the {@code PLATFORM} one
     * @return an assertion on the ratio {@code other / this} of time per hop, for {@link RatioAssert#byAtLeast(double)}
     */
    public RatioAssert isFasterThan(BrigadeResult other) {
        isNotNull();
        java.util.Objects.requireNonNull(other, "other");
        return compare(Metric.NANOS_PER_HOP.key(), "faster", actual.nanosPerHop(), other.label(), other.nanosPerHop());
    }

    /**
     * Fails unless this brigade's CPU per hop is lower than {@code other}'s; {@code .byAtLeast(2.0)} then asks for
     * a factor.
     *
     * @param other a brigade measured in the same run
     * @return an assertion on the ratio {@code other / this} of CPU per hop, for {@link RatioAssert#byAtLeast(double)}
     */
    public RatioAssert isCheaperThan(BrigadeResult other) {
        isNotNull();
        java.util.Objects.requireNonNull(other, "other");
        return compare(Metric.CPU_NANOS_PER_HOP.key(), "cheaper", actual.cpuNanosPerHop(), other.label(),
                other.cpuNanosPerHop());
    }

    private RatioAssert compare(String metric, String adjective, Estimate mine, String otherLabel, Estimate theirs) {
        return described(new RatioAssert(Comparison.of(metric, adjective, actual.label(), mine, otherLabel, theirs)))
                .check(1);
    }

    private MemoryResult memory() {
        isNotNull();
        if (actual.memoryPerTask() == null) {
            throwAssertionError(ShouldHaveMeasured.shouldHaveMeasured(actual.label() + " brigade",
                    Metric.RSS_BYTES_PER_TASK.key(), actual.oneThread()
                            ? "a one-thread floor has no tasks to measure: assert memory on run()'s result"
                            : "memory was not measured: call measureMemory(true) on the fixture"));
        }
        return actual.memoryPerTask();
    }

    /** Carries this assertion's description ({@code as(...)}) over to a navigated one. */
    final <A extends AbstractAssert<A, ?>> A described(A navigated) {
        return Navigation.describe(this, navigated);
    }

    /**
     * Fails when a metric is worse than in the baseline stored for this machine, beyond the tolerance
     * ({@code brigade.baseline.tolerance}, default 10 %) with confidence. Compares the main metrics
     * ({@code nanosPerHop}), or the ones named. Without a baseline for this machine it passes, and the report says so;
     * run with {@code -Dbrigade.baseline.update=true} to record one. Needs the JUnit extension: call it in a Brigade
     * test.
     *
     * @param metrics metric names such as {@code cpuNanosPerHop}; none for the main metrics
     * @return this assertion, for chaining
     */
    public SELF isNoWorseThanBaseline(String... metrics) {
        isNotNull();
        Baselines.regressed(actual, metrics).ifPresent(regressed -> throwAssertionError(
                ShouldBeNoWorseThanBaseline.shouldBeNoWorseThanBaseline(actual.label(), regressed)));
        return myself;
    }
}
