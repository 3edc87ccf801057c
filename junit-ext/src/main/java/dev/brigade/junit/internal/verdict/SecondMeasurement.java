package dev.brigade.junit.internal.verdict;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.brigade.fixture.BrigadeResult;
import dev.brigade.fixture.Measurement;
import dev.brigade.fixture.MemoryResult;
import dev.brigade.fixture.Remeasure;
import dev.brigade.fixture.SpawnResult;
import dev.brigade.junit.Constants;
import dev.brigade.junit.internal.explain.Explainer;
import dev.brigade.junit.internal.explain.PairedRecording;
import dev.brigade.junit.internal.explain.Profile;
import dev.brigade.junit.internal.invocation.CurrentInvocation;
import dev.brigade.measure.Estimate;
import dev.brigade.measure.Metric;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Where the time and allocation of a failed {@code @Budget}'s kind go: the failing result's measurement run again, in
 * this JVM, as it ran (the fixture's settings, work and links: {@link Remeasure}), its warm-up and measurement capped,
 * under a JFR recording, and explained by {@link Explainer#profile}. A second measurement, not a recording of the
 * first: a budget is an absolute limit, and a recording costs +1.7 % ({@code VIRTUAL}) to +4.0 % ({@code PLATFORM})
 * per hop (docs/explanations.md), so it would move the verdict. The verdict stays the first measurement's; the lines
 * say whether the second confirmed it. A passing budget runs nothing. Stateless; the caller holds the measurement lock.
 */
@API(status = INTERNAL, since = "0.1.0")
public final class SecondMeasurement {

    /** The longest warm-up of a second measurement: the JVM ran the same code a moment ago. */
    static final Duration WARMUP_CAP = Duration.ofMillis(200);
    /** The longest measurement of a second measurement, at most the fixture's own. */
    static final Duration MEASURE_CAP = Duration.ofSeconds(1);
    /** The start of the line that says what the second measurement found. */
    public static final String FROM = "  from a second measurement under JFR (the verdict is the first one's): ";

    private SecondMeasurement() {
    }

    /**
     * {@code verdicts} with each failed one explained: one second measurement per result with a failed budget, under
     * a recording written to the report directory; the passing ones as they are.
     */
    public static List<BudgetVerdict> explain(CurrentInvocation current, List<BudgetVerdict> verdicts) {
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
            Second second = seconds.computeIfAbsent(v.result(), r -> measure(current, r, v.metric(), names));
            List<String> lines = new ArrayList<>();
            if (second.again != null) {
                lines.add(FROM + BudgetCheck.again(current.plan(), v, second.again));
            }
            lines.addAll(second.lines);
            explained.add(v.explained(lines));
            current.context().publishReportEntry(Constants.REPORT_ENTRY_PREFIX + "budget." + v.result().label() + "."
                    + v.metric(), String.join(" ", lines.stream().map(String::strip).toList()));
        }
        return explained;
    }

    /** What a second measurement of {@code result} found: its result (null when none ran) and the profile's lines. */
    private record Second(Measurement again, List<String> lines) {

        static Second none(String why) {
            return new Second(null, List.of("  no explanation: " + why));
        }
    }

    private static Second measure(CurrentInvocation current, Measurement result, String metric,
                                  Map<String, Integer> names) {
        if (current.results().collected().isForked(result)) {
            return Second.none("measured in a @Fork child, which has ended: its budgets are decided here, and a"
                    + " second measurement would not run as the first did (docs/explanations.md)");
        }
        Optional<Remeasure.Again> again = current.results().again(result);
        if (result instanceof MemoryResult) {
            return Second.none("a parked population (parked(n)) has no rounds for JFR to sample");
        }
        if (again.isEmpty()) {
            return Second.none("this result cannot be measured again here (measured in a fresh JVM)");
        }
        String unit = result instanceof SpawnResult ? "task" : "hop";
        Path dir = current.plan().settings().reportDir();
        String name = name(current, result, names);
        String unwritable = PairedRecording.cannotWrite(dir, name);
        if (unwritable != null) {
            return Second.none(unwritable);
        }
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
            return new Second(second, List.of("  no explanation: " + outcome.whyNone()));
        }
        Estimate cpu = second.estimates().get(second instanceof SpawnResult ? Metric.CPU_NANOS_PER_TASK
                : Metric.CPU_NANOS_PER_HOP);
        Profile profile = Explainer.profile(outcome.file().get(), cpu == null ? 0 : cpu.median(), unit);
        return new Second(second, profile.lines());
    }

    /** {@code <class>.<method>-<kind>-budget.jfr}, numbered from the second result of a kind in the invocation. */
    private static String name(CurrentInvocation current, Measurement result, Map<String, Integer> names) {
        String base = current.context().getRequiredTestClass().getName() + "."
                + current.context().getRequiredTestMethod().getName() + "-" + result.label() + "-budget";
        int n = names.merge(base, 1, Integer::sum);
        return n == 1 ? base : base + "-" + n;
    }
}
