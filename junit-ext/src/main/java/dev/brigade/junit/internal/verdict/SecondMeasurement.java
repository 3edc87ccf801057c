package dev.brigade.junit.internal.verdict;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.brigade.fixture.BrigadeResult;
import dev.brigade.fixture.Measurement;
import dev.brigade.fixture.MemoryResult;
import dev.brigade.fixture.Remeasure;
import dev.brigade.fixture.SpawnResult;
import dev.brigade.junit.Constants;
import dev.brigade.junit.internal.config.Configuration;
import dev.brigade.junit.internal.explain.Explainer;
import dev.brigade.junit.internal.explain.PairedRecording;
import dev.brigade.junit.internal.explain.Profile;
import dev.brigade.junit.internal.explain.Sampler;
import dev.brigade.junit.internal.invocation.CurrentInvocation;
import dev.brigade.measure.Estimate;
import dev.brigade.measure.Metric;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Where the time and allocation of a failed {@code @Budget}'s kind go: the failing result's measurement run again, in
 * this JVM, as it ran (the fixture's settings, work and links: {@link Remeasure}), its warm-up and measurement capped,
 * under a JFR recording, and explained by {@link Explainer#profile}. A second measurement, not a recording of the
 * first: a budget is an absolute limit, and a recording costs a measurement 1.7–4.0 % (docs/methodology.md), so it
 * would move the verdict. The verdict stays the first measurement's; the lines
 * say whether the second confirmed it. A passing budget runs nothing. Stateless; the caller holds the measurement lock.
 *
 * <p>Public for {@code lifecycle}, which measures a failed budget's result again after the invocation (in the test's
 * JVM or a {@code @Fork} child).
 */
@API(status = INTERNAL, since = "0.1.0")
public final class SecondMeasurement {

    /** The longest warm-up of a second measurement: the JVM ran the same code a moment ago. */
    static final Duration WARMUP_CAP = Duration.ofMillis(200);
    /** The longest measurement of a second measurement, at most the fixture's own. */
    static final Duration MEASURE_CAP = Duration.ofSeconds(1);
    /** The start of the line that says what the second measurement found. */
    public static final String FROM = "  from a second measurement under JFR (the verdict is the first one's): ";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(
            SecondMeasurement.class);

    private SecondMeasurement() {
    }

    /**
     * {@code verdicts} with each failed one explained: one second measurement per result with a failed budget, under
     * a recording written to the report directory (for a result a {@code @Fork} child measured, the lines the child
     * sent); the passing ones as they are. With {@code publish}, a report entry per failed budget (in the test's JVM;
     * a child's entries would reach it twice).
     */
    public static List<BudgetVerdict> explain(CurrentInvocation current, List<BudgetVerdict> verdicts,
                                              boolean publish) {
        if (verdicts.stream().allMatch(BudgetVerdict::passed)) {
            return verdicts;
        }
        Map<Measurement, Second> seconds = new IdentityHashMap<>();
        Map<String, Integer> names = new java.util.HashMap<>();
        List<BudgetVerdict> explained = new ArrayList<>(verdicts.size());
        for (BudgetVerdict v : verdicts) {
            if (v.passed()) {
                explained.add(v);
                continue;
            }
            List<String> lines = new ArrayList<>();
            Map<String, List<String>> fromFork = forkExplained(current.context()).get(v.result());
            if (current.results().collected().isForked(v.result())) {
                lines.addAll(fromFork == null || !fromFork.containsKey(v.budget())
                        ? Second.none("the @Fork child sent no explanation of this budget").lines()
                        : fromFork.get(v.budget()));
                explained.add(published(current, v.explained(lines), publish));
                continue;
            }
            Second second = seconds.computeIfAbsent(v.result(), r -> measure(current, r, v.metric(), names));
            if (second.again != null) {
                lines.add(FROM + BudgetCheck.again(current.plan(), v, second.again) + String.format(Locale.ROOT,
                        "; it took %.2f s", second.tookNanos / 1e9));
            }
            lines.addAll(second.lines);
            explained.add(published(current, v.explained(lines), publish));
        }
        return explained;
    }

    /** {@code v}, its explanation published as a report entry when {@code publish}. */
    private static BudgetVerdict published(CurrentInvocation current, BudgetVerdict v, boolean publish) {
        if (publish) {
            current.context().publishReportEntry(Constants.REPORT_ENTRY_PREFIX + "budget." + v.result().label() + "."
                    + v.metric(), String.join(" ", v.explanation().stream().map(String::strip).toList()));
        }
        return v;
    }

    /** In a {@code @Fork} child: the explanations of {@code result}'s failed budgets, by the budget as written. */
    public static Map<String, List<String>> byBudget(List<BudgetVerdict> explained, Measurement result) {
        Map<String, List<String>> lines = new java.util.LinkedHashMap<>();
        explained.stream().filter(v -> v.result() == result && !v.passed())
                .forEach(v -> lines.put(v.budget(), v.explanation()));
        return lines;
    }

    /** Keeps the explanations of {@code result}'s failed budgets a {@code @Fork} child sent, by the budget as written. */
    public static void explainedInFork(ExtensionContext context, Measurement result, Map<String, List<String>> lines) {
        if (!lines.isEmpty()) {
            forkExplained(context).put(result, Map.copyOf(lines));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<Measurement, Map<String, List<String>>> forkExplained(ExtensionContext context) {
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(ForkExplained.class,
                k -> java.util.Collections.synchronizedMap(new IdentityHashMap<>()), Map.class);
    }

    /** The key of the explanations a fork's child sent, in the invocation's store. */
    private static final class ForkExplained {
    }

    /**
     * What a second measurement of {@code result} found: its result (null when none ran), how long it took with its
     * recording and explanation, and the profile's lines.
     */
    private record Second(Measurement again, long tookNanos, List<String> lines) {

        static Second none(String why) {
            return new Second(null, 0, List.of("  no explanation: " + why));
        }
    }

    private static Second measure(CurrentInvocation current, Measurement result, String metric,
                                  Map<String, Integer> names) {
        Optional<Remeasure.Again> again = current.results().again(result);
        if (result instanceof MemoryResult) {
            return Second.none("a parked population (parked(n)) has no rounds for JFR to sample");
        }
        if (again.isEmpty()) {
            return Second.none("this result cannot be measured again here (measured in a fresh JVM, or by a fixture"
                    + " the extension did not inject)");
        }
        String unit = result instanceof SpawnResult ? "task" : "hop";
        Path dir = current.plan().settings().reportDir();
        String name = name(current, result, names);
        String unwritable = PairedRecording.cannotWrite(dir, name);
        if (unwritable != null) {
            return Second.none(unwritable);
        }
        long start = System.nanoTime();
        PairedRecording recording = PairedRecording.start(dir, name);
        if (recording.whyNone() != null) {
            recording.close();
            return Second.none(recording.whyNone());
        }
        Measurement second;
        PairedRecording.Outcome outcome;
        try (recording) {
            second = again.get().run(WARMUP_CAP, MEASURE_CAP, metric.endsWith("BytesPerTask")
                    && result instanceof BrigadeResult);
            outcome = recording.finish();
        } catch (RuntimeException | AssertionError e) {
            return Second.none("the second measurement failed: " + e);
        }
        if (outcome.file().isEmpty()) {
            return new Second(second, System.nanoTime() - start, List.of("  no explanation: " + outcome.whyNone()));
        }
        boolean spawn = second instanceof SpawnResult;
        Estimate cpu = second.estimates().get(spawn ? Metric.CPU_NANOS_PER_TASK : Metric.CPU_NANOS_PER_HOP);
        Estimate bytes = second.estimates().get(spawn ? Metric.ALLOCATED_BYTES_PER_TASK
                : Metric.ALLOCATED_BYTES_PER_HOP);
        Profile profile = Explainer.profile(outcome.file().get(), cpu == null ? 0 : cpu.median(),
                bytes == null ? Double.NaN : bytes.median(), unit, Sampler.of(result));
        return new Second(second, System.nanoTime() - start, profile.lines());
    }

    /**
     * {@code <class>.<method>-<kind>-budget.jfr}, numbered from the second result of a kind in the invocation, with
     * {@code -run<n>} for the second and later runs of a fork.
     */
    private static String name(CurrentInvocation current, Measurement result, Map<String, Integer> names) {
        int run = Configuration.of(current.context()).forkRun();
        String base = current.context().getRequiredTestClass().getName() + "."
                + current.context().getRequiredTestMethod().getName() + "-" + result.label() + "-budget"
                + (run > 1 ? "-run" + run : "");
        int n = names.merge(base, 1, Integer::sum);
        return n == 1 ? base : base + "-" + n;
    }
}
