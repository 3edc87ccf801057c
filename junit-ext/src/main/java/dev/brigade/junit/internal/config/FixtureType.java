package dev.brigade.junit.internal.config;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * The fixture a template injects and whose results its budgets can limit.
 *
 * <p>Public for {@code lifecycle} and {@code verdict}, which tell a brigade from a spawn template.
 */
@API(status = INTERNAL, since = "0.1.0")
public enum FixtureType {
    /** {@code @Brigade}: a {@code BrigadeFixture}; brigade results, and memory results when memory is measured. */
    BRIGADE,
    /** {@code @Spawn}: a {@code SpawnFixture}; spawn results, and memory results from {@code parked(n)}. */
    SPAWN
}
