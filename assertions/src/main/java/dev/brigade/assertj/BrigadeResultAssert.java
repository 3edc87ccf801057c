package dev.brigade.assertj;

import dev.brigade.fixture.BrigadeResult;

/** Assertions on a {@link BrigadeResult}; start with {@code BrigadeAssertions.assertThat(result)}. */
public class BrigadeResultAssert extends AbstractBrigadeResultAssert<BrigadeResultAssert> {

    /**
     * Prefer {@code BrigadeAssertions.assertThat(...)}; public for AssertJ's conventions.
     *
     * @param actual the BrigadeResult under test
     */
    public BrigadeResultAssert(BrigadeResult actual) {
        super(actual, BrigadeResultAssert.class);
    }
}
