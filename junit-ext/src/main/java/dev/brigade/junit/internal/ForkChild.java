package dev.brigade.junit.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The child side of {@code @Fork}: in a JVM started by {@link ForkRunner}, the configuration parameter
 * {@value #CHILD} names the kind of the one invocation to run, and the results of that invocation are kept here
 * for {@link ForkMain} to send back. Thread-safe.
 */
final class ForkChild {

    /** Set in the child: the kind of the invocation it runs ({@code -} for a plain test). */
    static final String CHILD = "brigade.fork.child";

    /** Set in the child: which of the invocation's runs it is, from 1 ({@code @Fork(runs = ...)}). */
    static final String RUN = "brigade.fork.run";

    private static final List<Object> RESULTS = new ArrayList<>();

    private ForkChild() {
    }

    /** The kind this child runs, when this JVM is a fork's child. */
    static Optional<String> kind(ExtensionContext context) {
        return context.getConfigurationParameter(CHILD);
    }

    /** Which run of its invocation this child is, from 1; 1 outside a child too. */
    static int run(ExtensionContext context) {
        return context.getConfigurationParameter(RUN).map(Integer::parseInt).orElse(1);
    }

    static synchronized void keep(List<Object> results) {
        RESULTS.addAll(results);
    }

    static synchronized List<Object> results() {
        return List.copyOf(RESULTS);
    }
}
