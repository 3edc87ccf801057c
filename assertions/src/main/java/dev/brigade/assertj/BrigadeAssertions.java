package dev.brigade.assertj;

import dev.brigade.fixture.BrigadeResult;
import dev.brigade.fixture.Cost;
import dev.brigade.fixture.MemoryResult;
import dev.brigade.fixture.SpawnResult;

/**
 * Entry point of Brigade's AssertJ assertions: {@code assertThat(result).perHop().isAtMost(Duration.ofNanos(2_000))}.
 * Import it statically beside AssertJ's own {@code Assertions.assertThat}; the overloads do not clash.
 *
 * <p>Bounds fail only when a metric is beyond its limit with confidence (its whole 95 % interval); comparisons
 * between two results of one run ({@code isFasterThan}, {@code isCheaperThan}) test the ratio's interval.
 * Every failure message names the metric, the kind, the median with its interval and sample count, the limit and
 * the ratio to it.
 */
public final class BrigadeAssertions {

    private BrigadeAssertions() {
    }

    /**
     * Assertions on a brigade: per-hop time, CPU, context switches, allocation, memory per task, pinning.
     *
     * @param actual the result of {@code BrigadeFixture.run()} or {@code runOneThread()}
     * @return an assertion on {@code actual}
     */
    public static BrigadeResultAssert assertThat(BrigadeResult actual) {
        return new BrigadeResultAssert(actual);
    }

    /**
     * Assertions on a spawn: creation cost, start latency, context switches per task.
     *
     * @param actual the result of {@code SpawnFixture.run()}
     * @return an assertion on {@code actual}
     */
    public static SpawnResultAssert assertThat(SpawnResult actual) {
        return new SpawnResultAssert(actual);
    }

    /**
     * Assertions on memory per parked task: RSS and heap slopes and their fits.
     *
     * @param actual the result of {@code SpawnFixture.parked(n)}
     * @return an assertion on {@code actual}
     */
    public static MemoryResultAssert assertThat(MemoryResult actual) {
        return new MemoryResultAssert(actual);
    }

    /**
     * Assertions on what a {@code CostMeter} measured.
     *
     * @param actual the result of {@code CostMeter.measure(...)}
     * @return an assertion on {@code actual}
     */
    public static CostAssert assertThat(Cost actual) {
        return new CostAssert(actual);
    }
}
