package dev.brigade.junit.internal.report;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.brigade.junit.internal.report.model.Check;
import dev.brigade.junit.internal.report.model.Figure;
import dev.brigade.junit.internal.report.model.Finding;
import dev.brigade.junit.internal.report.model.Flame;
import dev.brigade.junit.internal.report.model.Machine;
import dev.brigade.junit.internal.report.model.Result;
import dev.brigade.junit.internal.report.model.Run;
import dev.brigade.junit.internal.report.model.RunJson;
import dev.brigade.measure.Bytes;
import dev.brigade.measure.Units;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code report.html}: one self-contained page — first the run's verdicts (budgets, baselines and base comparisons
 * passed, failed and not compared, counted by {@link Verdicts}), every failure linked to its test, and the machine
 * and JDK; then a filter box and one collapsible section per test with its {@link Charts}: the kinds side by side
 * (median and 95 % interval, budget limits as lines where the axis can show them beside the data, else named in the
 * caption), the ratios between its kinds, each baseline's recorded runs beside this run, each base comparison's
 * pairs of rounds, and the memory-per-task fits; then the full table of every result's main metric, sortable, and
 * the machine. The markup is written here; its style ({@code report.css}) and script ({@code report.js}) are
 * resources, and Chart.js is read from its WebJar on the class path: {@link PageAssets} inlines all three, so the
 * page opens offline; the charts' figures travel as JSON in the page. Counts verdicts, never makes one. Stateless.
 */
final class HtmlReport implements ReportFormat {

    @Override
    public String fileName() {
        return "report.html";
    }

    /** The page of a run read from its JSON tree, through {@link RunJson}. */
    String render(Map<String, Object> root) throws IOException {
        return render(RunJson.run(root));
    }

    @Override
    public String render(Run run) throws IOException {
        List<Run.Test> tests = run.tests();
        Machine machine = machine(run.machine());
        Map<String, String> ids = ids(tests.stream().map(Run.Test::name).toList());
        int results = run.results().size();
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<meta name=\"color-scheme\" content=\"light dark\">")
                .append("<title>Brigade report</title><style>").append(PageAssets.resource("report.css"))
                .append("</style></head><body>\n")
                .append("<h1>Brigade report</h1><p class=\"meta\">").append(results)
                .append(results == 1 ? " result" : " results").append(" of ").append(tests.size())
                .append(tests.size() == 1 ? " test" : " tests").append(", ")
                .append(escape(String.valueOf(run.createdAt()))).append("</p>\n");
        VerdictTables.verdicts(html, tests, ids, machine);
        findings(html, run.findings());
        html.append("<p class=\"filter\"><label>Filter tests <input type=\"search\" id=\"filter\"")
                .append(" placeholder=\"part of a test name\" autocomplete=\"off\"></label>")
                .append(" <span id=\"shown\"></span></p>\n");
        List<Charts.Chart> charts = new ArrayList<>();
        List<Flame> flames = new ArrayList<>();
        for (Run.Test test : tests) {
            html.append("<section class=\"test\" id=\"").append(ids.get(test.name()))
                    .append("\"><details open><summary><h2>").append(escape(test.name())).append("</h2> ")
                    .append(VerdictTables.badge(Verdicts.Counts.of(test.results()))).append("</summary>");
            html.append(BaseNotes.html(test.results(), flames));
            section(html, test.results(), machine, charts);
            html.append("</details></section>\n");
        }
        VerdictTables.table(html, tests, ids);
        html.append("<section><h2>Machine</h2><table class=\"machine\">");
        machine.fields().forEach(f -> html.append("<tr><th>").append(escape(f.name()))
                .append("</th><td>").append(escape(f.value())).append("</td></tr>"));
        html.append("</table></section>\n<script>").append(PageAssets.chartJs()).append("</script>\n")
                .append("<script type=\"application/json\" id=\"charts\">")
                .append(scriptData(JSON.std.asString(charts.stream().map(Charts.Chart::json).toList())))
                .append("</script>\n<script>").append(PageAssets.resource("report.js")).append("</script>\n");
        if (!flames.isEmpty()) {
            // only a page with a flame graph carries its library
            PageAssets.flameLibrary().forEach(script -> html.append("<script>").append(script).append("</script>\n"));
            html.append("<script type=\"application/json\" id=\"flames\">")
                    .append(scriptData(JSON.std.asString(flames.stream().map(RunJson::tree).toList())))
                    .append("</script>\n<script>").append(PageAssets.resource("report-flame.js")).append("</script>\n");
        }
        html.append("</body></html>\n");
        return html.toString();
    }

    /** A test's charts, each with its caption, added to {@code charts} in the order of the page. */
    private static void section(StringBuilder html, List<Result> results, Machine machine,
                                List<Charts.Chart> charts) {
        for (String metric : Charts.metrics(results)) {
            Charts.Whiskers c = Charts.kinds(id(charts), metric, results);
            if (c == null) {
                // one value and no interval (a cost meter's one measurement), or nothing above resolution: a
                // chart would be flat, so the figures are text
                html.append("<p class=\"figures\">").append(escape(metric + ": " + figures(metric, results)))
                        .append("</p>");
                continue;
            }
            if (c.isTable()) {
                table(html, "", c, "result", metric + ": median and 95 % interval per result"
                        + (c.below().isEmpty() ? "" : "; below resolution: " + String.join(", ", c.below())));
                continue;
            }
            figure(html, "", c.id(), metric + " by kind", metric + ": median and 95 % interval per result"
                    + (c.log() ? ", logarithmic axis (the medians differ " + Units.formatRatio(c.spread()) + ")" : "")
                    + (c.budgets().isEmpty() ? "" : "; dashed lines are budgets")
                    + (c.offAxis().isEmpty() ? "" : "; budgets off the axis: " + String.join(", ", c.offAxis()))
                    + (c.below().isEmpty() ? "" : "; below resolution, not drawn: " + String.join(", ", c.below())));
            charts.add(c);
        }
        for (String metric : Charts.metrics(results)) {
            Charts.Whiskers c = Charts.ratios(id(charts), metric, results);
            if (c != null && c.isTable()) {
                table(html, "ratios", c, "ratio", metric + ": ratios between kinds of this run (what travels"
                        + " between machines); each the ratio of the medians with its 95 % interval, as isFasterThan"
                        + " and isCheaperThan compute it");
            } else if (c != null) {
                figure(html, "ratios", c.id(), metric + " ratios between kinds", metric + ": ratios between kinds"
                        + " of this run (what travels between machines); each the ratio of the medians with its 95 %"
                        + " interval, as isFasterThan and isCheaperThan compute it"
                        + (c.log() ? ", logarithmic axis" : "") + "; the dashed line is 1×");
                charts.add(c);
            }
        }
        for (Result r : results) {
            for (Check.Baseline b : r.baselines()) {
                if (b.history() == null || b.history().isEmpty()) {
                    continue;
                }
                Charts.Whiskers c = Charts.history(id(charts), r, b);
                if (c == null) {
                    continue;
                }
                int runs = b.history().size();
                if (c.isTable()) {
                    table(html, "history", c, "run", r.label() + ": " + b.metric() + ", the baseline's " + runs
                            + " recorded run" + (runs == 1 ? "" : "s") + " on this machine"
                            + (machine.fingerprint() == null ? "" : " (fingerprint " + machine.fingerprint() + ")")
                            + " and this run, median and 95 % interval; baseline " + Verdicts.word(b.verdict()) + " "
                            + Verdicts.figures(b));
                    continue;
                }
                figure(html, "history", c.id(), b.metric() + " history", r.label() + ": " + b.metric()
                        + ", the baseline's " + runs + " recorded run" + (runs == 1 ? "" : "s") + " on this machine"
                        + (machine.fingerprint() == null ? "" : " (fingerprint " + machine.fingerprint() + ")")
                        + " and this run (its median in orange), median and 95 % interval"
                        + (c.log() ? ", logarithmic axis" : "") + "; baseline " + Verdicts.word(b.verdict()) + " "
                        + Verdicts.figures(b));
                charts.add(c);
            }
            for (Check.Base b : r.base()) {
                if (b.ratios().isEmpty()) {
                    continue;
                }
                if (b.ratios().size() <= Charts.TABLE_UP_TO) {
                    rows(html, "pairs", List.of("pair", "current/base"), java.util.stream.IntStream
                            .range(0, b.ratios().size()).mapToObj(i -> List.of(String.valueOf(i + 1),
                                    Units.formatRatio(b.ratios().get(i)))).toList(), r.label() + ": " + b.metric()
                            + " current/base of each pair of rounds, in the order measured; "
                            + Verdicts.word(b.verdict()) + " " + Verdicts.figures(b));
                    continue;
                }
                Charts.Pairs c = Charts.pairs(id(charts), r, b);
                figure(html, "pairs", c.id(), b.metric() + " against the base build", r.label() + ": " + b.metric()
                        + " current/base of each of the " + b.ratios().size() + " pairs of rounds, in the order"
                        + " measured; the solid line is the paired estimate, the dashed one 1×; "
                        + Verdicts.word(b.verdict()) + " " + Verdicts.figures(b));
                charts.add(c);
            }
            if (r.fit() != null && r.fit().points().size() <= Charts.TABLE_UP_TO) {
                rows(html, "memory", List.of("tasks", "RSS", "heap after GC"), r.fit().points().stream()
                        .map(p -> List.of(String.format(java.util.Locale.ROOT, "%,d", p.tasks()),
                                Bytes.format(p.rssBytes()), Bytes.format(p.heapBytes()))).toList(),
                        r.label() + ": memory of each population; " + Charts.fit("", r).rssLabel() + "; "
                                + Charts.fit("", r).heapLabel());
            } else if (r.fit() != null) {
                Charts.MemoryFit c = Charts.fit(id(charts), r);
                figure(html, "memory", c.id(), null, r.label() + ": memory added since the smallest population, RSS"
                        + " and heap with their fitted lines");
                charts.add(c);
            }
        }
    }

    /**
     * A chart of {@value Charts#TABLE_UP_TO} points or fewer as a table: a row per point, its figure, and for a chart
     * of kinds each result's budgets with their verdicts.
     */
    private static void table(StringBuilder html, String cssClass, Charts.Whiskers c, String what, String caption) {
        boolean budgets = !c.budgets().isEmpty();
        html.append("<figure class=\"").append(cssClass.isEmpty() ? "" : cssClass + " ").append("table\">")
                .append("<table class=\"points\"><thead><tr><th>").append(what).append("</th><th>")
                .append("×".equals(c.unit()) ? "ratio of the " + escape(c.metric()) + " medians"
                        : escape(c.metric()) + " median").append(" [95 % interval]</th>")
                .append(budgets ? "<th>budget</th>" : "").append("</tr></thead><tbody>");
        for (int i = 0; i < c.labels().size(); i++) {
            String label = c.labels().get(i);
            html.append("<tr").append(label.equals(c.last()) ? " class=\"last\"" : "").append("><td>")
                    .append(escape(label)).append("</td><td class=\"num\">").append(escape(c.figure(i)))
                    .append("</td>");
            if (budgets) {
                List<String> lines = c.budgets().stream().filter(b -> b.label().equals(label))
                        .map(b -> "≤ " + Units.format(b.limit(), c.unit()) + " (" + (b.failed() ? "failed" : "passed")
                                + ")").toList();
                boolean failed = c.budgets().stream().anyMatch(b -> b.label().equals(label) && b.failed());
                html.append("<td").append(lines.isEmpty() ? "" : failed ? " class=\"fail\"" : " class=\"pass\"")
                        .append(">").append(escape(String.join(", ", lines))).append("</td>");
            }
            html.append("</tr>");
        }
        html.append("</tbody></table><figcaption>").append(escape(caption)).append("</figcaption></figure>");
    }

    /** A small table in a chart's place: {@code heads}, then a row per point. */
    private static void rows(StringBuilder html, String cssClass, List<String> heads, List<List<String>> rows,
                             String caption) {
        html.append("<figure class=\"").append(cssClass).append(" table\"><table class=\"points\"><thead><tr>");
        heads.forEach(h -> html.append("<th>").append(escape(h)).append("</th>"));
        html.append("</tr></thead><tbody>");
        for (List<String> row : rows) {
            html.append("<tr>");
            row.forEach(cell -> html.append("<td class=\"num\">").append(escape(cell)).append("</td>"));
            html.append("</tr>");
        }
        html.append("</tbody></table><figcaption>").append(escape(caption)).append("</figcaption></figure>");
    }

    /** The id of the next chart's canvas. */
    private static String id(List<Charts.Chart> charts) {
        return "c" + charts.size();
    }

    /** A chart's canvas with its caption; {@code label} names it for a reader, when not null. */
    private static void figure(StringBuilder html, String cssClass, String id, String label, String caption) {
        html.append(cssClass.isEmpty() ? "<figure>" : "<figure class=\"" + cssClass + "\">").append("<canvas id=\"")
                .append(id).append("\"");
        if (label != null) {
            html.append(" aria-label=\"").append(escape(label)).append("\"");
        }
        html.append("></canvas><figcaption>").append(escape(caption)).append("</figcaption></figure>");
    }

    /** A run read from a tree without a machine has none: every field unknown. */
    private static Machine machine(Machine machine) {
        return machine == null ? new Machine(null, null, null, null, null, null, null) : machine;
    }

    /** {@code Linux amd64, 2 CPUs (AMD EPYC 7B13), JDK 21.0.5, fingerprint 3f2a9c01b7e4}: what the file holds. */
    static String machineLine(Machine m) {
        List<String> parts = new ArrayList<>();
        if (m.os() != null) {
            parts.add(m.os() + (m.arch() == null || m.os().endsWith(m.arch()) ? "" : " " + m.arch()));
        }
        if (m.cpus() != null) {
            parts.add(m.cpus() + " CPUs" + (m.cpuModel() == null ? "" : " (" + m.cpuModel() + ")"));
        }
        if (m.jdk() != null) {
            parts.add("JDK " + m.jdk());
        }
        if (m.fingerprint() != null) {
            parts.add("fingerprint " + m.fingerprint());
        }
        return parts.isEmpty() ? "machine unknown" : String.join(", ", parts);
    }

    /**
     * Each test's section id: {@code t-} and the letters and digits of its name, then its hash — the same on every
     * run, safe in an attribute and a URL fragment whatever the name; a clash (two names of one slug and hash)
     * gets a counter.
     */
    static Map<String, String> ids(Collection<String> tests) {
        Map<String, String> ids = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        for (String test : tests) {
            String slug = test.substring(test.lastIndexOf('.') + 1).replaceAll("[^A-Za-z0-9]+", "-")
                    .replaceAll("^-|-$", "");
            String id = "t-" + (slug.length() > 60 ? slug.substring(0, 60) : slug) + "-"
                    + Integer.toHexString(test.hashCode());
            String unique = id;
            for (int i = 2; !taken.add(unique); i++) {
                unique = id + "-" + i;
            }
            ids.put(test, unique);
        }
        return ids;
    }

    /** The findings: each claim with its verdict on this machine, how many trials gave it, and the figures. */
    private static void findings(StringBuilder html, List<Finding> findings) {
        if (findings.isEmpty()) {
            return;
        }
        html.append("<section id=\"findings\"><h2>Findings</h2><table class=\"findings\"><thead><tr><th>claim</th>")
                .append("<th>the seed says</th><th>measured here</th><th>verdict</th></tr></thead><tbody>");
        findings.stream().sorted(Comparator.comparing(f -> String.valueOf(f.claim()))).forEach(f -> html
                .append("<tr><td>").append(escape(text(f.claim()))).append("</td><td>").append(escape(text(f.seed())))
                .append("</td><td>").append(escape(text(f.measured()))).append("</td><td class=\"")
                .append(escape(text(f.verdict()))).append("\">").append(escape(text(f.verdict())))
                .append(f.held() == null ? "" : " (" + f.held() + " of " + f.trials() + ")").append(": ")
                .append(escape(text(f.ratio()))).append("</td></tr>"));
        html.append("</tbody></table></section>\n");
    }

    private static String text(String field) {
        return field == null ? "" : field;
    }

    /** {@code metric} of each of {@code results} that has it, as text: {@code VIRTUAL 2.41 ms, PLATFORM below ...}. */
    private static String figures(String metric, List<Result> results) {
        List<String> figures = new ArrayList<>();
        for (Result r : results) {
            Figure value = r.metrics().get(metric);
            if (value != null) {
                figures.add(r.label() + " " + ConsoleSummary.figure(value));
            }
        }
        return String.join("; ", figures);
    }

    /**
     * JSON as the content of a script element: every {@code <} written as its JSON escape, so no name can end the
     * element ({@code </script>}) or, with {@code <!--<script>}, make the parser read past its end.
     */
    static String scriptData(String json) {
        return json.replace("<", "\\u003c");
    }

    /** HTML text: the five characters that could open markup or end an attribute, escaped. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
