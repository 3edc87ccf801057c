package dev.brigade.assertj;

import dev.brigade.fixture.Cost;
import dev.brigade.measure.Estimate;
import dev.brigade.measure.Metric;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a {@link Cost}, what a {@code CostMeter} measured around some code: wall time, CPU, context
 * switches, allocation and minor faults, in total or {@link #perOperation()}.
 *
 * <p>A cost is one measurement, not rounds: its figures have no interval, so bounds compare the figure itself.
 *
 * @param <SELF> the concrete assertion, for chaining
 */
public abstract class AbstractCostAssert<SELF extends AbstractCostAssert<SELF>> extends AbstractAssert<SELF, Cost> {

    private final boolean perOperation;

    /**
     * For a subclass: AssertJ's pattern of a concrete assertion over this abstract one.
     *
     * @param actual   the Cost under test
     * @param selfType the concrete assertion's class
     */
    protected AbstractCostAssert(Cost actual, Class<?> selfType) {
        this(actual, false, selfType);
    }

    AbstractCostAssert(Cost actual, boolean perOperation, Class<?> selfType) {
        super(actual, selfType);
        this.perOperation = perOperation;
    }

    /**
     * The same cost divided by the operations given to {@code CostMeter.measure(operations, work)}.
     *
     * @return an assertion on the same figures per operation
     */
    public CostAssert perOperation() {
        isNotNull();
        return Navigation.describe(this, new CostAssert(actual, true));
    }

    /**
     * Wall time ({@code wallNanos}).
     *
     * @return an assertion on the wall time, with limits as {@link java.time.Duration}s
     */
    public DurationMetricAssert wallTime() {
        return Navigation.describe(this, new DurationMetricAssert(figure(measured().wallNanos(), "ns"), subject(),
                name(Metric.WALL_NANOS.key())));
    }

    /**
     * User + system CPU of the process ({@code cpuNanos}).
     *
     * @return an assertion on the CPU time, with limits as {@link java.time.Duration}s
     */
    public DurationMetricAssert cpuTime() {
        return Navigation.describe(this, new DurationMetricAssert(figure(measured().cpuNanos(), "ns"), subject(),
                name(Metric.CPU_NANOS.key())));
    }

    /**
     * Voluntary + involuntary OS context switches of the process ({@code contextSwitches}).
     *
     * @return an assertion on the context switches, a count
     */
    public CountMetricAssert contextSwitches() {
        return Navigation.describe(this, new CountMetricAssert(figure(measured().contextSwitches(), "1"), subject(),
                name("contextSwitches")));
    }

    /**
     * Minor page faults of the process ({@code minorFaults}).
     *
     * @return an assertion on the minor page faults, a count
     */
    public CountMetricAssert minorFaults() {
        return Navigation.describe(this, new CountMetricAssert(figure(measured().minorFaults(), "1"), subject(),
                name("minorFaults")));
    }

    /**
     * Heap allocated by all threads ({@code allocatedBytes}).
     *
     * @return an assertion on the bytes allocated
     */
    public BytesMetricAssert allocatedBytes() {
        return Navigation.describe(this, new BytesMetricAssert(figure(measured().allocatedBytes(), "B"), subject(),
                name("allocatedBytes")));
    }

    /**
     * CPU time over wall time: above 1 when the work ran on several cores at once ({@code cpuPerWall}).
     *
     * @return an assertion on the ratio (no unit): 2.0 is two cores busy on average
     */
    public CountMetricAssert cpuPerWall() {
        return Navigation.describe(this, new CountMetricAssert(Estimate.of("1", measured().cpuPerWall()), subject(),
                "cpuPerWall"));
    }

    /**
     * Fails unless this cost's wall time is lower than {@code other}'s; {@code .byAtLeast} asks for a factor. A cost
     * is one measurement without an interval, so measure both sides in the same test, one after the other, and ask
     * for a factor wide enough for the noise of one run:
     *
     * <pre>{@code
     * CostMeter meter = CostMeter.create();
     * Cost batched = meter.measure(10_000, () -> pipeline.processBatched(items));
     * Cost oneByOne = meter.measure(10_000, () -> pipeline.processOneByOne(items));
     * assertThat(batched).perOperation().isFasterThan(oneByOne).byAtLeast(2);
     * }</pre>
     *
     * @param other the cost to compare with, measured in the same run
     * @return the ratio, for {@code .byAtLeast(factor)}
     */
    public RatioAssert isFasterThan(Cost other) {
        Objects.requireNonNull(other, "other");
        return compare(Metric.WALL_NANOS.key(), "faster", measured().wallNanos(), other.wallNanos(), other);
    }

    /**
     * Fails unless this cost's CPU time is lower than {@code other}'s; {@code .byAtLeast} asks for a factor.
     *
     * @param other another cost, measured by the same meter
     * @return an assertion on the ratio {@code other / this} of CPU time, for {@link RatioAssert#byAtLeast(double)}
     */
    public RatioAssert isCheaperThan(Cost other) {
        Objects.requireNonNull(other, "other");
        return compare(Metric.CPU_NANOS.key(), "cheaper", measured().cpuNanos(), other.cpuNanos(), other);
    }

    private RatioAssert compare(String metric, String adjective, long mine, long theirs, Cost other) {
        Estimate actualFigure = figure(mine, "ns");
        Estimate otherFigure = Estimate.of("ns", perOperation ? (double) theirs / other.operations() : theirs);
        return Navigation.describe(this, new RatioAssert(Comparison.of(name(metric), adjective, subject(),
                actualFigure, subject(), otherFigure))).check(1);
    }

    private Cost measured() {
        isNotNull();
        return actual;
    }

    private Estimate figure(long total, String unit) {
        return Estimate.of(unit, perOperation ? (double) total / actual.operations() : total);
    }

    private String name(String metric) {
        return perOperation ? metric + "PerOperation" : metric;
    }

    private static String subject() {
        return "cost";
    }
}
