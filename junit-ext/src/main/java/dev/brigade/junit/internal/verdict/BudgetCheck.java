package dev.brigade.junit.internal.verdict;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.brigade.fixture.TaskKind;
import dev.brigade.junit.internal.config.BudgetSpec;
import dev.brigade.junit.internal.config.ConfigurationErrors;
import dev.brigade.junit.internal.config.MethodPlan;
import dev.brigade.junit.internal.lifecycle.InvocationResults;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;
import org.opentest4j.MultipleFailuresError;

/**
 * Checks a method's budgets against what one invocation produced. Grades, never prints: the failure is an
 * {@link AssertionError} with {@code BrigadeAssertions}' message, prefixed by the budget as written.
 */
@API(status = INTERNAL, since = "0.1.0")
public final class BudgetCheck {

    private BudgetCheck() {
    }

    /**
     * Checks every budget of {@code plan} against {@code results}.
     *
     * @param invocationKind the kind of the template invocation, or null for a plain test: a budget of the
     *                       invocation's kind (or, in a plain test, every budget) must find a result for each limit
     * @throws AssertionError when a limit is exceeded with confidence (a {@link MultipleFailuresError} when several)
     * @throws org.junit.jupiter.api.extension.ExtensionConfigurationException when a limit found no result
     */
    public static void check(MethodPlan plan, InvocationResults.Collected results, TaskKind invocationKind) {
        List<AssertionError> failures = new ArrayList<>();
        for (BudgetSpec budget : plan.budgets()) {
            boolean required = invocationKind == null || invocationKind == budget.kind();
            for (BudgetSpec.SetLimit set : budget.limits()) {
                List<Object> targets = results.of(set.limit().source(), budget.kind());
                if (targets.isEmpty() && required) {
                    throw ConfigurationErrors.error(budget.textOf(set), plan.where(), "the test produced no "
                            + budget.kind() + " " + BudgetSpec.sourceName(set.limit().source()) + " result to check "
                            + set.limit().attribute() + " against: " + hint(set.limit().source(), budget.kind())
                            + ", or remove the limit");
                }
                for (Object target : targets) {
                    try {
                        set.limit().check(target, set.value());
                    } catch (AssertionError e) {
                        failures.add(new AssertionError("[" + budget.textOf(set) + "] " + e.getMessage(), e));
                    }
                }
            }
        }
        if (failures.size() == 1) {
            throw failures.get(0);
        }
        if (!failures.isEmpty()) {
            throw new MultipleFailuresError("Budgets exceeded on " + plan.where(), failures);
        }
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
