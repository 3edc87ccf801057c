package dev.brigade.junit.internal.report;

import dev.brigade.junit.internal.report.model.Result;
import java.util.List;

/**
 * What a test's section of the page says of its comparisons with the base build besides their verdicts: where the
 * cost of a failed one moved (its explanation's lines), and that a test new in the change was not compared.
 * Stateless.
 */
final class BaseNotes {

    private BaseNotes() {
    }

    /** The notes of a test's results as HTML, or an empty string when there are none. */
    static String html(List<Result> results) {
        StringBuilder html = new StringBuilder();
        for (Result r : results) {
            if (r.explanation() != null) {
                html.append("<details class=\"explanation\" open><summary>").append(HtmlReport.escape(r.label()))
                        .append(": where the cost moved, base → current</summary><pre>")
                        .append(HtmlReport.escape(String.join("\n", r.explanation().lines())))
                        .append("</pre></details>");
            }
        }
        String notCompared = ConsoleSummary.notCompared(results);
        if (!notCompared.isEmpty()) {
            html.append("<p class=\"figures\">").append(HtmlReport.escape(notCompared.substring(2))).append("</p>");
        }
        return html.toString();
    }
}
