package dev.brigade.junit.internal.verdict;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.brigade.fixture.Measurement;
import dev.brigade.fixture.TaskKind;
import dev.brigade.junit.internal.config.BudgetSpec;
import dev.brigade.junit.internal.config.ConfigurationErrors;
import dev.brigade.junit.internal.config.Limit;
import dev.brigade.junit.internal.config.MethodPlan;
import dev.brigade.junit.internal.invocation.InvocationResults;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;
import org.opentest4j.MultipleFailuresError;

/**
 * Decides a method's budgets against what one invocation produced, once: a {@link BudgetVerdict} per limit and
 * result, which the reports read. Grades, never prints: a failure is an {@link AssertionError} with
 * {@code BrigadeAssertions}' message, prefixed by the budget as written.
 *
 * <p>Public for {@code lifecycle}, whose {@code InvocationVerdicts} decides with it.
 */
@API(status = INTERNAL, since = "0.1.0")
public final class BudgetCheck {

    private BudgetCheck() {
    }

    /**
     * Decides every budget limit of {@code plan} for every result of {@code results} it applies to, once.
     *
     * @param invocationKind the kind of the template invocation, or null for a plain test: a budget of the
     *                       invocation's kind (or, in a plain test, every budget) must find a result for each limit
     * @param requireTargets whether a limit that found no result is a configuration error (not when the test itself
     *                       failed, and its results are only reported)
     * @return the verdicts, in the order of the budgets and results
     * @throws org.junit.jupiter.api.extension.ExtensionConfigurationException when a required limit found no result
     */
    public static List<BudgetVerdict> decide(MethodPlan plan, InvocationResults.Collected results,
                                             TaskKind invocationKind, boolean requireTargets) {
        List<BudgetVerdict> verdicts = new ArrayList<>();
        for (BudgetSpec budget : plan.budgets()) {
            boolean required = requireTargets && (invocationKind == null || invocationKind == budget.kind());
            for (BudgetSpec.SetLimit set : budget.limits()) {
                Limit limit = set.limit();
                int before = verdicts.size();
                for (Measurement result : results.all()) {
                    Measurement target = limit.source().target(result, budget.kind());
                    if (target == null) {
                        continue;
                    }
                    AssertionError failure = null;
                    try {
                        limit.check(target, set.value());
                    } catch (AssertionError e) {
                        failure = new AssertionError("[" + budget.textOf(set) + "] " + e.getMessage(), e);
                    }
                    verdicts.add(new BudgetVerdict(result, budget.textOf(set), limit.metric(),
                            Limit.valueOf(set.value()), failure));
                }
                if (verdicts.size() == before && required) {
                    throw ConfigurationErrors.error(budget.textOf(set), plan.where(), "the test produced no "
                            + budget.kind() + " " + BudgetSpec.sourceName(limit.source()) + " result to check "
                            + limit.attribute() + " against: " + hint(limit.source(), budget.kind())
                            + ", or remove the limit");
                }
            }
        }
        return verdicts;
    }

    /**
     * The failure of {@code verdicts}: null when every limit held, the one failure, or a {@link MultipleFailuresError}
     * of all of them.
     */
    public static AssertionError failure(MethodPlan plan, List<BudgetVerdict> verdicts) {
        List<AssertionError> failures = verdicts.stream().filter(v -> !v.passed()).map(BudgetVerdict::failure)
                .toList();
        return failures.isEmpty() ? null : failures.size() == 1 ? failures.get(0)
                : new MultipleFailuresError("Budgets exceeded on " + plan.where(), failures);
    }

    /**
     * What the result of a second measurement says of failed verdict {@code verdict}:
     * {@code the budget failed again: nanosPerHop 12.3 µs [12.1–12.5]}, or {@code passed this time: ...}.
     */
    static String again(MethodPlan plan, BudgetVerdict verdict, Measurement again) {
        for (BudgetSpec budget : plan.budgets()) {
            for (BudgetSpec.SetLimit set : budget.limits()) {
                if (!budget.textOf(set).equals(verdict.budget())) {
                    continue;
                }
                Measurement target = set.limit().source().target(again, budget.kind());
                if (target == null) {
                    return "it measured no " + verdict.metric();
                }
                boolean failed;
                try {
                    set.limit().check(target, set.value());
                    failed = false;
                } catch (AssertionError e) {
                    failed = true;
                }
                dev.brigade.measure.Estimate figure = target.metrics().get(verdict.metric());
                return (failed ? "the budget failed again: " : "the budget passed this time: ") + verdict.metric()
                        + (figure == null ? "" : " " + dev.brigade.measure.Units.formatInterval(figure));
            }
        }
        return "its budget was not found";
    }

    private static String hint(Limit.Source source, TaskKind kind) {
        return switch (source) {
            case BRIGADE -> "call run() on the injected BrigadeFixture with kind " + kind
                    + " (budgets do not limit runOneThread() floors)";
            case SPAWN -> "call run() on the injected SpawnFixture with kind " + kind;
            case MEMORY -> "call parked(n) on the injected SpawnFixture with kind " + kind
                    + ", or run a brigade of that kind with measureMemory(true)";
        };
    }
}
