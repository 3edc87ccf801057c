/**
 * Reports: the report entries of each invocation ({@link dev.brigade.junit.internal.report.ReportEntries}) and the
 * run's files, gathered by {@link dev.brigade.junit.internal.report.RunReport} and written at the end of the test
 * plan: {@code brigade-results.json}, the JMH and Bencher formats, {@code report.html} and the console summary
 * ({@link dev.brigade.junit.internal.report.ConsoleSummary}, the listener that ends the run).
 *
 * <p>Implementation of {@code dev.brigade.junit}: not an API, it may change in any release.
 */
package dev.brigade.junit.internal.report;
