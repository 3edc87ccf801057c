package dev.brigade.junit.internal.baseline;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.brigade.fixture.BrigadeResult;
import dev.brigade.fixture.Cost;
import dev.brigade.fixture.Measurement;
import dev.brigade.fixture.MemoryResult;
import dev.brigade.fixture.SpawnResult;
import dev.brigade.junit.Constants;
import dev.brigade.junit.internal.config.BaselineSpec;
import dev.brigade.junit.internal.config.BaselineUpdate;
import dev.brigade.junit.internal.config.Configuration;
import dev.brigade.junit.internal.config.Settings;
import dev.brigade.junit.internal.config.TemplateSpec;
import dev.brigade.junit.internal.invocation.CurrentInvocation;
import dev.brigade.junit.internal.invocation.InvocationResults;
import dev.brigade.measure.BaselineComparison;
import dev.brigade.measure.Estimate;
import dev.brigade.measure.Metric;
import dev.brigade.measure.Units;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Compares one result of the current invocation with its stored baseline, or records it as the baseline, and
 * publishes what it did as a report entry ({@code brigade.baseline.VIRTUAL.nanosPerHop = +3.1 % [...]: pass}).
 * Grades nothing itself: the verdict is {@link BaselineComparison#regressed()}, the failure the assertion's.
 *
 * <p>Public for {@code verdict}, which checks against it, {@code fork}, which hands comparisons on, and {@code report},
 * which shows the history.
 */
@API(status = INTERNAL, since = "0.1.0")
public final class BaselineStore {

    /** Report entry key prefix of baseline comparisons. */
    public static final String ENTRY_PREFIX = Constants.REPORT_ENTRY_PREFIX + "baseline.";

    private BaselineStore() {
    }

    /**
     * Compares {@code result} with its baseline, or records it: together with the corresponding results of the
     * other runs when the invocation ran in several forks ({@code @Fork(runs = ...)}), as one entry of several
     * current runs.
     */
    static List<BaselineComparison> compare(CurrentInvocation current, Measurement result, List<String> requested) {
        Settings settings = current.plan().settings();
        double tolerance = current.plan().baseline().map(BaselineSpec::tolerance)
                .orElse(settings.baselineTolerance());
        String entry = entryKey(current, result);
        List<Measurement> measured = counterparts(current.results().collected(), result);
        List<Map<String, Estimate>> currentRuns = new ArrayList<>();
        for (Measurement run : measured) {
            currentRuns.add(metrics(run, requested));
        }
        String label = result.label();
        Class<?> testClass = current.context().getRequiredTestClass();
        Path file = BaselineFile.of(settings.baselineDir(), testClass);
        MachineFingerprint machine = MachineFingerprint.current();
        if (settings.baselineUpdate().records()) {
            // @Baseline in the test's JVM records the results themselves, not a brigade's nested memory result
            boolean declared = current.plan().baseline().isPresent()
                    && current.results().collected().all().stream().anyMatch(r -> r == result);
            if (Configuration.of(current.context()).forkChildKind().isPresent() && declared) {
                current.defer(entry, currentRuns.get(0).keySet());
                current.context().publishReportEntry(ENTRY_PREFIX + label, "recording "
                        + String.join(", ", currentRuns.get(0).keySet()) + " with the metrics of @Baseline, in the"
                        + " test's JVM");
                return List.of();
            }
            for (String name : current.deferred().getOrDefault(entry, Set.of())) {
                for (int i = 0; i < measured.size(); i++) {
                    currentRuns.get(i).putIfAbsent(name, metrics(measured.get(i), List.of(name)).get(name));
                }
            }
            record(current, file, machine, entry, label, currentRuns);
            return List.of();
        }
        Optional<Map<String, List<Estimate>>> stored = BaselineFile.find(file, machine.id(), entry);
        if (stored.isEmpty()) {
            current.context().publishReportEntry(ENTRY_PREFIX + label, "no baseline for machine " + machine.id()
                    + " in " + file + ": record one with -D" + Constants.BASELINE_UPDATE_PROPERTY_NAME + "=true");
            return List.of();
        }
        List<BaselineComparison> regressions = new ArrayList<>();
        for (String name : currentRuns.get(0).keySet()) {
            List<Estimate> runs = stored.get().getOrDefault(name, List.of());
            if (runs.isEmpty()) {
                current.context().publishReportEntry(ENTRY_PREFIX + label + "." + name, "no baseline of " + name
                        + " for machine " + machine.id() + ": record one with -D"
                        + Constants.BASELINE_UPDATE_PROPERTY_NAME + "=true");
                continue;
            }
            List<Estimate> currents = currentRuns.stream().map(metrics -> metrics.get(name)).toList();
            BaselineComparison r = BaselineComparison.of(Metric.ofKey(name), runs, currents, tolerance);
            current.context().publishReportEntry(ENTRY_PREFIX + label + "." + name, describe(r));
            regressions.add(r);
        }
        current.compared(result, regressions);
        return regressions;
    }

    /**
     * One recorded run of a baseline, as its file keeps it: when it was recorded (an ISO-8601 instant, or null when
     * the file does not say) and its metrics. For the run's reports.
     *
     * <p>Public for {@code report}, which shows a baseline's history.
     */
    @API(status = INTERNAL, since = "0.1.0")
    public record RecordedRun(String recordedAt, Map<String, Estimate> metrics) {
    }

    /**
     * The recorded runs of {@code result}'s baseline on this machine ({@link MachineFingerprint#current()}), oldest
     * first, read from its file when the run's reports keep the result; empty when there are none, or when the file
     * cannot be read (the comparison has said so already).
     */
    public static List<RecordedRun> history(CurrentInvocation current, Measurement result) {
        try {
            return BaselineFile.history(BaselineFile.of(current.plan().settings().baselineDir(),
                    current.context().getRequiredTestClass()), MachineFingerprint.current().id(),
                    entryKey(current, result)).orElse(List.of());
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /**
     * Records the current runs as the entry's runs: replacing them ({@code brigade.baseline.update=true}) or after
     * them ({@code add}), keeping the newest {@code brigade.baseline.runs}. In a fork child after the first of
     * several runs, {@code true} appends, so that the runs of one invocation together replace the baseline. When
     * this invocation recorded the entry before (an in-body assertion, then {@code @Baseline}), the runs it
     * recorded take this check's metrics too, instead of being recorded a second time.
     */
    private static void record(CurrentInvocation current, Path file, MachineFingerprint machine, String entry,
                               String label, List<Map<String, Estimate>> currentRuns) {
        Settings settings = current.plan().settings();
        List<Map<String, Estimate>> earlier = current.recorded().getOrDefault(entry, List.of());
        boolean again = earlier.size() == currentRuns.size();
        List<Map<String, Estimate>> runs = again ? merged(earlier, currentRuns) : currentRuns;
        boolean laterRunOfChild = Configuration.of(current.context()).forkChildKind().isPresent()
                && Configuration.of(current.context()).forkRun() > 1;
        boolean append = settings.baselineUpdate() == BaselineUpdate.ADD || laterRunOfChild || again;
        int held = BaselineFile.record(file, current.context().getRequiredTestClass(), machine, entry, runs,
                append, settings.baselineRuns(), again ? earlier.size() : 0);
        current.recorded().put(entry, runs);
        int added = runs.size();
        String what;
        if (again) {
            what = "added " + String.join(", ", currentRuns.get(0).keySet()) + " to the " + (added == 1 ? "run"
                    : added + " runs") + " this test recorded (" + String.join(", ", runs.get(0).keySet()) + "; "
                    + held + " recorded run" + (held == 1 ? "" : "s") + ", of at most " + settings.baselineRuns()
                    + " kept)";
        } else if (added == 1) {
            what = append ? "added as recorded run " + held + " (of at most " + settings.baselineRuns() + " kept)"
                    : "recorded as the only run";
        } else {
            what = (append ? "added " + added + " current runs: " + held + " recorded runs"
                    : "recorded " + added + " current runs as the only runs" + (held < added ? ", the newest "
                    + held : "")) + " (of at most " + settings.baselineRuns() + " kept)";
        }
        current.context().publishReportEntry(ENTRY_PREFIX + label, what + " of the baseline of machine "
                + machine.id() + " in " + file);
    }

    /** Each of {@code earlier}'s runs with the metrics of the corresponding current run added (or replaced). */
    private static List<Map<String, Estimate>> merged(List<Map<String, Estimate>> earlier,
                                                      List<Map<String, Estimate>> currentRuns) {
        List<Map<String, Estimate>> merged = new ArrayList<>();
        for (int i = 0; i < earlier.size(); i++) {
            Map<String, Estimate> run = new LinkedHashMap<>(earlier.get(i));
            run.putAll(currentRuns.get(i));
            merged.add(run);
        }
        return merged;
    }

    /**
     * {@code result} and, when the invocation ran in several forks, the results of the other runs that correspond
     * to it (the same fixture and label, the same ordinal within its run), in the order of the runs: what one
     * baseline entry compares or records together. A memory result of a brigade follows its brigade.
     */
    static List<Measurement> counterparts(InvocationResults.Collected collected, Measurement result) {
        Measurement owner = owner(collected.all(), result);
        int run = collected.runOf(owner);
        if (run == 0) {
            return List.of(result);
        }
        String fixture = owner.fixture();
        String label = owner.label();
        int ordinal = ordinal(collected, owner);
        Map<Integer, Integer> seen = new java.util.TreeMap<>();
        Map<Integer, Measurement> matching = new java.util.TreeMap<>();
        for (Measurement r : collected.all()) {
            if (r.fixture().equals(fixture) && r.label().equals(label)
                    && seen.merge(collected.runOf(r), 1, Integer::sum) == ordinal) {
                Measurement counterpart = owner == result ? r : r instanceof BrigadeResult b ? b.memoryPerTask() : null;
                if (counterpart != null) {
                    matching.put(collected.runOf(r), counterpart);
                }
            }
        }
        return List.copyOf(matching.values());
    }

    /**
     * Whether {@code result} stands for its entry: the first of its counterparts, so that a baseline of several
     * runs is compared once, not once per run.
     */
    public static boolean leads(InvocationResults.Collected collected, Measurement result) {
        return collected.runOf(owner(collected.all(), result)) <= 1 || counterparts(collected, result).get(0) == result;
    }

    /** The result among {@code all} that produced {@code result}: itself, or the brigade of a memory result. */
    private static Measurement owner(List<Measurement> all, Measurement result) {
        if (result instanceof MemoryResult m && all.stream().noneMatch(r -> r == m)) {
            return all.stream().filter(r -> r instanceof BrigadeResult b && b.memoryPerTask() == m).findFirst()
                    .orElse(null);
        }
        return result;
    }

    /** Which result of its fixture and label {@code owner} is within its run, from 1. */
    private static int ordinal(InvocationResults.Collected collected, Measurement owner) {
        String fixture = owner.fixture();
        String label = owner.label();
        int run = collected.runOf(owner);
        int ordinal = 0;
        for (Measurement r : collected.all()) {
            if (collected.runOf(r) == run && r.fixture().equals(fixture) && r.label().equals(label)) {
                ordinal++;
            }
            if (r == owner) {
                break;
            }
        }
        return ordinal;
    }

    /**
     * {@code +3.1 % (1.03× [0.99–1.07]) vs baseline 1.21 µs [1.18–1.25], 20 samples; fails above +14.4 %: pass}
     * for a baseline of one run; for several, {@code +3.1 % (1.03× [0.85–1.25]) vs baseline 1.21 µs [1.10–1.35],
     * geometric mean [range] of 5 recorded runs' medians; 95 % prediction interval from 5 recorded runs (run-to-run
     * spread ±6.2 %); fails above +33.3 %: pass}; for several current runs, {@code +3.1 % (1.03× [0.92–1.15]) of
     * current 1.25 µs [1.20–1.31], geometric mean [range] of 3 current runs' medians vs baseline ...; 95 % interval
     * from 3 current runs against 10 recorded runs (run-to-run spread ±7.1 %); fails above +23.2 %: pass}. The
     * fails-above figure is {@link BaselineComparison#failsAbove()}: the smallest slowdown this comparison can catch.
     */
    static String describe(BaselineComparison r) {
        return String.format(Locale.ROOT, "%+.1f %%", r.changePercent()) + " (" + Units.formatRatio(r.ratio().median())
                + " [" + Units.format(r.ratio().low(), "1") + "–" + Units.format(r.ratio().high(), "1") + "]) "
                + (r.currentRuns() > 1 ? "of current " + r.currentDescription() + " " : "") + "vs baseline "
                + r.baselineDescription() + (r.baselineRuns() > 1 || r.currentRuns() > 1 ? "; "
                + r.intervalDescription() : "") + (Double.isFinite(r.failsAbove()) ? String.format(Locale.ROOT,
                "; fails above %+.1f %%", (r.failsAbove() - 1) * 100) : "") + ": " + (r.regressed() ? "fail" : "pass");
    }

    /** The metrics to compare: those requested, or the result's main ones. */
    private static Map<String, Estimate> metrics(Measurement result, List<String> requested) {
        Map<String, Estimate> all = result.metrics();
        List<String> main = switch (result) {
            case BrigadeResult r -> List.of(Metric.NANOS_PER_HOP.key());
            case SpawnResult r -> List.of(Metric.NANOS_PER_TASK.key());
            case MemoryResult r -> List.of(Metric.RSS_BYTES_PER_TASK.key(), Metric.HEAP_BYTES_PER_TASK.key());
            case Cost c -> throw new IllegalArgumentException("baselines compare brigade, spawn and memory results,"
                    + " not a cost meter's");
        };
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
     * {@code #2} after the second result of the same fixture and kind in one invocation (in one run of an
     * invocation run in several forks: the runs' corresponding results share the key).
     */
    static String entryKey(CurrentInvocation current, Measurement result) {
        InvocationResults.Collected collected = current.results().collected();
        List<Measurement> all = collected.all();
        Measurement owner = owner(all, result);
        String suffix = owner == result ? "" : " memory";
        if (owner == null || all.stream().noneMatch(r -> r == owner)) {
            throw new IllegalStateException("this result was not produced by a fixture the extension injected into "
                    + current.plan().where() + ": baselines are kept per test and result, so compare results of the"
                    + " injected fixture (a parameter of the test method)");
        }
        int ordinal = ordinal(collected, owner);
        String method = current.context().getRequiredTestMethod().getName();
        TemplateSpec template = current.plan().template();
        String invocation = template == null ? "" : " " + current.context().getDisplayName();
        return method + invocation + " / " + owner.fixture() + " " + owner.label() + suffix
                + (ordinal > 1 ? " #" + ordinal : "");
    }
}
