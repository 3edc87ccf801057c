/**
 * Lifecycle: what the extension does at each JUnit extension point ({@link
 * dev.brigade.junit.internal.lifecycle.ExtensionPoints}), the per-test state in the {@code ExtensionContext.Store}
 * ({@code TestState}), the fixtures it injects and the JVM-wide lock that keeps measurements apart. A measured
 * invocation's mode is decided once ({@code InvocationMode}: in this JVM, beside the base build, in forks, as a fork's
 * child, as the base side), the mode runs it and returns an outcome, and {@code InvocationVerdicts} decides on that
 * outcome in one step: report entries, baseline, base build and budgets, the run report. The top room: it calls the
 * others, and none of them calls it.
 *
 * <p>Implementation of {@code dev.brigade.junit}: not an API, it may change in any release.
 */
package dev.brigade.junit.internal.lifecycle;
