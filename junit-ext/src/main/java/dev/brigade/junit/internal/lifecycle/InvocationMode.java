package dev.brigade.junit.internal.lifecycle;

import dev.brigade.junit.internal.base.BaseRuns;
import dev.brigade.junit.internal.config.Configuration;
import dev.brigade.junit.internal.config.MethodPlan;
import dev.brigade.junit.internal.invocation.CurrentInvocation;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;

/**
 * How a measured invocation runs, decided once per invocation (as JUnit's {@code TimeoutExtension} has its
 * {@code TimeoutInvocationFactory} pick an invocation): in this JVM ({@link InThisJvm}), beside the base build
 * ({@link BesideBase}), in {@code @Fork} children ({@link InForks}), as a fork's child ({@link InForkChild}, around one
 * of the first two), in this JVM although it has {@code @Fork} ({@link NotForked}, forks switched off) or as the base
 * side of an {@code @AgainstBase} test ({@link BaseSide}). Each runs the invocation
 * and returns an {@link Outcome}; {@link InvocationVerdicts} decides on it in one step. Stateless values.
 */
sealed interface InvocationMode permits InThisJvm, BesideBase, InForks, InForkChild, NotForked, BaseSide {

    /** Runs the invocation: its failure, caught, in the outcome. */
    Outcome run(InvocationInterceptor.Invocation<Void> invocation, CurrentInvocation current) throws Throwable;

    /** Makes {@code current} the invocation on this thread for the run and the verdicts. */
    default AutoCloseable enter(CurrentInvocation current) {
        return current.enter();
    }

    /**
     * The mode of the invocation in {@code context}, decided before its parameters are resolved: an invocation that
     * does not fork has its base build opened, or, on a base side, its pairing found ({@link BaseRuns#beforeEach}).
     * A test that forks runs both sides of {@code @AgainstBase} in its child, not here.
     */
    static InvocationMode of(ExtensionContext context, MethodPlan plan) {
        Configuration configuration = Configuration.of(context);
        boolean child = configuration.forkChildKind().isPresent();
        if (plan.fork().isPresent() && !child && !configuration.baseSide() && plan.settings().forkEnabled()) {
            return new InForks(plan.fork().get());
        }
        BaseRuns.beforeEach(context, plan);
        if (configuration.baseSide()) {
            return new BaseSide();
        }
        InvocationMode here = BaseRuns.hasBase(context) ? new BesideBase() : new InThisJvm();
        if (plan.fork().isPresent() && !child) {
            here = new NotForked(here, plan.fork().get().runs());
        }
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
