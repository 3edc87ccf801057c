package dev.brigade.assertj;

import static dev.brigade.assertj.BrigadeAssertions.assertThat;
import static dev.brigade.assertj.Results.memory;
import static dev.brigade.assertj.Results.rounds;
import static dev.brigade.fixture.TaskKind.VIRTUAL;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.BDDAssertions.then;

import dev.brigade.fixture.MemoryResult;
import org.junit.jupiter.api.Test;

class MemoryResultAssert_hasLinearFitAtLeast_Test {

    private static final MemoryResult MEMORY = memory(VIRTUAL, rounds("B", 900, 50), rounds("B", 1_400, 20));

    @Test
    void should_pass_when_both_fits_are_good_enough() {
        assertThatNoException().isThrownBy(() -> assertThat(MEMORY).hasLinearFitAtLeast(0.95));
    }

    @Test
    void should_fail_when_a_fit_is_poor() {
        then(catchThrowable(() -> assertThat(MEMORY).hasLinearFitAtLeast(0.985)))
                .hasMessage(ShouldHaveLinearFit.shouldHaveLinearFit(MEMORY, 0.985).create())
                .hasMessage("Expected VIRTUAL memory per task to fit a line with R² of at least 0.985 but its heap fit"
                        + " had 0.980 (RSS 0.990) over 2 points: 500 tasks 1.00 MiB RSS 512 KiB heap, 2000 tasks"
                        + " 4.00 MiB RSS 2.00 MiB heap");
    }

    @Test
    void should_judge_platform_threads_by_their_rss_fit() {
        MemoryResult platform = Results.memory(dev.brigade.fixture.TaskKind.PLATFORM, rounds("B", 20_000, 50),
                rounds("B", 500, 20));

        assertThatNoException().isThrownBy(() -> assertThat(platform).hasLinearFitAtLeast(0.985));
    }

    @Test
    void should_reject_an_r2_outside_zero_to_one() {
        assertThatIllegalArgumentException().isThrownBy(() -> assertThat(MEMORY).hasLinearFitAtLeast(1.5))
                .withMessage("r2 must be between 0 and 1, but was 1.5");
    }
}
