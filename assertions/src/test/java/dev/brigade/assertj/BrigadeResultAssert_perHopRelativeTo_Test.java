package dev.brigade.assertj;

import static dev.brigade.assertj.BrigadeAssertions.assertThat;
import static dev.brigade.assertj.Results.brigade;
import static dev.brigade.assertj.Results.rounds;
import static dev.brigade.assertj.Results.spawn;
import static dev.brigade.fixture.TaskKind.PLATFORM;
import static dev.brigade.fixture.TaskKind.VIRTUAL;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.BDDAssertions.then;

import dev.brigade.fixture.BrigadeResult;
import dev.brigade.measure.Estimate;
import org.junit.jupiter.api.Test;

class BrigadeResultAssert_perHopRelativeTo_Test {

    private static final BrigadeResult VIRTUAL_RESULT = brigade(VIRTUAL, rounds("ns", 1_200, 30));
    private static final BrigadeResult PLATFORM_RESULT = brigade(PLATFORM, rounds("ns", 6_000, 60));

    @Test
    void should_pass_when_the_ratio_to_the_reference_is_within_the_limit() {
        assertThatNoException().isThrownBy(() -> assertThat(VIRTUAL_RESULT).perHopRelativeTo(PLATFORM_RESULT)
                .isAtMost(0.3));
    }

    @Test
    void should_fail_when_the_ratio_to_the_reference_is_over_the_limit_with_confidence() {
        Estimate ratio = Estimate.ratio(VIRTUAL_RESULT.nanosPerHop(), PLATFORM_RESULT.nanosPerHop());

        then(catchThrowable(() -> assertThat(VIRTUAL_RESULT).perHopRelativeTo(PLATFORM_RESULT).isAtMost(0.1)))
                .hasMessage(ShouldBeAtMost.shouldBeAtMost(new AbstractMetricAssert.Subject("VIRTUAL",
                        "nanosPerHop / PLATFORM's", false), ratio, 0.1, "0.100").create())
                .hasMessageStartingWith("Expected VIRTUAL nanosPerHop / PLATFORM's to be at most 0.100"
                        + " but was 0.200 [");
    }

    @Test
    void should_bound_creation_cost_relative_to_a_reference_spawn() {
        then(catchThrowable(() -> assertThat(spawn(VIRTUAL, rounds("ns", 600, 20)))
                .creationCostRelativeTo(spawn(PLATFORM, rounds("ns", 1_200, 20))).isAtMost(0.2)))
                .hasMessageStartingWith("Expected VIRTUAL nanosPerTask / PLATFORM's to be at most 0.200"
                        + " but was 0.500 [");
    }
}
