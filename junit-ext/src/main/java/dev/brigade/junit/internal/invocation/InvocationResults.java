package dev.brigade.junit.internal.invocation;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.brigade.fixture.BrigadeResult;
import dev.brigade.fixture.Cost;
import dev.brigade.fixture.FixtureListener;
import dev.brigade.fixture.Measurement;
import dev.brigade.fixture.MemoryResult;
import dev.brigade.fixture.Remeasure;
import dev.brigade.fixture.SpawnResult;
import dev.brigade.fixture.TaskKind;
import dev.brigade.junit.internal.config.Limit;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Every result one test invocation produced, in order: the listener of the fixtures the extension injects.
 * Thread-safe: a test may run its fixtures on threads of its own.
 *
 * <p>Kept in the invocation's {@link ExtensionContext.Store}, which closes it when the invocation ends; a fixture
 * that outlives its test (kept in a static field, say) then fails instead of reporting into nowhere.
 *
 * <p>Public for {@code lifecycle}, which makes it, and {@code verdict}, {@code baseline} and {@code report}, which read
 * its results.
 */
@SuppressWarnings("deprecation") // CloseableResource: JUnit before 5.13 closes only those; later ones AutoCloseables
@API(status = INTERNAL, since = "0.1.0")
public final class InvocationResults implements FixtureListener, Remeasure.Keeper, AutoCloseable,
        ExtensionContext.Store.CloseableResource {

    private final String where;
    private final List<Measurement> results = new ArrayList<>();
    private final java.util.Set<Measurement> forked =
            java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    private final java.util.Map<Measurement, Integer> runs = new java.util.IdentityHashMap<>();
    private final java.util.Map<Measurement, Remeasure.Again> again = new java.util.IdentityHashMap<>();
    private boolean closed;

    /** Results of the invocation of {@code where} ({@code method [X#y]}). */
    public InvocationResults(String where) {
        this.where = where;
    }

    @Override
    public void onBrigade(BrigadeResult result) {
        add(result);
    }

    @Override
    public void onSpawn(SpawnResult result) {
        add(result);
    }

    @Override
    public void onMemory(MemoryResult result) {
        add(result);
    }

    @Override
    public void onCost(Cost cost) {
        add(cost);
    }

    /**
     * Adds a result measured in a fork, as if a fixture had reported it, marked as forked and, when the invocation
     * runs in several forks ({@code @Fork(runs = ...)}), with the number of its run, from 1; 0 for a single fork.
     */
    public synchronized void addForked(Measurement result, int run) {
        add(result);
        forked.add(result);
        if (run > 0) {
            runs.put(result, run);
        }
    }

    private synchronized void add(Measurement result) {
        if (closed) {
            throw new IllegalStateException("this fixture was injected into the test " + where + ", which has ended;"
                    + " a fixture belongs to its test: create your own with BrigadeFixture.create(),"
                    + " SpawnFixture.create() or CostMeter.create() to use one elsewhere");
        }
        results.add(result);
    }

    /** Keeps how to run {@code result}'s measurement again, for a failed budget's second measurement. */
    @Override
    public synchronized void keep(Measurement result, Remeasure.Again again) {
        this.again.put(result, again);
    }

    /** How to run {@code result}'s measurement again in this JVM; empty for one measured elsewhere, or not run(). */
    public synchronized java.util.Optional<Remeasure.Again> again(Measurement result) {
        return java.util.Optional.ofNullable(again.get(result));
    }

    /** The results so far, in the order produced. */
    public synchronized Collected collected() {
        java.util.Set<Measurement> forkedCopy = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        forkedCopy.addAll(forked);
        return new Collected(List.copyOf(results), java.util.Collections.unmodifiableSet(forkedCopy),
                java.util.Collections.unmodifiableMap(new java.util.IdentityHashMap<>(runs)));
    }

    @Override
    public synchronized void close() {
        closed = true;
    }

    /**
     * A snapshot of the results of one invocation.
     *
     * <p>Public for {@code lifecycle}, {@code verdict}, {@code baseline} and {@code report}, which judge and record the
     * results.
     *
     * @param all every result, in the order produced: {@link BrigadeResult}, {@link SpawnResult},
     *            {@link MemoryResult} or {@link Cost}
     * @param forked the results measured in a {@code @Fork} child JVM (compared by identity)
     * @param runs   for an invocation run in several forks, the run (from 1) each result was measured in (by
     *               identity)
     */
    @API(status = INTERNAL, since = "0.1.0")
    public record Collected(List<Measurement> all, java.util.Set<Measurement> forked,
                            java.util.Map<Measurement, Integer> runs) {

        /** Whether {@code result} was measured in a fork. */
        public boolean isForked(Measurement result) {
            return forked.contains(result);
        }

        /** The run of {@code @Fork(runs = ...)} that measured {@code result}, from 1; 0 for a single run. */
        public int runOf(Measurement result) {
            return runs.getOrDefault(result, 0);
        }

        /** The results a limit of {@code source} on {@code kind} checks, in the order produced. */
        public List<Measurement> of(Limit.Source source, TaskKind kind) {
            return all.stream().map(result -> source.target(result, kind)).filter(java.util.Objects::nonNull)
                    .toList();
        }
    }
}
