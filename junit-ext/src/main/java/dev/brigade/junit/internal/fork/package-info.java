/**
 * Forks: {@code @Fork} runs an invocation in a child JVM. {@link dev.brigade.junit.internal.fork.ForkRunner} (the
 * parent) starts {@link dev.brigade.junit.internal.fork.ForkMain} (the child's main class), which runs the one test
 * through the JUnit Platform Launcher; {@link dev.brigade.junit.internal.fork.ForkChild} keeps the child's results,
 * and {@link dev.brigade.junit.internal.fork.ResultCodec} and {@link dev.brigade.junit.internal.fork.ForkFailure}
 * carry results and failures across the process boundary as JSON.
 *
 * <p>Implementation of {@code dev.brigade.junit}: not an API, it may change in any release.
 */
package dev.brigade.junit.internal.fork;
