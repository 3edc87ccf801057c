package dev.brigade.junit.internal;

import dev.brigade.fixture.BrigadeResult;
import dev.brigade.fixture.MemoryResult;
import dev.brigade.fixture.SpawnResult;
import dev.brigade.junit.Constants;
import dev.brigade.measure.Estimate;
import dev.brigade.measure.Metric;
import dev.brigade.measure.Regression;
import dev.brigade.measure.Units;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Compares one result of the current invocation with its stored baseline, or records it as the baseline, and
 * publishes what it did as a report entry ({@code brigade.baseline.VIRTUAL.nanosPerHop = +3.1 % [...]: pass}).
 * Grades nothing itself: the verdict is {@link Regression#regressed()}, the failure the assertion's.
 */
final class BaselineComparisons {

    /** Report entry key prefix of baseline comparisons. */
    static final String ENTRY_PREFIX = Constants.REPORT_ENTRY_PREFIX + "baseline.";

    private BaselineComparisons() {
    }

    static List<Regression> compare(CurrentInvocation current, Object result, List<String> requested) {
        Settings settings = current.plan().settings();
        double tolerance = current.plan().baseline().map(BaselineSpec::tolerance)
                .orElse(settings.baselineTolerance());
        Map<String, Estimate> metrics = metrics(result, requested);
        String entry = entryKey(current, result);
        String label = label(result);
        Class<?> testClass = current.context().getRequiredTestClass();
        Path file = BaselineFile.of(settings.baselineDir(), testClass);
        MachineFingerprint machine = MachineFingerprint.current();
        if (settings.baselineUpdate().records()) {
            boolean append = settings.baselineUpdate() == BaselineUpdate.ADD;
            int runs = BaselineFile.record(file, testClass, machine, entry, metrics, append, settings.baselineRuns());
            current.context().publishReportEntry(ENTRY_PREFIX + label, (append ? "added as recorded run " + runs
                    + " (of at most " + settings.baselineRuns() + " kept)" : "recorded as the only run")
                    + " of the baseline of machine " + machine.id() + " in " + file);
            return List.of();
        }
        Optional<Map<String, List<Estimate>>> stored = BaselineFile.find(file, machine.id(), entry);
        if (stored.isEmpty()) {
            current.context().publishReportEntry(ENTRY_PREFIX + label, "no baseline for machine " + machine.id()
                    + " in " + file + ": record one with -D" + Constants.BASELINE_UPDATE_PROPERTY_NAME + "=true");
            return List.of();
        }
        List<Regression> regressions = new ArrayList<>();
        metrics.forEach((name, estimate) -> {
            List<Estimate> runs = stored.get().getOrDefault(name, List.of());
            if (runs.isEmpty()) {
                current.context().publishReportEntry(ENTRY_PREFIX + label + "." + name, "no baseline of " + name
                        + " for machine " + machine.id() + ": record one with -D"
                        + Constants.BASELINE_UPDATE_PROPERTY_NAME + "=true");
                return;
            }
            Regression r = Regression.of(Metric.ofKey(name), runs, estimate, tolerance);
            current.context().publishReportEntry(ENTRY_PREFIX + label + "." + name, describe(r));
            regressions.add(r);
        });
        current.compared(result, regressions);
        return regressions;
    }

    /**
     * {@code +3.1 % (1.03× [0.99–1.07]) vs baseline 1.21 µs [1.18–1.25], 20 samples: pass} for a baseline of one
     * run; for several, {@code +3.1 % (1.03× [0.85–1.25]) vs baseline 1.21 µs [1.10–1.35], geometric mean [range]
     * of 5 recorded runs' medians; 95 % prediction interval from 5 recorded runs (run-to-run spread ±6.2 %): pass}.
     */
    static String describe(Regression r) {
        return String.format(Locale.ROOT, "%+.1f %%", r.changePercent()) + " (" + Units.formatRatio(r.ratio().median())
                + " [" + Units.format(r.ratio().low(), "1") + "–" + Units.format(r.ratio().high(), "1")
                + "]) vs baseline " + r.baselineDescription() + (r.baselineRuns() > 1 ? "; "
                + r.intervalDescription() : "") + ": " + (r.regressed() ? "fail" : "pass");
    }

    /** The metrics to compare: those requested, or the result's main ones. */
    private static Map<String, Estimate> metrics(Object result, List<String> requested) {
        Map<String, Estimate> all;
        List<String> main;
        if (result instanceof BrigadeResult r) {
            all = r.metrics();
            main = List.of(Metric.NANOS_PER_HOP.key());
        } else if (result instanceof SpawnResult r) {
            all = r.metrics();
            main = List.of(Metric.NANOS_PER_TASK.key());
        } else if (result instanceof MemoryResult r) {
            all = r.metrics();
            main = List.of(Metric.RSS_BYTES_PER_TASK.key(), Metric.HEAP_BYTES_PER_TASK.key());
        } else {
            throw new IllegalArgumentException("baselines compare brigade, spawn and memory results, not "
                    + (result == null ? "null" : result.getClass().getSimpleName()));
        }
        Map<String, Estimate> chosen = new LinkedHashMap<>();
        for (String name : requested.isEmpty() ? main : requested) {
            Metric.ofKey(name);
            Estimate e = all.get(name);
            if (e == null) {
                throw new IllegalArgumentException("this result has no " + name + ": it has " + all.keySet());
            }
            chosen.put(name, e);
        }
        return chosen;
    }

    /**
     * Which result of which test this is: {@code handOff [VIRTUAL] 500 tasks, QUEUE / brigade VIRTUAL}, with
     * {@code #2} after the second result of the same fixture and kind in one invocation.
     */
    static String entryKey(CurrentInvocation current, Object result) {
        List<Object> all = current.results().collected().all();
        Object owner = result;
        String suffix = "";
        if (result instanceof MemoryResult m && all.stream().noneMatch(r -> r == m)) {
            owner = all.stream().filter(r -> r instanceof BrigadeResult b && b.memoryPerTask() == m).findFirst()
                    .orElse(null);
            suffix = " memory";
        }
        Object found = owner;
        if (found == null || all.stream().noneMatch(r -> r == found)) {
            throw new IllegalStateException("this result was not produced by a fixture the extension injected into "
                    + current.plan().where() + ": baselines are kept per test and result, so compare results of the"
                    + " injected fixture (a parameter of the test method)");
        }
        String fixture = fixture(owner);
        String label = label(owner);
        int ordinal = 0;
        for (Object r : all) {
            if (fixture(r).equals(fixture) && label(r).equals(label)) {
                ordinal++;
            }
            if (r == owner) {
                break;
            }
        }
        String method = current.context().getRequiredTestMethod().getName();
        TemplateSpec template = current.plan().template();
        String invocation = template == null ? "" : " " + current.context().getDisplayName();
        return method + invocation + " / " + fixture + " " + label + suffix + (ordinal > 1 ? " #" + ordinal : "");
    }

    private static String fixture(Object result) {
        if (result instanceof BrigadeResult) {
            return "brigade";
        }
        if (result instanceof SpawnResult) {
            return "spawn";
        }
        if (result instanceof MemoryResult) {
            return "population";
        }
        return "cost";
    }

    private static String label(Object result) {
        if (result instanceof BrigadeResult r) {
            return r.label();
        }
        if (result instanceof SpawnResult r) {
            return r.kind().name();
        }
        if (result instanceof MemoryResult r) {
            return r.kind().name();
        }
        return "cost";
    }
}
