package dev.brigade.junit.internal.lifecycle;

import dev.brigade.junit.internal.fork.ForkChild;
import dev.brigade.junit.internal.invocation.CurrentInvocation;
import dev.brigade.junit.internal.invocation.InvocationResults;
import dev.brigade.junit.internal.verdict.BaseCheck;
import dev.brigade.junit.internal.verdict.BudgetCheck;
import dev.brigade.junit.internal.verdict.BudgetVerdict;
import dev.brigade.junit.internal.verdict.SecondMeasurement;
import java.util.List;
import org.junit.jupiter.api.extension.InvocationInterceptor;

/**
 * The invocation in a {@code @Fork} child: it runs as {@code here} says (in this JVM or beside the base build), and
 * what it produced is kept for the test's JVM ({@link ForkChild}), which decides the verdicts; a budget that fails
 * here is explained here ({@link SecondMeasurement}), where its fixture is, and the lines go with the result.
 *
 * @param here how the invocation runs in the child
 */
record InForkChild(InvocationMode here) implements InvocationMode {

    @Override
    public Outcome run(InvocationInterceptor.Invocation<Void> invocation, CurrentInvocation current)
            throws Throwable {
        Outcome outcome = here.run(invocation, current);
        InvocationResults.Collected collected = current.results().collected();
        BaseCheck.pair(current, collected);
        // the test's JVM decides the budgets, but only this JVM can measure a failed one's result again
        List<BudgetVerdict> explained = InvocationVerdicts.explained(current, outcome.failure() != null ? List.of()
                : BudgetCheck.decide(current.plan(), collected, TestState.kind(current.context()), false), false);
        ForkChild.keep(current, BaseCheck.explanations(current, collected), result -> SecondMeasurement.byBudget(
                explained, result));
        return new Outcome(outcome.failure(), false);
    }
}
