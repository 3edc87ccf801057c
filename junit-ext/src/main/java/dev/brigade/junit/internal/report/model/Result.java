package dev.brigade.junit.internal.report.model;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * One result of one invocation with the verdicts the extension made on it, as the run's files hold it. Immutable.
 *
 * <p>A new kind of record about a result (an explanation of a failed comparison: each side's top methods and
 * allocation sites) is one more component here, written and read by {@link RunJson} under one key and rendered by
 * each format where it renders the result's checks.
 *
 * <p>Public for {@code report}, which builds and renders it beside this package.
 *
 * @param test       {@code pkg.Class#method}
 * @param invocation the invocation's display name
 * @param fixture    {@code brigade}, {@code spawn}, {@code population} or {@code cost}
 * @param kind       the result's label: {@code PLATFORM}, {@code VIRTUAL}, ... or {@code cost}
 * @param link       a brigade's link (e.g. {@code QUEUE}); null for other fixtures
 * @param forkRun    the run of {@code @Fork(runs = ...)} that measured it, from 1; 0 for an invocation of one run
 * @param fit        the memory-per-task fit; null when memory was not measured
 * @param metrics    the figures by metric name, in the result's order
 * @param base       the comparisons with the base build; empty when it was not compared with one
 * @param notCompared why an {@code @AgainstBase} result was not compared with the base build although one was
 *                   given ({@code new in this change}); null otherwise
 * @param explanation where the cost of its failed comparison with the base build moved; null when none failed
 */
@API(status = INTERNAL, since = "0.1.0")
public record Result(String test, String invocation, String fixture, String kind, String link, int tasks,
                     boolean forked, int forkRun, Fit fit, Map<String, Figure> metrics, List<Check.Budget> budgets,
                     List<Check.Baseline> baselines, List<Check.Base> base, String notCompared,
                     Explanation explanation) {

    public Result {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        budgets = List.copyOf(budgets);
        baselines = List.copyOf(baselines);
        base = List.copyOf(base);
    }

    /** Every verdict of the result: its budgets', then its baseline comparisons', then its base comparisons'. */
    public List<Check> checks() {
        List<Check> checks = new ArrayList<>(budgets);
        checks.addAll(baselines);
        checks.addAll(base);
        return checks;
    }

    /** {@code VIRTUAL · [VIRTUAL] 20 tasks, QUEUE}: its kind and invocation, to tell it from the test's others. */
    public String label() {
        return kind + (invocation.isEmpty() ? "" : " · " + invocation);
    }
}
