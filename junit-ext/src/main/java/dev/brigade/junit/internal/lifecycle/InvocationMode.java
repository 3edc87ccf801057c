package dev.brigade.junit.internal.lifecycle;

import dev.brigade.junit.Constants;
import dev.brigade.junit.internal.base.BaseRuns;
import dev.brigade.junit.internal.config.Configuration;
import dev.brigade.junit.internal.config.ForkSpec;
import dev.brigade.junit.internal.config.MethodPlan;
import dev.brigade.junit.internal.invocation.CurrentInvocation;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;

/**
 * How a measured invocation runs, decided once per invocation (as JUnit's {@code TimeoutExtension} has its
 * {@code TimeoutInvocationFactory} pick an invocation): in this JVM ({@link InThisJvm}), beside the base build
 * ({@link BesideBase}), in {@code @Fork} children ({@link InForks}), as a fork's child ({@link InForkChild}, around one
 * of the first two) or as the base side of an {@code @AgainstBase} test ({@link BaseSide}). Each runs the invocation
 * and returns an {@link Outcome}; {@link InvocationVerdicts} decides on it in one step. Stateless values.
 */
sealed interface InvocationMode permits InThisJvm, BesideBase, InForks, InForkChild, BaseSide {

    /** Runs the invocation: its failure, caught, in the outcome. */
    Outcome run(InvocationInterceptor.Invocation<Void> invocation, CurrentInvocation current) throws Throwable;

    /** Makes {@code current} the invocation on this thread for the run and the verdicts. */
    default AutoCloseable enter(CurrentInvocation current) {
        return current.enter();
    }

    /**
     * The mode of the invocation in {@code context}; says in a report entry when {@code @Fork} is switched off
     * ({@value Constants#FORK_ENABLED_PROPERTY_NAME}).
     */
    static InvocationMode of(ExtensionContext context, MethodPlan plan) {
        Configuration configuration = Configuration.of(context);
        if (configuration.baseSide()) {
            return new BaseSide();
        }
        boolean child = configuration.forkChildKind().isPresent();
        if (plan.fork().isPresent() && !child) {
            ForkSpec spec = plan.fork().get();
            if (plan.settings().forkEnabled()) {
                return new InForks(spec);
            }
            context.publishReportEntry(Constants.REPORT_ENTRY_PREFIX + "fork", Constants.FORK_ENABLED_PROPERTY_NAME
                    + " = false: ran in the test's own JVM, not in a fork"
                    + (spec.runs() == 1 ? "" : " (once, not in " + spec.runs() + " forks)"));
        }
        InvocationMode here = BaseRuns.hasBase(context) ? new BesideBase() : new InThisJvm();
        return child ? new InForkChild(here) : here;
    }

    /**
     * What a mode's run leaves for the verdicts.
     *
     * @param failure     the invocation's failure, or null when it passed
     * @param decidedHere whether the verdicts are decided here: not on a base side (its current side decides) nor
     *                    in a fork's child (its parent decides)
     */
    record Outcome(Throwable failure, boolean decidedHere) {
    }
}
