package dev.brigade.assertj;

import static dev.brigade.assertj.BrigadeAssertions.assertThat;
import static dev.brigade.assertj.Results.rounds;
import static dev.brigade.assertj.Results.spawn;
import static dev.brigade.fixture.TaskKind.PLATFORM;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.BDDAssertions.then;

import dev.brigade.fixture.SpawnResult;
import dev.brigade.measure.Estimate;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** isLessThan, isAtLeast and isBetween, on a spawn's creation cost. */
class DurationMetricAssert_bounds_Test {

    /** 50.0 µs, interval inside [45 µs, 55 µs]. */
    private static final Estimate PER_TASK = rounds("ns", 50_000, 5_000);
    private static final SpawnResult SPAWN = spawn(PLATFORM, PER_TASK);
    private static final AbstractMetricAssert.Subject SUBJECT =
            new AbstractMetricAssert.Subject("PLATFORM", "nanosPerTask", false);

    @Test
    void should_pass_isLessThan_when_the_interval_reaches_below_the_limit() {
        assertThatNoException().isThrownBy(() -> assertThat(SPAWN).creationCost().isLessThan(Duration.ofNanos(50_000)));
    }

    @Test
    void should_fail_isLessThan_when_the_whole_interval_is_at_or_above_the_limit() {
        then(catchThrowable(() -> assertThat(SPAWN).creationCost().isLessThan(Duration.ofNanos(40_000))))
                .hasMessage(ShouldBeLessThan.shouldBeLessThan(SUBJECT, PER_TASK, 40_000, "40.0 µs").create());
    }

    @Test
    void should_pass_isAtLeast_when_the_interval_reaches_the_limit() {
        assertThatNoException().isThrownBy(() -> assertThat(SPAWN).creationCost().isAtLeast(Duration.ofNanos(52_000)));
    }

    @Test
    void should_fail_isAtLeast_when_the_whole_interval_is_below_the_limit() {
        then(catchThrowable(() -> assertThat(SPAWN).creationCost().isAtLeast(Duration.ofMillis(1))))
                .hasMessage(ShouldBeAtLeast.shouldBeAtLeast(SUBJECT, PER_TASK, 1e6, "1.00 ms").create())
                .hasMessageEndingWith("(0.0500× the limit)" + Results.BUDGET_WHAT_TO_DO);
    }

    @Test
    void should_pass_isBetween_when_the_interval_overlaps_the_range() {
        assertThatNoException().isThrownBy(() -> assertThat(SPAWN).creationCost()
                .isBetween(Duration.ofNanos(10_000), Duration.ofNanos(48_000)));
    }

    @Test
    void should_fail_isBetween_when_the_whole_interval_is_above_the_range() {
        then(catchThrowable(() -> assertThat(SPAWN).creationCost()
                .isBetween(Duration.ofNanos(10_000), Duration.ofNanos(20_000))))
                .hasMessage(ShouldBeBetween.shouldBeBetween(SUBJECT, PER_TASK, 10_000, "10.0 µs", 20_000, "20.0 µs")
                        .create())
                .hasMessageEndingWith("(2.50× the upper limit)" + Results.BUDGET_WHAT_TO_DO);
    }

    @Test
    void should_fail_isBetween_when_the_whole_interval_is_below_the_range() {
        then(catchThrowable(() -> assertThat(SPAWN).startLatency()
                .isBetween(Duration.ofMillis(1), Duration.ofMillis(2))))
                .hasMessageStartingWith("Expected PLATFORM startLatencyNanos to be between 1.00 ms and 2.00 ms but was")
                .hasMessageEndingWith("× the lower limit)" + Results.BUDGET_WHAT_TO_DO);
    }

    @Test
    void should_reject_a_range_whose_start_is_after_its_end() {
        assertThatIllegalArgumentException().isThrownBy(() -> assertThat(SPAWN).creationCost()
                        .isBetween(Duration.ofNanos(2), Duration.ofNanos(1)))
                .withMessage("isBetween(start, end) needs start <= end,"
                        + " but start was 2.00 ns and end 1.00 ns: swap them");
    }
}
