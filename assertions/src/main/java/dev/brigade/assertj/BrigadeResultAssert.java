package dev.brigade.assertj;

import dev.brigade.fixture.BrigadeResult;

/** Assertions on a {@link BrigadeResult}; start with {@code BrigadeAssertions.assertThat(result)}. */
public class BrigadeResultAssert extends AbstractBrigadeResultAssert<BrigadeResultAssert> {

    public BrigadeResultAssert(BrigadeResult actual) {
        super(actual, BrigadeResultAssert.class);
    }
}
