package dev.brigade.assertj;

import static dev.brigade.assertj.BrigadeAssertions.assertThat;
import static dev.brigade.assertj.Results.rounds;
import static dev.brigade.assertj.Results.spawn;
import static dev.brigade.fixture.TaskKind.PLATFORM;
import static dev.brigade.fixture.TaskKind.VIRTUAL;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.BDDAssertions.then;

import dev.brigade.fixture.SpawnResult;
import org.junit.jupiter.api.Test;

class SpawnResultAssert_isCheaperThan_Test {

    private static final SpawnResult VIRTUAL_SPAWN = spawn(VIRTUAL, rounds("ns", 600, 20));
    private static final SpawnResult PLATFORM_SPAWN = spawn(PLATFORM, rounds("ns", 60_000, 2_000));

    @Test
    void should_pass_when_creation_is_cheaper_by_the_factor() {
        assertThatNoException().isThrownBy(() -> assertThat(VIRTUAL_SPAWN).isCheaperThan(PLATFORM_SPAWN)
                .byAtLeast(50.0));
    }

    @Test
    void should_fail_when_creation_is_not_cheaper_by_the_factor() {
        Comparison comparison = Comparison.of("nanosPerTask", "cheaper", "VIRTUAL", VIRTUAL_SPAWN.nanosPerTask(),
                "PLATFORM", PLATFORM_SPAWN.nanosPerTask());

        then(catchThrowable(() -> assertThat(VIRTUAL_SPAWN).isCheaperThan(PLATFORM_SPAWN).byAtLeast(500.0)))
                .hasMessage(ShouldBeFasterThan.shouldBeFasterThan(comparison, 500.0, false).create())
                .hasMessageStartingWith("Expected VIRTUAL to be at least 500× cheaper than PLATFORM in nanosPerTask"
                        + " but PLATFORM / VIRTUAL was 100×");
    }

    @Test
    void should_compare_start_latency() {
        then(catchThrowable(() -> assertThat(PLATFORM_SPAWN).startsFasterThan(VIRTUAL_SPAWN)))
                .hasMessageStartingWith("Expected PLATFORM to be faster than VIRTUAL in startLatencyNanos");
    }

    @Test
    void should_bound_context_switches_and_cpu_per_task() {
        assertThatNoException().isThrownBy(() -> assertThat(VIRTUAL_SPAWN).contextSwitchesPerTask().isAtMost(3));
        then(catchThrowable(() -> assertThat(VIRTUAL_SPAWN).cpuPerTask().isAtMost(java.time.Duration.ofNanos(100))))
                .hasMessageStartingWith("Expected VIRTUAL cpuNanosPerTask to be at most 100 ns but was 720 ns [");
        then(catchThrowable(() -> assertThat(VIRTUAL_SPAWN).allocatedBytesPerTask().isAtMost(100)))
                .hasMessageStartingWith("Expected VIRTUAL allocatedBytesPerTask to be at most 100 B but was 512 B [");
    }
}
