package dev.brigade.assertj;

import dev.brigade.fixture.Cost;

/** Assertions on a {@link Cost}; start with {@code BrigadeAssertions.assertThat(cost)}. */
public class CostAssert extends AbstractCostAssert<CostAssert> {

    /**
     * Prefer {@code BrigadeAssertions.assertThat(...)}; public for AssertJ's conventions.
     *
     * @param actual the Cost under test
     */
    public CostAssert(Cost actual) {
        super(actual, CostAssert.class);
    }

    CostAssert(Cost actual, boolean perOperation) {
        super(actual, perOperation, CostAssert.class);
    }
}
