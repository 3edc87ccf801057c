package dev.brigade.junit.internal.fork;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.brigade.fixture.Measurement;
import dev.brigade.junit.internal.config.Configuration;
import dev.brigade.junit.internal.explain.Explained;
import dev.brigade.junit.internal.invocation.CurrentInvocation;
import dev.brigade.measure.BaseComparison;
import dev.brigade.measure.BaselineComparison;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The child side of {@code @Fork}: in a JVM started by {@link ForkRunner}, the configuration parameter
 * {@value Configuration#FORK_CHILD} names the kind of the one invocation to run, and the results of that invocation
 * are kept here for {@link ForkMain} to send back. Thread-safe.
 *
 * <p>Public for {@code lifecycle}, whose {@code InForkChild} keeps the invocation's results here.
 */
@API(status = INTERNAL, since = "0.1.0")
public final class ForkChild {

    private static final List<Measurement> RESULTS = new ArrayList<>();
    private static final List<List<BaselineComparison>> COMPARISONS = new ArrayList<>();
    private static final List<List<BaseComparison>> BASE = new ArrayList<>();
    private static final List<Explained> EXPLAINED = new ArrayList<>();
    private static final List<Map<String, List<String>>> BUDGETS = new ArrayList<>();
    private static final Map<String, List<String>> DEFERRED = new LinkedHashMap<>();

    private ForkChild() {
    }

    /**
     * Keeps what the invocation's body produced, for the test's JVM: its results, each with the baseline comparisons
     * the body made of it and the comparisons with the base build ({@code @AgainstBase}: both sides ran in this
     * JVM) with what explains a failed one ({@code explained}, none for a result without), the lines that explain
     * its failed budgets by the budget as written ({@code budgets}: the second measurement runs here, where the
     * fixture is), and the metrics the body left to {@code @Baseline} to record.
     */
    public static synchronized void keep(CurrentInvocation current,
                                         java.util.function.Function<Measurement, Explained> explained,
                                         java.util.function.Function<Measurement, Map<String, List<String>>> budgets) {
        for (Measurement result : current.results().collected().all()) {
            RESULTS.add(result);
            EXPLAINED.add(explained.apply(result));
            BUDGETS.add(Map.copyOf(budgets.apply(result)));
            COMPARISONS.add(List.copyOf(current.comparisons().getOrDefault(result, List.of())));
            BASE.add(List.copyOf(current.base().getOrDefault(result, List.of())));
        }
        current.deferred().forEach((entry, metrics) -> DEFERRED.put(entry, List.copyOf(metrics)));
    }

    static synchronized List<Measurement> results() {
        return List.copyOf(RESULTS);
    }

    /** The baseline comparisons of each of {@link #results()}, in the same order. */
    static synchronized List<List<BaselineComparison>> comparisons() {
        return List.copyOf(COMPARISONS);
    }

    /** The comparisons with the base build of each of {@link #results()}, in the same order. */
    static synchronized List<List<BaseComparison>> base() {
        return List.copyOf(BASE);
    }

    /**
     * What explains a failed comparison with the base build of each of {@link #results()}, in the same order: the
     * recording is in this JVM, the failure message in the test's.
     */
    static synchronized List<Explained> explained() {
        return List.copyOf(EXPLAINED);
    }

    /**
     * The lines that explain the failed budgets of each of {@link #results()}, by the budget as written, in the same
     * order: the second measurement ran in this JVM, the failure message is the test's JVM's.
     */
    static synchronized List<Map<String, List<String>>> budgets() {
        return List.copyOf(BUDGETS);
    }

    /** The metrics left to the parent to record, per baseline entry. */
    static synchronized Map<String, List<String>> deferred() {
        return new LinkedHashMap<>(DEFERRED);
    }
}
