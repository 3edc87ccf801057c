/**
 * The run as typed immutable records, as {@code brigade-results.json} holds it: a {@link
 * dev.brigade.junit.internal.report.model.Run} of {@link dev.brigade.junit.internal.report.model.Result}s (grouped
 * by test in {@link dev.brigade.junit.internal.report.model.Run#tests()}), each with its {@link
 * dev.brigade.junit.internal.report.model.Figure}s and its {@link dev.brigade.junit.internal.report.model.Check}s,
 * whose {@link dev.brigade.junit.internal.report.model.Verdict} is an enum; and the one JSON codec of them,
 * {@link dev.brigade.junit.internal.report.model.RunJson}. Every report format renders these records; none reads JSON
 * back but the codec.
 *
 * <p>Implementation of {@code dev.brigade.junit}: not an API, it may change in any release.
 */
package dev.brigade.junit.internal.report.model;
