package dev.brigade.junit.internal.lifecycle;

import dev.brigade.junit.internal.fork.ForkChild;
import dev.brigade.junit.internal.invocation.CurrentInvocation;
import dev.brigade.junit.internal.invocation.InvocationResults;
import dev.brigade.junit.internal.verdict.BaseCheck;
import org.junit.jupiter.api.extension.InvocationInterceptor;

/**
 * The invocation in a {@code @Fork} child: it runs as {@code here} says (in this JVM or beside the base build), and
 * what it produced is kept for the test's JVM ({@link ForkChild}), which decides the verdicts.
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
        ForkChild.keep(current, BaseCheck.explanations(current, collected));
        return new Outcome(outcome.failure(), false);
    }
}
