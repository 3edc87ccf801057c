package dev.brigade.junit.internal.lifecycle;

import dev.brigade.fixture.TaskKind;
import dev.brigade.junit.Constants;
import dev.brigade.junit.internal.base.BaseRuns;
import dev.brigade.junit.internal.config.ForkSpec;
import dev.brigade.junit.internal.fork.ForkRunner;
import dev.brigade.junit.internal.verdict.SecondMeasurement;
import dev.brigade.junit.internal.invocation.CurrentInvocation;
import dev.brigade.junit.internal.invocation.InvocationResults;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;

/**
 * A {@code @Fork} invocation in the test's JVM: the invocation is skipped here and runs in child JVMs, one after
 * another, alone (under {@link MeasurementLock}); their results, comparisons and report entries are added as if it
 * had run here.
 *
 * @param spec the method's {@code @Fork}
 */
record InForks(ForkSpec spec) implements InvocationMode {

    @Override
    public Outcome run(InvocationInterceptor.Invocation<Void> invocation, CurrentInvocation current)
            throws InterruptedException {
        return new Outcome(MeasurementLock.alone(() -> {
            invocation.skip();
            Throwable failure = runForks(current);
            if (failure != null) {
                throw failure;
            }
        }), true);
    }

    /** Runs the forks, adding their results: the failure of the first that failed (the others are not started). */
    private Throwable runForks(CurrentInvocation current) {
        ExtensionContext context = current.context();
        InvocationResults results = current.results();
        TaskKind kind = TestState.kind(context);
        for (int run = 1; run <= spec.runs(); run++) {
            ForkRunner.Outcome outcome;
            try {
                outcome = ForkRunner.run(context, current.plan(), spec, kind == null ? "-" : kind.name(), run);
            } catch (RuntimeException | Error e) {
                notStarted(context, run);
                throw e;
            }
            int numbered = spec.runs() == 1 ? 0 : run;
            for (int i = 0; i < outcome.results().size(); i++) {
                results.addForked(outcome.results().get(i), numbered);
                current.compared(outcome.results().get(i), outcome.comparisons().get(i));
                current.comparedWithBase(outcome.results().get(i), outcome.base().get(i));
                BaseRuns.explainedInFork(context, outcome.results().get(i), outcome.explained().get(i));
                SecondMeasurement.explainedInFork(context, outcome.results().get(i), outcome.budgets().get(i));
            }
            outcome.entries().forEach(context::publishReportEntry);
            outcome.deferred().forEach(current::defer);
            if (outcome.failure() != null) {
                notStarted(context, run);
                return outcome.failure();
            }
        }
        return null;
    }

    /** Says in a report entry which runs were not started after run {@code failed} failed. */
    private void notStarted(ExtensionContext context, int failed) {
        if (failed < spec.runs()) {
            context.publishReportEntry(Constants.REPORT_ENTRY_PREFIX + "fork", "run " + failed + " of " + spec.runs()
                    + " failed: " + (failed + 1 == spec.runs() ? "run " + spec.runs() + " was"
                    : "runs " + (failed + 1) + " to " + spec.runs() + " were") + " not started");
        }
    }
}
