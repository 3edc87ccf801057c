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
record CurrentInvocation(ExtensionContext context, MethodPlan plan, InvocationResults results,
                         java.util.Map<Object, java.util.List<dev.brigade.measure.Regression>> comparisons) {

    CurrentInvocation(ExtensionContext context, MethodPlan plan, InvocationResults results) {
        this(context, plan, results, java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>()));
    }

    /** Remembers the baseline comparisons of {@code result}, for the run's reports. */
    void compared(Object result, java.util.List<dev.brigade.measure.Regression> regressions) {
        comparisons.computeIfAbsent(result, r -> new java.util.ArrayList<>()).addAll(regressions);
    }

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
