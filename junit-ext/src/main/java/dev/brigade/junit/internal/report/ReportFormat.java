package dev.brigade.junit.internal.report;

import dev.brigade.junit.internal.report.model.Run;
import java.io.IOException;
import java.util.List;

/**
 * One file of the run's report beside {@code brigade-results.json}, rendered from the same typed run (machine,
 * results, findings), as JMH's {@code ResultFormat.writeOut(Collection<RunResult>)}: one stateless class per format.
 * {@link RunReport} writes every one of {@link #ALL}. A new kind of record about a result (an explanation of a failed
 * comparison) is one more component of {@code Result}; each format renders it where it renders the result's checks.
 */
sealed interface ReportFormat permits JmhFormat, BencherFormat, HtmlReport, SummaryMarkdown {

    /** The formats written beside {@code brigade-results.json}. */
    List<ReportFormat> ALL = List.of(new JmhFormat(), new BencherFormat(), new HtmlReport(),
            new SummaryMarkdown());

    /** The file's name in the report directory, e.g. {@code jmh-results.json}. */
    String fileName();

    /** The file's content for {@code run}. */
    String render(Run run) throws IOException;
}
