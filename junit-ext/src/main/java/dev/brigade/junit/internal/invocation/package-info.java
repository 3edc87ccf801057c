/**
 * Invocation: what one measured invocation produced, for the rooms that judge and report it. {@link
 * dev.brigade.junit.internal.invocation.InvocationResults} is the listener of its fixtures and collects every
 * result; {@link dev.brigade.junit.internal.invocation.CurrentInvocation} is the invocation running on this thread,
 * with the comparisons made of its results (for {@code isNoWorseThanBaseline()} and the run report). It depends on
 * {@code config} alone, so that {@code baseline}, {@code fork}, {@code verdict} and {@code report} read it without
 * reaching up into {@code lifecycle}.
 *
 * <p>Implementation of {@code dev.brigade.junit}: not an API, it may change in any release.
 */
package dev.brigade.junit.internal.invocation;
