package dev.brigade.junit.internal.lifecycle;

import dev.brigade.junit.internal.invocation.CurrentInvocation;
import org.junit.jupiter.api.extension.InvocationInterceptor;

/**
 * The base build's copy of an {@code @AgainstBase} test: its current side holds the measurement lock, reports and
 * checks; this side only measures, paired with it, and is no current invocation for the assertions.
 */
record BaseSide() implements InvocationMode {

    @Override
    public Outcome run(InvocationInterceptor.Invocation<Void> invocation, CurrentInvocation current) {
        try {
            invocation.proceed();
            return new Outcome(null, false);
        } catch (Throwable t) {
            return new Outcome(t, false);
        }
    }

    @Override
    public AutoCloseable enter(CurrentInvocation current) {
        return () -> { };
    }
}
