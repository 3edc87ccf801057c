package dev.brigade.junit.internal.report;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * One file of the run's report beside {@code brigade-results.json}, rendered from the same root (machine, results,
 * findings): one stateless class per format. {@link RunReport} writes every one of {@link #ALL}.
 */
sealed interface ReportFormat permits JmhFormat, BencherFormat, HtmlReport {

    /** The formats written beside {@code brigade-results.json}. */
    List<ReportFormat> ALL = List.of(new JmhFormat(), new BencherFormat(), new HtmlReport());

    /** The file's name in the report directory, e.g. {@code jmh-results.json}. */
    String fileName();

    /** The file's content for the run's {@code root}, as {@code brigade-results.json} holds it. */
    String render(Map<String, Object> root) throws IOException;

    /** The results of {@code root}. */
    @SuppressWarnings("unchecked")
    static List<Object> results(Map<String, Object> root) {
        return (List<Object>) root.get("results");
    }
}
