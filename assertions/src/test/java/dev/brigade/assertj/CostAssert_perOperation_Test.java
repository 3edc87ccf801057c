package dev.brigade.assertj;

import static dev.brigade.assertj.BrigadeAssertions.assertThat;
import static dev.brigade.assertj.Results.cost;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.BDDAssertions.then;

import dev.brigade.fixture.Cost;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CostAssert_perOperation_Test {

    /** 10 ms of wall time and 16 ms of CPU over 1,000 operations. */
    private static final Cost COST = cost(10_000_000, 16_000_000, 1_000);

    @Test
    void should_bound_the_whole_cost() {
        assertThatNoException().isThrownBy(() -> assertThat(COST).wallTime().isAtMost(Duration.ofMillis(20)));
        then(catchThrowable(() -> assertThat(COST).cpuTime().isAtMost(Duration.ofMillis(10))))
                .hasMessage("Expected cost cpuNanos to be at most 10.0 ms but was 16.0 ms, 1 sample"
                        + " (1.60× the limit)" + Results.BUDGET_WHAT_TO_DO);
    }

    @Test
    void should_bound_the_cost_per_operation() {
        assertThatNoException().isThrownBy(() -> assertThat(COST).perOperation().wallTime()
                .isAtMost(Duration.ofNanos(10_000)));
        then(catchThrowable(() -> assertThat(COST).perOperation().contextSwitches().isAtMost(0.01)))
                .hasMessage("Expected cost contextSwitchesPerOperation to be at most 0.0100 but was 0.0500, 1 sample"
                        + " (5.00× the limit)" + Results.BUDGET_WHAT_TO_DO);
        then(catchThrowable(() -> assertThat(COST).perOperation().allocatedBytes().isAtMost(1_000)))
                .hasMessageStartingWith("Expected cost allocatedBytesPerOperation to be at most 1000 B"
                        + " but was 1.02 KiB");
    }

    @Test
    void should_bound_cpu_per_wall() {
        then(catchThrowable(() -> assertThat(COST).cpuPerWall().isAtMost(1.2)))
                .hasMessage("Expected cost cpuPerWall to be at most 1.20 but was 1.60, 1 sample (1.33× the limit)"
                        + Results.BUDGET_WHAT_TO_DO);
        assertThatNoException().isThrownBy(() -> assertThat(COST).minorFaults().isAtMost(7));
    }

    @Test
    void should_compare_two_costs() {
        Cost sequential = cost(40_000_000, 10_000_000, 1_000);

        assertThatNoException().isThrownBy(() -> assertThat(COST).isFasterThan(sequential).byAtLeast(4));
        then(catchThrowable(() -> assertThat(COST).isCheaperThan(sequential)))
                .hasMessageStartingWith("Expected actual cost to be cheaper than other cost in cpuNanos but other cost"
                        + " / actual cost was 0.625× [0.625–0.625]");
    }
}
