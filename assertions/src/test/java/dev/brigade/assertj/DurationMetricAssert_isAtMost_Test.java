package dev.brigade.assertj;

import static dev.brigade.assertj.BrigadeAssertions.assertThat;
import static dev.brigade.assertj.Results.brigade;
import static dev.brigade.assertj.Results.rounds;
import static dev.brigade.fixture.TaskKind.VIRTUAL;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.BDDAssertions.then;

import dev.brigade.fixture.BrigadeResult;
import dev.brigade.measure.Estimate;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationMetricAssert_isAtMost_Test {

    /** 2.41 µs, interval inside [2.30 µs, 2.52 µs]. */
    private static final Estimate PER_HOP = rounds("ns", 2410, 110);
    private static final BrigadeResult RESULT = brigade(VIRTUAL, PER_HOP);

    @Test
    void should_pass_when_the_whole_interval_is_below_the_limit() {
        assertThatNoException().isThrownBy(() -> assertThat(RESULT).perHop().isAtMost(Duration.ofNanos(3_000)));
    }

    @Test
    void should_pass_when_the_interval_reaches_over_the_limit_but_not_entirely() {
        assertThatNoException().isThrownBy(() -> assertThat(RESULT).perHop().isAtMost(Duration.ofNanos(2_400)));
    }

    @Test
    void should_fail_when_the_whole_interval_is_above_the_limit() {
        Throwable failure = catchThrowable(() -> assertThat(RESULT).perHop().isAtMost(Duration.ofNanos(2_000)));

        then(failure).isInstanceOf(AssertionError.class).hasMessage(ShouldBeAtMost.shouldBeAtMost(
                new AbstractMetricAssert.Subject("VIRTUAL", "nanosPerHop", false), PER_HOP, 2_000,
                "2.00 µs").create());
        then(failure).hasMessageStartingWith("Expected VIRTUAL nanosPerHop to be at most 2.00 µs but was 2.41 µs [")
                .hasMessageEndingWith("], 20 samples (1.21× the limit)" + Results.BUDGET_WHAT_TO_DO);
    }

    @Test
    void should_fail_strictly_when_only_the_median_is_above_the_limit() {
        Throwable failure = catchThrowable(() -> assertThat(RESULT).perHop().strictly()
                .isAtMost(Duration.ofNanos(2_400)));

        then(failure).hasMessage(ShouldBeAtMost.shouldBeAtMost(
                new AbstractMetricAssert.Subject("VIRTUAL", "nanosPerHop", true), PER_HOP, 2_400, "2.40 µs").create());
        then(failure).hasMessageStartingWith("Expected the median of VIRTUAL nanosPerHop to be at most 2.40 µs");
    }

    @Test
    void should_pass_strictly_when_the_median_is_within_the_limit() {
        assertThatNoException().isThrownBy(() -> assertThat(RESULT).perHop().strictly()
                .isAtMost(Duration.ofNanos(2_500)));
    }

    @Test
    void should_keep_the_description_given_to_the_result() {
        Throwable failure = catchThrowable(() -> assertThat(RESULT).as("codec round trip").perHop()
                .isAtMost(Duration.ofNanos(1)));

        then(failure).hasMessageStartingWith("[codec round trip] Expected VIRTUAL nanosPerHop to be at most 1.00 ns");
    }

    @Test
    void should_check_cpu_per_hop_the_same_way() {
        Throwable failure = catchThrowable(() -> assertThat(RESULT).cpuPerHop().isAtMost(Duration.ofNanos(1_000)));

        then(failure).hasMessage(ShouldBeAtMost.shouldBeAtMost(new AbstractMetricAssert.Subject("VIRTUAL",
                "cpuNanosPerHop", false), PER_HOP.times(1.5), 1_000, "1.00 µs").create());
    }

    @Test
    void should_reject_a_negative_limit_naming_it() {
        assertThatIllegalArgumentException().isThrownBy(() -> assertThat(RESULT).perHop()
                        .isAtMost(Duration.ofNanos(-1)))
                .withMessage("limit must not be negative, but was PT-0.000000001S: give a duration such as"
                        + " Duration.ofNanos(500)");
    }

    @Test
    void should_fail_on_a_null_result() {
        then(catchThrowable(() -> assertThat((BrigadeResult) null).perHop())).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting actual not to be null");
    }
}
