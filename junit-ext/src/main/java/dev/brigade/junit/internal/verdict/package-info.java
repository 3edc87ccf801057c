/**
 * Verdicts: the checks after an invocation, {@code @Budget} ({@link dev.brigade.junit.internal.verdict.BudgetCheck},
 * one {@link dev.brigade.junit.internal.config.Limit} per attribute) and {@code @Baseline} ({@link
 * dev.brigade.junit.internal.verdict.BaselineCheck}). Each goes through {@code BrigadeAssertions}, so a declared check
 * fails with the assertion's message. Grades, never prints.
 *
 * <p>Implementation of {@code dev.brigade.junit}: not an API, it may change in any release.
 */
package dev.brigade.junit.internal.verdict;
