package dev.brigade.junit.internal.report;

import dev.brigade.junit.internal.report.model.Check;
import dev.brigade.junit.internal.report.model.Machine;
import dev.brigade.junit.internal.report.model.Result;
import dev.brigade.junit.internal.report.model.Run;
import dev.brigade.measure.Metric;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The page's verdicts as tables and lines: the run's counts and failures at the top, a test's badge beside its name,
 * and the table of every result's main metrics at the bottom, each cell coloured by its worst verdict. Words and
 * counts come from {@link Verdicts}; markup only. Stateless.
 */
final class VerdictTables {

    private VerdictTables() {
    }

    /**
     * The run's verdicts first: one line of counts, the list of failures (each linked to its test's section), and
     * the machine and JDK in one line.
     */
    static void verdicts(StringBuilder html, List<Run.Test> tests, Map<String, String> ids,
                                 Machine machine) {
        Verdicts.Counts counts = Verdicts.Counts.of(tests.stream().flatMap(t -> t.results().stream()).toList());
        html.append("<div class=\"verdicts\" id=\"verdicts\"><p class=\"counts\">");
        count(html, "budgets", "budgets", counts.budgets(), false);
        html.append(" · ");
        count(html, "baselines", "baselines", counts.baselines(), true);
        html.append(" · ");
        count(html, "base", "base comparisons", counts.base(), true);
        html.append("</p>\n");
        List<String> failures = new ArrayList<>();
        for (Run.Test test : tests) {
            String t = test.name();
            for (Result r : test.results()) {
                for (Check check : r.checks()) {
                    if (check.verdict().failed()) {
                        failures.add("<li><a href=\"#" + ids.get(t) + "\" title=\"" + HtmlReport.escape(t) + "\">"
                                + HtmlReport.escape(t.substring(t.lastIndexOf('.') + 1)) + "</a> " + HtmlReport.escape(r.label()) + ": "
                                + HtmlReport.escape(Verdicts.failure(r, check)) + "</li>");
                    }
                }
            }
        }
        if (failures.isEmpty()) {
            html.append("<p class=\"none\">No budget, baseline or base comparison failed.</p>\n");
        } else {
            html.append("<ol class=\"failures\">").append(String.join("", failures)).append("</ol>\n");
        }
        html.append("<p class=\"machine\">").append(HtmlReport.escape(HtmlReport.machineLine(machine))).append("</p></div>\n");
    }

    /** {@code budgets 3 passed, 1 failed}, each count in an element that names it, for a reader and for tests. */
    private static void count(StringBuilder html, String key, String name, Verdicts.Tally tally, boolean none) {
        html.append("<span class=\"count\">").append(name).append(" <b data-count=\"").append(key)
                .append(".pass\">").append(tally.passed()).append("</b> passed, <b data-count=\"").append(key)
                .append(".fail\"").append(tally.failed() > 0 ? " class=\"fail\"" : "").append(">")
                .append(tally.failed()).append("</b> failed");
        if (none) {
            html.append(", <b data-count=\"").append(key).append(".none\">").append(tally.none())
                    .append("</b> not compared");
        }
        html.append("</span>");
    }

    /** A test's verdicts at a glance, beside its name. */
    static String badge(Verdicts.Counts counts) {
        return counts.failed() > 0 ? "<span class=\"badge fail\">" + counts.failed() + " failed</span>"
                : counts.passed() > 0 ? "<span class=\"badge pass\">" + counts.passed() + " passed</span>"
                : "<span class=\"badge\">no verdict</span>";
    }

    /** The full table of every result's main metrics, below the sections; a click on a header sorts it. */
    static void table(StringBuilder html, List<Run.Test> tests, Map<String, String> ids) {
        html.append("<section class=\"all\"><h2>All results</h2><table class=\"summary sortable\"><thead><tr>");
        for (String header : List.of("test", "invocation", "kind", "metric", "median [95 % CI]", "budget",
                "baseline")) {
            html.append("<th title=\"sort by ").append(header).append("\">").append(header).append("</th>");
        }
        html.append("</tr></thead><tbody>");
        for (Run.Test test : tests) {
            String name = test.name();
            for (Result r : test.results()) {
                r.metrics().forEach((metric, figure) -> {
                    if (!Metric.isMain(metric)) {
                        return;
                    }
                    html.append("<tr><td title=\"").append(HtmlReport.escape(name)).append("\"><a href=\"#")
                            .append(ids.get(name)).append("\">").append(HtmlReport.escape(name.substring(name.lastIndexOf('.')
                                    + 1))).append("</a></td><td class=\"inv\">").append(HtmlReport.escape(r.invocation()))
                            .append("</td><td>").append(HtmlReport.escape(r.kind())).append("</td><td>").append(HtmlReport.escape(metric))
                            .append("</td><td class=\"num\" data-sort=\"").append(figure.median()).append("\">")
                            .append(HtmlReport.escape(ConsoleSummary.figure(figure))).append("</td>");
                    verdictCell(html, r.budgets(), metric);
                    List<Check> againstBaselines = new ArrayList<>(r.baselines());
                    againstBaselines.addAll(r.base());
                    verdictCell(html, againstBaselines, metric);
                    html.append("</tr>");
                });
            }
        }
        html.append("</tbody></table></section>\n");
    }

    /** A cell of the table: the checks of {@code metric}, coloured by the worst of them. */
    private static void verdictCell(StringBuilder html, List<? extends Check> checks, String metric) {
        List<? extends Check> ofMetric = checks.stream().filter(c -> metric.equals(c.metric())).toList();
        Optional<String> worst = Verdicts.of(ofMetric).map(Verdicts::word);
        html.append("<td class=\"").append(worst.orElse("none")).append("\">").append(ofMetric.isEmpty() ? "–"
                : HtmlReport.escape(String.join(", ", ofMetric.stream().map(Verdicts::cell).toList()))).append("</td>");
    }
}
