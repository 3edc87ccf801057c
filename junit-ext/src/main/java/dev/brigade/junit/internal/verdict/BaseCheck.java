package dev.brigade.junit.internal.verdict;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.brigade.fixture.BrigadeResult;
import dev.brigade.fixture.Measurement;
import dev.brigade.fixture.SpawnResult;
import dev.brigade.junit.Constants;
import dev.brigade.junit.internal.base.BaseRuns;
import dev.brigade.junit.internal.config.BaseSpec;
import dev.brigade.junit.internal.config.MethodPlan;
import dev.brigade.junit.internal.explain.Explained;
import dev.brigade.junit.internal.explain.Sampler;
import dev.brigade.junit.internal.invocation.CurrentInvocation;
import dev.brigade.junit.internal.invocation.InvocationResults;
import dev.brigade.measure.BaseComparison;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.MultipleFailuresError;

/**
 * The verdict of an {@code @AgainstBase} invocation, decided once after it ran: each pair of runs compared with the
 * base build's, metric by metric; a report entry per comparison
 * ({@code brigade.base.VIRTUAL.nanosPerHop = current/base 1.12× [1.08–1.16], 24 pairs; fails above +8.9 %: FAIL});
 * without a base build, one entry that says so, and a failure when {@code brigade.base.required} is true.
 *
 * <p>Public for {@code lifecycle}, whose {@code InvocationVerdicts} and {@code InForkChild} decide and keep with it.
 */
@API(status = INTERNAL, since = "0.1.0")
public final class BaseCheck {

    private BaseCheck() {
    }

    /**
     * Compares each pair of runs the invocation measured beside the base build with the base side's, and remembers
     * the comparisons with their results; nothing when the invocation had no base build beside it (in a fork's
     * child, what the parent then decides on).
     */
    public static void pair(CurrentInvocation current, InvocationResults.Collected collected) {
        ExtensionContext context = current.context();
        if (!BaseRuns.hasBase(context)) {
            return;
        }
        MethodPlan plan = current.plan();
        boolean spawn = plan.template() != null
                && plan.template().fixture() == dev.brigade.junit.internal.config.FixtureType.SPAWN;
        List<List<BaseComparison>> byPair = BaseRuns.comparisons(context, spawn);
        // the k-th pair is the k-th brigade or spawn the body ran (not its one-thread floors or memory fits)
        List<Measurement> paired = paired(collected);
        for (int k = 0; k < Math.min(byPair.size(), paired.size()); k++) {
            current.comparedWithBase(paired.get(k), byPair.get(k));
        }
    }

    /** The results the body paired with the base build, in order: its brigades and spawns, not one-thread floors. */
    private static List<Measurement> paired(InvocationResults.Collected collected) {
        return collected.all().stream().filter(r -> r instanceof SpawnResult
                || r instanceof BrigadeResult b && !b.oneThread()).toList();
    }

    /**
     * Where the cost of pair {@code pair} moved, for the failure message of {@code comparison}: the lines after the
     * ratio, from the recording of the paired rounds in this JVM (empty when the comparison came back from a fork's
     * child, whose recording and stacks are in the report directory).
     */
    private static List<String> explanation(CurrentInvocation current, Measurement result, int pair,
                                            BaseComparison comparison) {
        Explained explained = BaseRuns.hasBase(current.context()) ? BaseRuns.explain(current.context(), pair,
                unit(comparison), Sampler.of(result)).explained() : BaseRuns.explainedInFork(current.context(), result);
        current.explained(result, explained);
        return explained.lines();
    }

    /**
     * {@code comparison}'s failure message with {@code explanation} after the ratio and before its last line, the
     * guide to a failed gate, which stays last.
     */
    private static String message(BaseComparison comparison, List<String> explanation) {
        return FailureLines.before(comparison.message(), explanation);
    }

    private static String unit(BaseComparison comparison) {
        return comparison.metric().endsWith("PerTask") ? "task" : "hop";
    }

    /**
     * In a fork's child, after {@link #pair}: what explains each result's failed comparisons, from the recording in
     * this JVM, for the test's JVM to add to its failure message and reports; none for a result whose comparisons
     * passed.
     */
    public static java.util.function.Function<Measurement, Explained> explanations(
            CurrentInvocation current, InvocationResults.Collected collected) {
        List<Measurement> paired = paired(collected);
        java.util.Map<Measurement, Explained> explained = new java.util.IdentityHashMap<>();
        for (int k = 0; k < paired.size(); k++) {
            Measurement result = paired.get(k);
            List<BaseComparison> failed = current.base().getOrDefault(result, List.of()).stream()
                    .filter(BaseComparison::failed).toList();
            if (!failed.isEmpty() && BaseRuns.hasBase(current.context())) {
                explained.put(result, BaseRuns.explain(current.context(), k, unit(failed.get(0)),
                        Sampler.of(result)).explained());
            }
        }
        return result -> explained.getOrDefault(result, Explained.none());
    }

    /**
     * The failure of the invocation's comparisons with the base build (measured here, or sent back by its forks),
     * or null when none failed (or the method has no {@code @AgainstBase}); publishes a report entry for each.
     */
    public static AssertionError check(CurrentInvocation current, InvocationResults.Collected collected) {
        ExtensionContext context = current.context();
        Optional<BaseSpec> spec = current.plan().base();
        if (spec.isEmpty()) {
            return null;
        }
        pair(current, collected);
        String key = Constants.REPORT_ENTRY_PREFIX + "base";
        List<BaseComparison> comparisons = collected.all().stream()
                .flatMap(r -> current.base().getOrDefault(r, List.of()).stream()).toList();
        if (comparisons.isEmpty()) {
            Optional<String> added = BaseRuns.newInThisChange(context, current.plan());
            if (added.isPresent()) {
                // a test the change adds passes or fails on its own checks, required comparison or not
                context.publishReportEntry(key, "new in this change: not compared (the base build has no such "
                        + added.get() + ")");
                return null;
            }
            String nothing = spec.get().classpath().isEmpty() ? "no base build given ("
                    + Constants.BASE_CLASSPATH_PROPERTY_NAME + "): not compared"
                    : "the test ran no brigade or spawn to compare with the base build";
            context.publishReportEntry(key, nothing);
            return spec.get().required() ? new AssertionError("Expected " + current.plan().where() + " to be"
                    + " compared with the base build (" + Constants.BASE_REQUIRED_PROPERTY_NAME + " = true), but "
                    + nothing + (spec.get().classpath().isEmpty() ? ": set " + Constants.BASE_CLASSPATH_PROPERTY_NAME
                    + " to the base build's classes" : ": run the injected fixture in the test")) : null;
        }
        for (BaseComparison c : comparisons) {
            context.publishReportEntry(key + "." + c.label() + "." + c.metric(), c.summary());
        }
        List<AssertionError> failures = new ArrayList<>();
        List<Measurement> paired = paired(collected);
        for (int k = 0; k < paired.size(); k++) {
            for (BaseComparison c : current.base().getOrDefault(paired.get(k), List.of())) {
                if (c.failed()) {
                    failures.add(new AssertionError(message(c, explanation(current, paired.get(k), k, c))));
                }
            }
        }
        return failures.isEmpty() ? null : failures.size() == 1 ? failures.get(0)
                : new MultipleFailuresError("the current build is dearer than the base build in " + comparisons.stream()
                        .filter(BaseComparison::failed).map(c -> c.metric() + " of " + c.label()).toList(),
                        List.copyOf(failures)
                        .stream().map(Throwable.class::cast).toList());
    }
}
