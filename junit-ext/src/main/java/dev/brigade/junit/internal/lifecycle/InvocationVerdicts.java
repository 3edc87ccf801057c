package dev.brigade.junit.internal.lifecycle;

import dev.brigade.junit.internal.config.MethodPlan;
import dev.brigade.junit.internal.invocation.CurrentInvocation;
import dev.brigade.junit.internal.invocation.InvocationResults;
import dev.brigade.junit.internal.report.ReportEntries;
import dev.brigade.junit.internal.report.RunReport;
import dev.brigade.junit.internal.verdict.BaseCheck;
import dev.brigade.junit.internal.verdict.BaselineCheck;
import dev.brigade.junit.internal.verdict.BudgetCheck;
import dev.brigade.junit.internal.verdict.BudgetVerdict;
import dev.brigade.junit.internal.verdict.SecondMeasurement;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The verdicts on an invocation, decided in one step after its mode ran it: its results published as report entries,
 * then the comparisons with the baseline and with the base build and the budgets (a failed budget explained from a
 * second measurement, {@link SecondMeasurement}), all recorded for the run report
 * before the test fails with the first failure (a budget's, else the base build's, else the baseline's), the
 * others suppressed in it. A run whose body failed records its results with the budgets decided but not failed on,
 * compares nothing, and fails with its own failure.
 */
final class InvocationVerdicts {

    private InvocationVerdicts() {
    }

    static void decide(CurrentInvocation current, InvocationMode.Outcome outcome) throws Throwable {
        Throwable failure = outcome.failure();
        if (!outcome.decidedHere()) {
            if (failure != null) {
                throw failure;
            }
            return;
        }
        ExtensionContext context = current.context();
        MethodPlan plan = current.plan();
        InvocationResults.Collected collected = current.results().collected();
        ReportEntries.publish(context, collected);
        if (failure != null) {
            RunReport.record(current, collected, BudgetCheck.decide(plan, collected, TestState.kind(context), false));
            throw failure;
        }
        AssertionError baseline = BaselineCheck.check(plan, collected);
        AssertionError comparisons = suppressing(BaseCheck.check(current, collected), baseline);
        List<BudgetVerdict> budgets;
        try {
            budgets = BudgetCheck.decide(plan, collected, TestState.kind(context), true);
        } catch (RuntimeException configurationError) {
            RunReport.record(current, collected, List.of());
            throw configurationError;
        }
        budgets = explained(current, budgets, true);
        RunReport.record(current, collected, budgets);
        AssertionError first = suppressing(BudgetCheck.failure(plan, budgets), comparisons);
        if (first != null) {
            throw first;
        }
    }

    /**
     * {@code budgets} with the failed ones explained from a second measurement ({@link SecondMeasurement}), which
     * measures: under the lock, alone, as the first did; with {@code publish}, each in a report entry. Nothing runs
     * when every budget passed.
     */
    static List<BudgetVerdict> explained(CurrentInvocation current, List<BudgetVerdict> budgets, boolean publish)
            throws InterruptedException {
        if (budgets.stream().allMatch(BudgetVerdict::passed)) {
            return budgets;
        }
        MeasurementLock.lock();
        try {
            return SecondMeasurement.explain(current, budgets, publish);
        } finally {
            MeasurementLock.unlock();
        }
    }

    /** {@code first} with {@code other} suppressed in it, or {@code other} when there is no {@code first}. */
    private static AssertionError suppressing(AssertionError first, AssertionError other) {
        if (first == null) {
            return other;
        }
        if (other != null) {
            first.addSuppressed(other);
        }
        return first;
    }
}
