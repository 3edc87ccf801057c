package dev.brigade.assertj;

import dev.brigade.fixture.MemoryResult;

/** Assertions on a {@link MemoryResult}; start with {@code BrigadeAssertions.assertThat(result)}. */
public class MemoryResultAssert extends AbstractMemoryResultAssert<MemoryResultAssert> {

    /**
     * Prefer {@code BrigadeAssertions.assertThat(...)}; public for AssertJ's conventions.
     *
     * @param actual the MemoryResult under test
     */
    public MemoryResultAssert(MemoryResult actual) {
        super(actual, MemoryResultAssert.class);
    }
}
