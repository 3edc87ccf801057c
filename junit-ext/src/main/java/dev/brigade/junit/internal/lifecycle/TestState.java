package dev.brigade.junit.internal.lifecycle;

import dev.brigade.fixture.TaskKind;
import dev.brigade.junit.internal.config.ConfigurationErrors;
import dev.brigade.junit.internal.config.MethodPlan;
import dev.brigade.junit.internal.invocation.InvocationResults;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Brigade's per-test state in the {@link ExtensionContext.Store} of a test method or template invocation: its plan,
 * the kind of a template invocation, its mode, and the results collected. JUnit closes the store, and with it the
 * results, when the test ends. One test thread at a time uses a context's state.
 */
final class TestState {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create("dev.brigade.junit");
    private static final String PLAN = "plan";
    private static final String KIND = "kind";
    private static final String RESULTS = "results";
    private static final String MODE = "mode";

    private TestState() {
    }

    /** The method's plan, read and checked on first use. */
    static MethodPlan plan(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        MethodPlan plan = store.get(PLAN, MethodPlan.class);
        if (plan == null) {
            plan = MethodPlan.of(context);
            store.put(PLAN, plan);
        }
        return plan;
    }

    /** Remembers the kind of the template invocation running in {@code context}. */
    static void kind(ExtensionContext context, TaskKind kind) {
        context.getStore(NAMESPACE).put(KIND, kind);
    }

    /** The kind of the template invocation, or null for a plain test. */
    static TaskKind kind(ExtensionContext context) {
        return context.getStore(NAMESPACE).get(KIND, TaskKind.class);
    }

    /**
     * The invocation's mode, decided on first use (before the invocation's parameters are resolved) and kept: the
     * one decision of how it runs.
     */
    static InvocationMode mode(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        InvocationMode mode = store.get(MODE, InvocationMode.class);
        if (mode == null) {
            mode = InvocationMode.of(context, plan(context));
            store.put(MODE, mode);
        }
        return mode;
    }

    /** The results of the invocation, created on first use. */
    static InvocationResults results(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        InvocationResults results = store.get(RESULTS, InvocationResults.class);
        if (results == null) {
            results = new InvocationResults(ConfigurationErrors.where(context));
            store.put(RESULTS, results);
        }
        return results;
    }
}
