package dev.brigade.junit.internal.config;

/** The fixture a template injects and whose results its budgets can limit. */
public enum FixtureType {
    /** {@code @Brigade}: a {@code BrigadeFixture}; brigade results, and memory results when memory is measured. */
    BRIGADE,
    /** {@code @Spawn}: a {@code SpawnFixture}; spawn results, and memory results from {@code parked(n)}. */
    SPAWN
}
