package dev.brigade.assertj;

import dev.brigade.fixture.MemoryResult;

/** Assertions on a {@link MemoryResult}; start with {@code BrigadeAssertions.assertThat(result)}. */
public class MemoryResultAssert extends AbstractMemoryResultAssert<MemoryResultAssert> {

    public MemoryResultAssert(MemoryResult actual) {
        super(actual, MemoryResultAssert.class);
    }
}
