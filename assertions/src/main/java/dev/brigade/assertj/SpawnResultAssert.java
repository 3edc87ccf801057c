package dev.brigade.assertj;

import dev.brigade.fixture.SpawnResult;

/** Assertions on a {@link SpawnResult}; start with {@code BrigadeAssertions.assertThat(result)}. */
public class SpawnResultAssert extends AbstractSpawnResultAssert<SpawnResultAssert> {

    /**
     * Prefer {@code BrigadeAssertions.assertThat(...)}; public for AssertJ's conventions.
     *
     * @param actual the SpawnResult under test
     */
    public SpawnResultAssert(SpawnResult actual) {
        super(actual, SpawnResultAssert.class);
    }
}
