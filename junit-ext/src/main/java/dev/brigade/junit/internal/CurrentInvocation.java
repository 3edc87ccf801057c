package dev.brigade.junit.internal;

import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The measured invocation running on this thread, for the assertions that need to know their test
 * ({@code isNoWorseThanBaseline()}). Set by the extension around the test method and its checks; one per thread.
 *
 * @param context the invocation's context
 * @param plan    the method's plan
 * @param results the invocation's results
 */
record CurrentInvocation(ExtensionContext context, MethodPlan plan, InvocationResults results) {

    private static final ThreadLocal<CurrentInvocation> CURRENT = new ThreadLocal<>();

    static Optional<CurrentInvocation> get() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** Makes this the current invocation until the returned handle is closed. */
    AutoCloseable enter() {
        CurrentInvocation previous = CURRENT.get();
        CURRENT.set(this);
        return () -> CURRENT.set(previous);
    }
}
