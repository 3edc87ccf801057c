/**
 * Lifecycle: what the extension does at each JUnit extension point ({@link
 * dev.brigade.junit.internal.lifecycle.Measurements}), the per-test state in the {@code ExtensionContext.Store}
 * ({@link dev.brigade.junit.internal.lifecycle.TestState}), the fixtures it injects and the results they report
 * ({@link dev.brigade.junit.internal.lifecycle.InvocationResults}), the measured invocation running on this thread
 * ({@link dev.brigade.junit.internal.lifecycle.CurrentInvocation}) and the JVM-wide lock that keeps measurements
 * apart. It calls the other rooms in order: run (here or in a fork), then report entries, verdicts, the run report.
 *
 * <p>Implementation of {@code dev.brigade.junit}: not an API, it may change in any release.
 */
package dev.brigade.junit.internal.lifecycle;
