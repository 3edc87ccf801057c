package dev.brigade.assertj;

import static dev.brigade.assertj.BrigadeAssertions.assertThat;
import static dev.brigade.assertj.Results.brigade;
import static dev.brigade.assertj.Results.memory;
import static dev.brigade.assertj.Results.rounds;
import static dev.brigade.fixture.TaskKind.PLATFORM;
import static dev.brigade.fixture.TaskKind.VIRTUAL;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.BDDAssertions.then;

import dev.brigade.fixture.BrigadeResult;
import dev.brigade.fixture.MemoryResult;
import dev.brigade.measure.Bytes;
import dev.brigade.measure.Estimate;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class BytesMetricAssert_isAtMost_Test {

    /** 20.4 KiB of RSS per platform thread, 1.4 KiB heap. */
    private static final Estimate RSS = rounds("B", 20_890, 400);
    private static final Estimate HEAP = rounds("B", 1_430, 40);
    private static final MemoryResult MEMORY = memory(PLATFORM, RSS, HEAP);

    @Test
    void should_pass_when_memory_per_task_is_within_the_limit() {
        assertThatNoException().isThrownBy(() -> assertThat(MEMORY).memoryPerTask().isAtMost(Bytes.kib(32)));
        assertThatNoException().isThrownBy(() -> assertThat(MEMORY).heapPerTask().isAtMost(Bytes.kib(2)));
    }

    @Test
    void should_fail_when_memory_per_task_is_over_the_limit() {
        then(catchThrowable(() -> assertThat(MEMORY).memoryPerTask().isAtMost(Bytes.kib(8))))
                .hasMessage(ShouldBeAtMost.shouldBeAtMost(new AbstractMetricAssert.Subject("PLATFORM",
                        "rssBytesPerTask", false), RSS, 8192, "8.00 KiB").create())
                .hasMessageStartingWith("Expected PLATFORM rssBytesPerTask to be at most 8.00 KiB but was 20.4 KiB [");
    }

    @Test
    void should_fail_by_the_median_with_a_figure_below_resolution_as_its_upper_end_never_a_negative_one() {
        Estimate noise = Estimate.ofInterval("B", 3_072, -12_900, 17_306, 0.5, 4);

        then(catchThrowable(() -> assertThat(memory(VIRTUAL, RSS, noise)).heapPerTask().strictly()
                .isAtMost(Bytes.kib(1))))
                .hasMessage(ShouldBeAtMost.shouldBeAtMost(new AbstractMetricAssert.Subject("VIRTUAL",
                        "heapBytesPerTask", true), noise, 1024, "1.00 KiB").create())
                .hasMessageContaining("but was below resolution: at most 16.9 KiB, 4 samples")
                .hasMessageNotContaining("-12");
    }

    @Test
    void should_read_a_brigades_memory_per_task() {
        BrigadeResult brigade = brigade(VIRTUAL, rounds("ns", 1_000, 10), MEMORY, OptionalLong.empty(), List.of());

        then(catchThrowable(() -> assertThat(brigade).heapPerTask().isAtMost(1_000)))
                .hasMessageStartingWith("Expected VIRTUAL heapBytesPerTask to be at most 1000 B but was 1.40 KiB [");
    }

    @Test
    void should_fail_when_the_brigade_did_not_measure_memory() {
        BrigadeResult brigade = brigade(VIRTUAL, rounds("ns", 1_000, 10), null, OptionalLong.empty(), List.of());

        then(catchThrowable(() -> assertThat(brigade).memoryPerTask().isAtMost(Bytes.kib(8))))
                .hasMessage(ShouldHaveMeasured.shouldHaveMeasured("VIRTUAL brigade", "rssBytesPerTask",
                        "memory was not measured: call measureMemory(true) on the fixture").create());
    }

    @Test
    void should_check_allocation_per_hop() {
        BrigadeResult brigade = brigade(VIRTUAL, rounds("ns", 1_000, 10));

        assertThatNoException().isThrownBy(() -> assertThat(brigade).allocatedBytesPerHop().isAtMost(128));
        then(catchThrowable(() -> assertThat(brigade).allocatedBytesPerHop().isAtMost(0)))
                .hasMessageStartingWith("Expected VIRTUAL allocatedBytesPerHop to be at most 0 B but was 64 B [");
    }

    @Test
    void should_reject_a_negative_size() {
        assertThatIllegalArgumentException().isThrownBy(() -> assertThat(MEMORY).memoryPerTask().isAtMost(-1))
                .withMessage("limit must not be negative, but was -1 bytes: give a size such as Bytes.kib(8)");
    }
}
