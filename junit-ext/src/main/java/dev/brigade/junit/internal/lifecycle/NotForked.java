package dev.brigade.junit.internal.lifecycle;

import dev.brigade.junit.Constants;
import dev.brigade.junit.internal.invocation.CurrentInvocation;
import org.junit.jupiter.api.extension.InvocationInterceptor;

/**
 * A {@code @Fork} invocation with forks switched off ({@value Constants#FORK_ENABLED_PROPERTY_NAME} = false): it runs
 * as {@code here} says, in the test's own JVM, once, and says so in a report entry.
 *
 * @param here how the invocation runs in this JVM
 * @param runs the runs {@code @Fork} asked for
 */
record NotForked(InvocationMode here, int runs) implements InvocationMode {

    @Override
    public Outcome run(InvocationInterceptor.Invocation<Void> invocation, CurrentInvocation current)
            throws Throwable {
        current.context().publishReportEntry(Constants.REPORT_ENTRY_PREFIX + "fork",
                Constants.FORK_ENABLED_PROPERTY_NAME + " = false: ran in the test's own JVM, not in a fork"
                        + (runs == 1 ? "" : " (once, not in " + runs + " forks)"));
        return here.run(invocation, current);
    }
}
