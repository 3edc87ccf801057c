package dev.brigade.junit.internal.lifecycle;

import dev.brigade.junit.internal.base.BaseRuns;
import dev.brigade.junit.internal.invocation.CurrentInvocation;
import org.junit.jupiter.api.extension.InvocationInterceptor;

/**
 * The current side of an {@code @AgainstBase} test with a base build: the invocation runs on this thread and its copy
 * in the base build on another ({@link BaseRuns#runBeside}), both alone (under {@link MeasurementLock}).
 */
record BesideBase() implements InvocationMode {

    @Override
    public Outcome run(InvocationInterceptor.Invocation<Void> invocation, CurrentInvocation current)
            throws InterruptedException {
        return new Outcome(MeasurementLock.alone(() -> {
            Throwable failure = BaseRuns.runBeside(invocation, current.context(), TestState.kind(current.context()),
                    current.plan().settings().reportDir());
            if (failure != null) {
                throw failure;
            }
        }), true);
    }
}
