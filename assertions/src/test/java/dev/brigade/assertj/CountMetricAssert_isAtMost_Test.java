package dev.brigade.assertj;

import static dev.brigade.assertj.BrigadeAssertions.assertThat;
import static dev.brigade.assertj.Results.brigade;
import static dev.brigade.assertj.Results.rounds;
import static dev.brigade.assertj.Results.spawn;
import static dev.brigade.fixture.TaskKind.PLATFORM;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.BDDAssertions.then;

import dev.brigade.fixture.BrigadeResult;
import org.junit.jupiter.api.Test;

class CountMetricAssert_isAtMost_Test {

    private static final BrigadeResult RESULT = brigade(PLATFORM, rounds("ns", 8_000, 100));

    @Test
    void should_pass_when_context_switches_per_hop_are_within_the_limit() {
        assertThatNoException().isThrownBy(() -> assertThat(RESULT).contextSwitchesPerHop().isAtMost(0.1));
    }

    @Test
    void should_fail_when_context_switches_per_hop_are_over_the_limit_with_confidence() {
        then(catchThrowable(() -> assertThat(RESULT).contextSwitchesPerHop().isAtMost(0.01)))
                .hasMessage(ShouldBeAtMost.shouldBeAtMost(new AbstractMetricAssert.Subject("PLATFORM",
                        "contextSwitchesPerHop", false), RESULT.contextSwitchesPerHop(), 0.01, "0.0100").create())
                .hasMessageStartingWith("Expected PLATFORM contextSwitchesPerHop to be at most 0.0100 but was 0.0200 [")
                .hasMessageEndingWith("(2.00× the limit)" + Results.BUDGET_WHAT_TO_DO);
    }

    @Test
    void should_leave_out_the_ratio_when_the_limit_is_zero() {
        then(catchThrowable(() -> assertThat(spawn(PLATFORM, rounds("ns", 1_000, 10))).contextSwitchesPerTask()
                .isAtMost(0))).hasMessageEndingWith(", 20 samples" + Results.BUDGET_WHAT_TO_DO);
    }

    @Test
    void should_reject_a_limit_that_is_not_a_number() {
        assertThatIllegalArgumentException().isThrownBy(() -> assertThat(RESULT).contextSwitchesPerHop()
                .isAtMost(Double.NaN)).withMessage("limit must be a finite number at least 0, but was NaN");
    }
}
