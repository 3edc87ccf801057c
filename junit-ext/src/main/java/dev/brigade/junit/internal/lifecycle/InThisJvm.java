package dev.brigade.junit.internal.lifecycle;

import dev.brigade.junit.internal.invocation.CurrentInvocation;
import org.junit.jupiter.api.extension.InvocationInterceptor;

/** The plain mode: the invocation runs in this JVM, alone (under {@link MeasurementLock}). */
record InThisJvm() implements InvocationMode {

    @Override
    public Outcome run(InvocationInterceptor.Invocation<Void> invocation, CurrentInvocation current)
            throws InterruptedException {
        return new Outcome(MeasurementLock.alone(invocation::proceed), true);
    }
}
