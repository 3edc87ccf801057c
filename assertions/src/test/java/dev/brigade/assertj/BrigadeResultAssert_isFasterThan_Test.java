package dev.brigade.assertj;

import static dev.brigade.assertj.BrigadeAssertions.assertThat;
import static dev.brigade.assertj.Results.brigade;
import static dev.brigade.assertj.Results.rounds;
import static dev.brigade.fixture.TaskKind.PLATFORM;
import static dev.brigade.fixture.TaskKind.VIRTUAL;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.BDDAssertions.then;

import dev.brigade.fixture.BrigadeResult;
import org.junit.jupiter.api.Test;

class BrigadeResultAssert_isFasterThan_Test {

    /** Virtual 1.21 µs per hop, platform 3.75 µs: 3.1 times as fast. */
    private static final BrigadeResult VIRTUAL_RESULT = brigade(VIRTUAL, rounds("ns", 1_210, 30));
    private static final BrigadeResult PLATFORM_RESULT = brigade(PLATFORM, rounds("ns", 3_750, 50));

    @Test
    void should_pass_when_the_ratio_reaches_the_factor() {
        assertThatNoException().isThrownBy(() -> assertThat(VIRTUAL_RESULT).isFasterThan(PLATFORM_RESULT)
                .byAtLeast(3.0));
    }

    @Test
    void should_fail_when_the_whole_ratio_interval_is_below_the_factor() {
        Throwable failure = catchThrowable(() -> assertThat(VIRTUAL_RESULT).isFasterThan(PLATFORM_RESULT)
                .byAtLeast(5.0));

        Comparison comparison = Comparison.of("nanosPerHop", "faster", "VIRTUAL", VIRTUAL_RESULT.nanosPerHop(),
                "PLATFORM", PLATFORM_RESULT.nanosPerHop());
        then(failure).isInstanceOf(AssertionError.class)
                .hasMessage(ShouldBeFasterThan.shouldBeFasterThan(comparison, 5.0, false).create())
                .hasMessageStartingWith("Expected VIRTUAL to be at least 5.00× faster than PLATFORM in nanosPerHop but"
                        + " PLATFORM / VIRTUAL was 3.10× [")
                .hasMessageContaining("]: VIRTUAL 1.21 µs [").hasMessageContaining("; PLATFORM 3.75 µs [")
                .hasMessageEndingWith(", 20 samples" + Results.COMPARISON_WHAT_TO_DO);
    }

    @Test
    void should_fail_when_the_actual_is_slower_with_confidence() {
        then(catchThrowable(() -> assertThat(PLATFORM_RESULT).isFasterThan(VIRTUAL_RESULT)))
                .hasMessageStartingWith("Expected PLATFORM to be faster than VIRTUAL in nanosPerHop but VIRTUAL /"
                        + " PLATFORM was 0.323× [");
    }

    @Test
    void should_pass_when_two_results_are_within_noise_of_each_other() {
        BrigadeResult again = brigade(VIRTUAL, rounds("ns", 1_215, 30));

        assertThatNoException().isThrownBy(() -> assertThat(VIRTUAL_RESULT).isFasterThan(again));
    }

    @Test
    void should_fail_strictly_when_the_ratio_of_medians_is_below_the_factor() {
        then(catchThrowable(() -> assertThat(VIRTUAL_RESULT).isFasterThan(PLATFORM_RESULT).strictly()
                .byAtLeast(3.2)))
                .hasMessageStartingWith("Expected VIRTUAL to be at least 3.20× faster than PLATFORM in nanosPerHop by"
                        + " the medians but");
    }

    @Test
    void should_tell_apart_two_results_of_the_same_kind() {
        BrigadeResult slower = brigade(VIRTUAL, rounds("ns", 2_420, 30));

        then(catchThrowable(() -> assertThat(slower).isFasterThan(VIRTUAL_RESULT)))
                .hasMessageStartingWith("Expected actual VIRTUAL to be faster than other VIRTUAL in nanosPerHop");
    }

    @Test
    void should_compare_cpu_per_hop_in_isCheaperThan() {
        then(catchThrowable(() -> assertThat(VIRTUAL_RESULT).isCheaperThan(PLATFORM_RESULT).byAtLeast(4)))
                .hasMessageStartingWith("Expected VIRTUAL to be at least 4.00× cheaper than PLATFORM in"
                        + " cpuNanosPerHop");
    }

    @Test
    void should_reject_a_factor_below_one() {
        assertThatIllegalArgumentException().isThrownBy(() -> assertThat(VIRTUAL_RESULT).isFasterThan(PLATFORM_RESULT)
                .byAtLeast(0.5)).withMessageStartingWith("factor must be a finite number at least 1, but was 0.5");
    }
}
