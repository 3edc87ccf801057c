package dev.brigade.assertj;

import static dev.brigade.assertj.BrigadeAssertions.assertThat;
import static dev.brigade.assertj.Results.memory;
import static dev.brigade.assertj.Results.rounds;
import static dev.brigade.fixture.TaskKind.PLATFORM;
import static dev.brigade.fixture.TaskKind.VIRTUAL;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.BDDAssertions.then;

import dev.brigade.fixture.MemoryResult;
import org.junit.jupiter.api.Test;

class MemoryResultAssert_isSmallerThan_Test {

    /** A virtual thread: 1.4 KiB of heap (RSS flat); a platform thread: 20.4 KiB of RSS, 500 B of heap. */
    private static final MemoryResult VIRTUAL_MEMORY = memory(VIRTUAL, rounds("B", 10, 50), rounds("B", 1_430, 20));
    private static final MemoryResult PLATFORM_MEMORY = memory(PLATFORM, rounds("B", 20_890, 300),
            rounds("B", 500, 20));

    @Test
    void should_compare_each_kind_by_the_memory_that_carries_it() {
        assertThatNoException().isThrownBy(() -> assertThat(VIRTUAL_MEMORY).isSmallerThan(PLATFORM_MEMORY)
                .byAtLeast(8.0));
    }

    @Test
    void should_fail_when_the_factor_is_not_reached() {
        then(catchThrowable(() -> assertThat(VIRTUAL_MEMORY).isSmallerThan(PLATFORM_MEMORY).byAtLeast(20.0)))
                .hasMessageStartingWith("Expected VIRTUAL to be at least 20.0× smaller than PLATFORM in"
                        + " heapBytesPerTask and rssBytesPerTask but PLATFORM / VIRTUAL was 14.6× [");
    }
}
