package dev.brigade.junit.internal.report;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.brigade.junit.internal.fork.ResultCodec;
import dev.brigade.measure.Metric;
import dev.brigade.measure.Units;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code report.html}: one self-contained page — first the run's verdicts (budgets, baselines and base comparisons
 * passed, failed and not compared, as brigade-results.json holds them), every failure linked to its test, and the
 * machine and JDK; then a filter box and one collapsible section per test with a chart of the kinds side by side
 * (median and 95 % interval, on a logarithmic axis where they differ more than {@value #LOG_ABOVE}×, budget limits
 * drawn as lines where the axis can show them beside the data, else named in the caption), the ratios between its
 * kinds, each baseline's recorded runs beside this run, each base comparison's pairs of rounds, and the
 * memory-per-task fits; then the full table of every result's main metric, sortable, and the machine. Chart.js is read
 * from its WebJar on the class path and inlined, so the page opens offline; the figures travel as JSON in the page.
 * Counts verdicts, never makes one. Stateless.
 */
final class HtmlReport implements ReportFormat {

    private static final String CHART_JS = "META-INF/resources/webjars/chart.js/4.5.1/dist/chart.umd.min.js";

    /** A chart's medians that differ by more than this factor are drawn on a logarithmic axis. */
    static final double LOG_ABOVE = 5;

    @Override
    public String fileName() {
        return "report.html";
    }

    @Override
    @SuppressWarnings("unchecked")
    public String render(Map<String, Object> root) throws IOException {
        List<Object> results = ReportFormat.results(root);
        Map<String, List<Map<String, Object>>> byTest = new LinkedHashMap<>();
        for (Object o : results) {
            Map<String, Object> r = ResultCodec.map(o);
            byTest.computeIfAbsent((String) r.get("test"), t -> new ArrayList<>()).add(r);
        }
        Map<String, String> ids = ids(byTest.keySet());
        Map<String, Object> machine = ResultCodec.map(root.getOrDefault("machine", Map.of()));
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<meta name=\"color-scheme\" content=\"light dark\">")
                .append("<title>Brigade report</title><style>").append(CSS).append("</style></head><body>\n")
                .append("<h1>Brigade report</h1><p class=\"meta\">").append(results.size())
                .append(results.size() == 1 ? " result" : " results").append(" of ").append(byTest.size())
                .append(byTest.size() == 1 ? " test" : " tests").append(", ")
                .append(escape(String.valueOf(root.get("createdAt")))).append("</p>\n");
        verdicts(html, byTest, ids, machine);
        findings(html, (List<Object>) root.getOrDefault("findings", List.of()));
        html.append("<p class=\"filter\"><label>Filter tests <input type=\"search\" id=\"filter\"")
                .append(" placeholder=\"part of a test name\" autocomplete=\"off\"></label>")
                .append(" <span id=\"shown\"></span></p>\n");
        int chart = 0;
        List<Object> charts = new ArrayList<>();
        for (Map.Entry<String, List<Map<String, Object>>> test : byTest.entrySet()) {
            Counts counts = Counts.of(test.getValue());
            html.append("<section class=\"test\" id=\"").append(ids.get(test.getKey()))
                    .append("\"><details open><summary><h2>").append(escape(test.getKey())).append("</h2> ")
                    .append(counts.badge()).append("</summary>");
            for (String metric : metrics(test.getValue())) {
                Map<String, Object> c = kindsChart(chart, metric, test.getValue());
                if (c == null) {
                    // one value and no interval (a cost meter's one measurement), or nothing above resolution: a
                    // chart would be flat, so the figures are text
                    html.append("<p class=\"figures\">").append(escape(metric + ": " + figures(metric,
                            test.getValue()))).append("</p>");
                    continue;
                }
                html.append("<figure><canvas id=\"c").append(chart).append("\" aria-label=\"")
                        .append(escape(metric)).append(" by kind\"></canvas><figcaption>").append(escape(metric))
                        .append(": median and 95 % interval per result")
                        .append(Boolean.TRUE.equals(c.get("log")) ? ", logarithmic axis (the medians differ "
                                + Units.formatRatio((Double) c.get("spread")) + ")" : "")
                        .append(((List<?>) c.get("budgets")).isEmpty() ? "" : "; dashed lines are budgets")
                        .append(escape((String) c.remove("offAxis"))).append(escape((String) c.remove("below")))
                        .append("</figcaption></figure>");
                charts.add(c);
                chart++;
            }
            for (Map<String, Object> c : ratioCharts(chart, test.getValue())) {
                html.append("<figure class=\"ratios\"><canvas id=\"c").append(chart).append("\" aria-label=\"")
                        .append(escape((String) c.get("metric"))).append(" ratios between kinds\"></canvas>")
                        .append("<figcaption>")
                        .append(escape((String) c.get("metric"))).append(": ratios between kinds of this run")
                        .append(" (what travels between machines); each the ratio of the medians, its interval")
                        .append(" divided from both 95 % intervals, wider than a paired one")
                        .append(Boolean.TRUE.equals(c.get("log")) ? ", logarithmic axis" : "")
                        .append("; the dashed line is 1×</figcaption></figure>");
                charts.add(c);
                chart++;
            }
            for (Map<String, Object> r : test.getValue()) {
                for (Object o : (List<?>) r.get("baselines")) {
                    Map<String, Object> b = ResultCodec.map(o);
                    if (!(b.get("history") instanceof List<?> history) || history.isEmpty()) {
                        continue;
                    }
                    Map<String, Object> c = historyChart(chart, r, b);
                    if (c == null) {
                        continue;
                    }
                    html.append("<figure class=\"history\"><canvas id=\"c").append(chart).append("\" aria-label=\"")
                            .append(escape(b.get("metric") + " history")).append("\"></canvas><figcaption>")
                            .append(escape(label(r) + ": " + b.get("metric") + ", the baseline's " + history.size()
                                    + " recorded run" + (history.size() == 1 ? "" : "s") + " on this machine"
                                    + (machine.get("fingerprint") == null ? "" : " (fingerprint "
                                    + machine.get("fingerprint") + ")") + " and this run (its median in orange),"
                                    + " median and 95 % interval"
                                    + (Boolean.TRUE.equals(c.get("log")) ? ", logarithmic axis" : "")
                                    + "; baseline " + b.get("verdict") + " " + ConsoleSummary.figures(b)))
                            .append("</figcaption></figure>");
                    charts.add(c);
                    chart++;
                }
                for (Object o : (List<?>) r.getOrDefault("base", List.of())) {
                    Map<String, Object> b = ResultCodec.map(o);
                    if (!(b.get("ratios") instanceof List<?> ratios) || ratios.isEmpty()) {
                        continue;
                    }
                    html.append("<figure class=\"pairs\"><canvas id=\"c").append(chart).append("\" aria-label=\"")
                            .append(escape(b.get("metric") + " against the base build")).append("\"></canvas>")
                            .append("<figcaption>").append(escape(label(r) + ": " + b.get("metric")
                                    + " current/base of each of the " + ratios.size() + " pairs of rounds, in the"
                                    + " order measured; the solid line is the paired estimate, the dashed one 1×; "
                                    + b.get("verdict") + " " + ConsoleSummary.baseFigures(b)))
                            .append("</figcaption></figure>");
                    charts.add(pairsChart(chart++, r, b));
                }
                if (r.get("fit") != null) {
                    html.append("<figure class=\"memory\"><canvas id=\"c").append(chart).append("\"></canvas>")
                            .append("<figcaption>").append(escape(label(r)))
                            .append(": memory added since the smallest population, RSS")
                            .append(" and heap with their fitted lines</figcaption></figure>");
                    charts.add(fitChart(chart++, r));
                }
            }
            html.append("</details></section>\n");
        }
        table(html, byTest, ids);
        html.append("<section><h2>Machine</h2><table class=\"machine\">");
        machine.forEach((k, v) -> html.append("<tr><th>").append(escape(k))
                .append("</th><td>").append(escape(String.valueOf(v))).append("</td></tr>"));
        html.append("</table></section>\n<script>").append(chartJs()).append("</script>\n")
                .append("<script type=\"application/json\" id=\"charts\">")
                .append(scriptData(JSON.std.asString(charts))).append("</script>\n<script>")
                .append(SCRIPT).append("</script>\n</body></html>\n");
        return html.toString();
    }

    /**
     * The run's verdicts first: one line of counts, the list of failures (each linked to its test's section), and
     * the machine and JDK in one line.
     */
    private static void verdicts(StringBuilder html, Map<String, List<Map<String, Object>>> byTest,
                                 Map<String, String> ids, Map<String, Object> machine) {
        Counts counts = Counts.of(byTest.values().stream().flatMap(List::stream).toList());
        html.append("<div class=\"verdicts\" id=\"verdicts\"><p class=\"counts\">");
        count(html, "budgets", "budgets", counts.budgets, false);
        html.append(" · ");
        count(html, "baselines", "baselines", counts.baselines, true);
        html.append(" · ");
        count(html, "base", "base comparisons", counts.base, true);
        html.append("</p>\n");
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, List<Map<String, Object>>> test : byTest.entrySet()) {
            for (Map<String, Object> r : test.getValue()) {
                for (String failure : failures(r)) {
                    String t = test.getKey();
                    failures.add("<li><a href=\"#" + ids.get(t) + "\" title=\"" + escape(t) + "\">"
                            + escape(t.substring(t.lastIndexOf('.') + 1)) + "</a> " + escape(label(r)) + ": "
                            + escape(failure) + "</li>");
                }
            }
        }
        if (failures.isEmpty()) {
            html.append("<p class=\"none\">No budget, baseline or base comparison failed.</p>\n");
        } else {
            html.append("<ol class=\"failures\">").append(String.join("", failures)).append("</ol>\n");
        }
        html.append("<p class=\"machine\">").append(escape(machineLine(machine))).append("</p></div>\n");
    }

    /** {@code budgets 3 passed, 1 failed}, each count in an element that names it, for a reader and for tests. */
    private static void count(StringBuilder html, String key, String name, int[] passFailNone, boolean none) {
        html.append("<span class=\"count\">").append(name).append(" <b data-count=\"").append(key)
                .append(".pass\">").append(passFailNone[0]).append("</b> passed, <b data-count=\"").append(key)
                .append(".fail\"").append(passFailNone[1] > 0 ? " class=\"fail\"" : "").append(">")
                .append(passFailNone[1]).append("</b> failed");
        if (none) {
            html.append(", <b data-count=\"").append(key).append(".none\">").append(passFailNone[2])
                    .append("</b> not compared");
        }
        html.append("</span>");
    }

    /** The failed verdicts of one result, as brigade-results.json holds them, each as a line of text. */
    private static List<String> failures(Map<String, Object> r) {
        List<String> failures = new ArrayList<>();
        Map<String, Object> metrics = ResultCodec.map(r.get("metrics"));
        for (Object o : (List<?>) r.get("budgets")) {
            Map<String, Object> b = ResultCodec.map(o);
            if ("fail".equals(b.get("verdict"))) {
                String metric = (String) b.get("metric");
                Object value = metrics.get(metric);
                failures.add("budget " + metric + " ≤ " + Units.format(number(b, "limit"),
                        ConsoleSummary.unitOf(metric))
                        + (value == null ? "" : ", measured " + ConsoleSummary.figure(value)));
            }
        }
        for (Object o : (List<?>) r.get("baselines")) {
            Map<String, Object> b = ResultCodec.map(o);
            if ("fail".equals(b.get("verdict"))) {
                failures.add("baseline " + b.get("metric") + " " + ConsoleSummary.figures(b));
            }
        }
        for (Object o : (List<?>) r.getOrDefault("base", List.of())) {
            Map<String, Object> b = ResultCodec.map(o);
            if ("fail".equals(b.get("verdict"))) {
                failures.add("base " + b.get("metric") + " " + ConsoleSummary.baseFigures(b));
            }
        }
        return failures;
    }

    /** {@code Linux amd64, 2 CPUs (AMD EPYC 7B13), JDK 21.0.5, fingerprint 3f2a9c01b7e4}: what the file holds. */
    private static String machineLine(Map<String, Object> machine) {
        List<String> parts = new ArrayList<>();
        if (machine.get("os") != null) {
            parts.add(machine.get("os") + (machine.get("arch") == null
                    || String.valueOf(machine.get("os")).endsWith(String.valueOf(machine.get("arch"))) ? ""
                    : " " + machine.get("arch")));
        }
        if (machine.get("cpus") != null) {
            parts.add(machine.get("cpus") + " CPUs" + (machine.get("cpuModel") == null ? ""
                    : " (" + machine.get("cpuModel") + ")"));
        }
        if (machine.get("jdk") != null) {
            parts.add("JDK " + machine.get("jdk"));
        }
        if (machine.get("fingerprint") != null) {
            parts.add("fingerprint " + machine.get("fingerprint"));
        }
        return parts.isEmpty() ? "machine unknown" : String.join(", ", parts);
    }

    /**
     * Each test's section id: {@code t-} and the letters and digits of its name, then its hash — the same on every
     * run, safe in an attribute and a URL fragment whatever the name; a clash (two names of one slug and hash)
     * gets a counter.
     */
    static Map<String, String> ids(java.util.Collection<String> tests) {
        Map<String, String> ids = new LinkedHashMap<>();
        Set<String> taken = new java.util.HashSet<>();
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

    /**
     * The verdicts of some results, counted as brigade-results.json holds them: each budget limit, baseline
     * comparison and base comparison passed or failed; a result with no baseline (or base) comparison counts as
     * not compared.
     */
    private record Counts(int[] budgets, int[] baselines, int[] base) {

        static Counts of(List<Map<String, Object>> results) {
            Counts c = new Counts(new int[3], new int[3], new int[3]);
            for (Map<String, Object> r : results) {
                add(c.budgets, (List<?>) r.get("budgets"));
                add(c.baselines, (List<?>) r.get("baselines"));
                add(c.base, (List<?>) r.getOrDefault("base", List.of()));
            }
            return c;
        }

        private static void add(int[] passFailNone, List<?> verdicts) {
            if (verdicts.isEmpty()) {
                passFailNone[2]++;
            }
            for (Object o : verdicts) {
                passFailNone["fail".equals(ResultCodec.map(o).get("verdict")) ? 1 : 0]++;
            }
        }

        int failed() {
            return budgets[1] + baselines[1] + base[1];
        }

        int passed() {
            return budgets[0] + baselines[0] + base[0];
        }

        /** A test's verdicts at a glance, beside its name. */
        String badge() {
            return failed() > 0 ? "<span class=\"badge fail\">" + failed() + " failed</span>"
                    : passed() > 0 ? "<span class=\"badge pass\">" + passed() + " passed</span>"
                    : "<span class=\"badge\">no verdict</span>";
        }
    }

    /** The findings: each claim with its verdict on this machine, how many trials gave it, and the figures. */
    private static void findings(StringBuilder html, List<Object> findings) {
        if (findings.isEmpty()) {
            return;
        }
        html.append("<section id=\"findings\"><h2>Findings</h2><table class=\"findings\"><thead><tr><th>claim</th>")
                .append("<th>the seed says</th><th>measured here</th><th>verdict</th></tr></thead><tbody>");
        findings.stream().map(ResultCodec::map).sorted(java.util.Comparator.comparing(f -> String.valueOf(
                f.get("claim")))).forEach(f -> html.append("<tr><td>").append(escape(text(f, "claim")))
                .append("</td><td>").append(escape(text(f, "seed"))).append("</td><td>")
                .append(escape(text(f, "measured"))).append("</td><td class=\"").append(escape(text(f, "verdict")))
                .append("\">").append(escape(text(f, "verdict"))).append(f.get("held") instanceof Number held
                        ? " (" + held + " of " + f.get("trials") + ")" : "").append(": ")
                .append(escape(text(f, "ratio"))).append("</td></tr>"));
        html.append("</tbody></table></section>\n");
    }

    private static String text(Map<String, Object> m, String key) {
        return String.valueOf(m.getOrDefault(key, ""));
    }

    /** The full table of every result's main metrics, below the sections; a click on a header sorts it. */
    private static void table(StringBuilder html, Map<String, List<Map<String, Object>>> byTest,
                              Map<String, String> ids) {
        html.append("<section class=\"all\"><h2>All results</h2><table class=\"summary sortable\"><thead><tr>");
        for (String header : List.of("test", "invocation", "kind", "metric", "median [95 % CI]", "budget",
                "baseline")) {
            html.append("<th title=\"sort by ").append(header).append("\">").append(header).append("</th>");
        }
        html.append("</tr></thead><tbody>");
        for (List<Map<String, Object>> results : byTest.values()) {
            for (Map<String, Object> r : results) {
                for (Map.Entry<String, Object> metric : ResultCodec.map(r.get("metrics")).entrySet()) {
                    if (!Metric.isMain(metric.getKey())) {
                        continue;
                    }
                    String test = (String) r.get("test");
                    html.append("<tr><td title=\"").append(escape(test)).append("\"><a href=\"#")
                            .append(ids.get(test)).append("\">")
                            .append(escape(test.substring(test.lastIndexOf('.') + 1)))
                            .append("</a></td><td class=\"inv\">")
                            .append(escape((String) r.get("invocation"))).append("</td><td>")
                            .append(escape((String) r.get("kind"))).append("</td><td>").append(escape(metric.getKey()))
                            .append("</td><td class=\"num\" data-sort=\"")
                            .append(number(ResultCodec.map(metric.getValue()), "median")).append("\">")
                            .append(escape(ConsoleSummary.figure(metric.getValue()))).append("</td>");
                    verdictCell(html, (List<?>) r.get("budgets"), metric.getKey(), false);
                    List<Object> againstBaselines = new ArrayList<>((List<?>) r.get("baselines"));
                    againstBaselines.addAll((List<?>) r.getOrDefault("base", List.of()));
                    verdictCell(html, againstBaselines, metric.getKey(), true);
                    html.append("</tr>");
                }
            }
        }
        html.append("</tbody></table></section>\n");
    }

    private static void verdictCell(StringBuilder html, List<?> verdicts, String metric, boolean baseline) {
        List<String> texts = new ArrayList<>();
        String worst = "none";
        for (Object o : verdicts) {
            Map<String, Object> v = ResultCodec.map(o);
            if (!metric.equals(v.get("metric"))) {
                continue;
            }
            String verdict = (String) v.get("verdict");
            worst = "fail".equals(verdict) || "fail".equals(worst) ? "fail" : "pass";
            texts.add(baseline ? verdict + " " + (v.containsKey("pairs")
                    ? "against base " + ConsoleSummary.baseFigures(v) : ConsoleSummary.figures(v))
                    : verdict + " ≤ " + Units.format(number(v, "limit"), ConsoleSummary.unitOf(metric)));
        }
        html.append("<td class=\"").append(worst).append("\">").append(texts.isEmpty() ? "–"
                : escape(String.join(", ", texts))).append("</td>");
    }

    private static List<String> metrics(List<Map<String, Object>> results) {
        List<String> metrics = new ArrayList<>();
        for (Map<String, Object> r : results) {
            for (String m : ResultCodec.map(r.get("metrics")).keySet()) {
                if (Metric.isMain(m) && !metrics.contains(m)) {
                    metrics.add(m);
                }
            }
        }
        return metrics;
    }

    /**
     * The chart of one metric across a test's results: a logarithmic axis when every median is positive and the
     * largest is more than {@link #LOG_ABOVE} times the smallest; a budget drawn on the axis only when it shows
     * beside the data without flattening them (on a linear axis from a tenth of the largest median to twice it, on
     * a logarithmic one within ten times the data's range), the others named in {@code offAxis}, for the caption.
     */
    private static Map<String, Object> kindsChart(int id, String metric, List<Map<String, Object>> results) {
        Whiskers whiskers = new Whiskers(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
        List<Map<String, Object>> budgets = new ArrayList<>();
        List<String> below = new ArrayList<>();
        Set<Double> values = new java.util.HashSet<>();
        String unit = "";
        for (Map<String, Object> r : results) {
            Object value = ResultCodec.map(r.get("metrics")).get(metric);
            if (value == null) {
                continue;
            }
            Map<String, Object> e = ResultCodec.map(value);
            if (e.get("belowResolution") != null) {
                below.add(label(r));
                continue;
            }
            unit = (String) e.get("unit");
            values.addAll(List.of(number(e, "low"), number(e, "median"), number(e, "high")));
            whiskers.add(label(r), e);
            for (Object b : (List<?>) r.get("budgets")) {
                Map<String, Object> budget = ResultCodec.map(b);
                if (metric.equals(budget.get("metric"))) {
                    budgets.add(Map.of("label", label(r), "limit", budget.get("limit"),
                            "verdict", budget.get("verdict")));
                }
            }
        }
        if (values.size() < 2) {
            return null;
        }
        double smallest = whiskers.smallest;
        double largest = whiskers.largest;
        double spread = largest / smallest;
        boolean log = whiskers.positive && spread > LOG_ABOVE;
        List<Object> drawn = new ArrayList<>();
        List<String> offAxis = new ArrayList<>();
        for (Map<String, Object> budget : budgets) {
            double limit = number(budget, "limit");
            if (log ? limit >= smallest / 10 && limit <= largest * 10 : limit >= largest / 10 && limit <= largest * 2) {
                drawn.add(budget);
            } else {
                offAxis.add(budget.get("label") + " ≤ " + Units.format(limit, unit) + " ("
                        + ("fail".equals(budget.get("verdict")) ? "failed" : "passed") + ")");
            }
        }
        Map<String, Object> chart = whiskers.chart(id, metric, unit, log);
        if (log) {
            chart.put("spread", spread);
        }
        chart.put("budgets", drawn);
        chart.put("offAxis", offAxis.isEmpty() ? "" : "; budgets off the axis: " + String.join(", ", offAxis));
        chart.put("below", below.isEmpty() ? "" : "; below resolution, not drawn: " + String.join(", ", below));
        return chart;
    }

    /** {@code metric} of each of {@code results} that has it, as text: {@code VIRTUAL 2.41 ms, PLATFORM below ...}. */
    private static String figures(String metric, List<Map<String, Object>> results) {
        List<String> figures = new ArrayList<>();
        for (Map<String, Object> r : results) {
            Object value = ResultCodec.map(r.get("metrics")).get(metric);
            if (value != null) {
                figures.add(label(r) + " " + ConsoleSummary.figure(value));
            }
        }
        return String.join("; ", figures);
    }

    /**
     * The ratios between the kinds of one run, one chart per metric: for each group of results that differ only in
     * their kind (the same fixture and invocation, the kind's name taken out of it), every other kind's median over
     * the first kind's, its interval divided from both 95 % intervals ({@code [low / high', high / low']},
     * conservative: the rounds of two kinds are not paired). A logarithmic axis where the ratios and 1 differ more
     * than {@value #LOG_ABOVE}×. None when no group holds two kinds with positive figures.
     */
    private static List<Map<String, Object>> ratioCharts(int firstId, List<Map<String, Object>> results) {
        List<Map<String, Object>> charts = new ArrayList<>();
        for (String metric : metrics(results)) {
            Map<String, List<Map<String, Object>>> groups = new LinkedHashMap<>();
            for (Map<String, Object> r : results) {
                Object value = ResultCodec.map(r.get("metrics")).get(metric);
                String kind = String.valueOf(r.get("kind"));
                // one result per kind: the first run's, when @Fork(runs = ...) measured several
                if (value == null || kind.isEmpty() || r.get("forkRun") instanceof Number run && run.intValue() > 1) {
                    continue;
                }
                String key = r.get("fixture") + " " + String.valueOf(r.get("invocation")).replace(kind, "…");
                List<Map<String, Object>> group = groups.computeIfAbsent(key, k -> new ArrayList<>());
                if (group.stream().noneMatch(g -> kind.equals(g.get("kind")))) {
                    group.add(r);
                }
            }
            // the axis reaches 1× whatever the ratios
            Whiskers whiskers = new Whiskers(1, 1);
            for (Map.Entry<String, List<Map<String, Object>>> group : groups.entrySet()) {
                List<Map<String, Object>> kinds = group.getValue();
                Map<String, Object> ref = ResultCodec.map(ResultCodec.map(kinds.get(0).get("metrics")).get(metric));
                for (Map<String, Object> r : kinds.subList(1, kinds.size())) {
                    Map<String, Object> e = ResultCodec.map(ResultCodec.map(r.get("metrics")).get(metric));
                    if (!(number(ref, "low") > 0 && number(e, "low") > 0) || e.get("belowResolution") != null
                            || ref.get("belowResolution") != null) {
                        continue;
                    }
                    String invocation = String.valueOf(kinds.get(0).get("invocation"))
                            .replace(String.valueOf(kinds.get(0).get("kind")), "…");
                    whiskers.add(r.get("kind") + "/" + kinds.get(0).get("kind")
                                    + (groups.size() > 1 && !invocation.isEmpty() ? " · " + invocation : ""),
                            number(e, "low") / number(ref, "high"), number(e, "median") / number(ref, "median"),
                            number(e, "high") / number(ref, "low"));
                }
            }
            if (whiskers.labels.isEmpty()) {
                continue;
            }
            Map<String, Object> chart = whiskers.chart(firstId + charts.size(), metric, "×",
                    whiskers.largest / whiskers.smallest > LOG_ABOVE);
            chart.put("budgets", List.of());
            chart.put("reference", 1);
            charts.add(chart);
        }
        return charts;
    }

    /**
     * A baseline comparison's history: the medians and intervals of the baseline's recorded runs, oldest first,
     * each labelled with when it was recorded, then this run's; a logarithmic axis where the medians differ more
     * than {@value #LOG_ABOVE}×. Null when the result has no figure of the comparison's metric.
     */
    private static Map<String, Object> historyChart(int id, Map<String, Object> r, Map<String, Object> comparison) {
        String metric = (String) comparison.get("metric");
        Object value = ResultCodec.map(r.get("metrics")).get(metric);
        if (value == null) {
            return null;
        }
        List<Map<String, Object>> points = new ArrayList<>();
        for (Object o : (List<?>) comparison.get("history")) {
            points.add(ResultCodec.map(o));
        }
        points.add(ResultCodec.map(value));
        Whiskers whiskers = new Whiskers(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < points.size(); i++) {
            Map<String, Object> p = points.get(i);
            boolean current = i == points.size() - 1;
            // numbered, so that two runs recorded in one minute keep their own places on the axis
            String at = current ? "this run" : "run " + (i + 1) + (p.get("recordedAt") instanceof String s
                    ? " · " + s.replace('T', ' ').replaceAll(":\\d\\d(\\.\\d+)?Z$", " UTC") : "");
            whiskers.add(at, p);
        }
        Map<String, Object> chart = whiskers.chart(id, metric, (String) ResultCodec.map(value).get("unit"),
                whiskers.positive && whiskers.largest / whiskers.smallest > LOG_ABOVE);
        chart.put("budgets", List.of());
        chart.put("last", "this run");
        return chart;
    }

    /**
     * The points of a chart of medians with interval whiskers (kinds, ratios between kinds, a baseline's history):
     * each a label, an interval and a median, and the range of the medians for the choice of axis.
     */
    private static final class Whiskers {

        final List<Object> labels = new ArrayList<>();
        final List<Object> intervals = new ArrayList<>();
        final List<Object> medians = new ArrayList<>();
        double smallest;
        double largest;
        /** Whether every interval is above zero, so that a logarithmic axis can show it. */
        boolean positive = true;

        /** With the range of the medians starting at {@code [smallest, largest]}. */
        Whiskers(double smallest, double largest) {
            this.smallest = smallest;
            this.largest = largest;
        }

        /** A point from an estimate's map ({@code low}, {@code median}, {@code high}), its figures as they are. */
        void add(Object label, Map<String, Object> e) {
            add(label, e.get("low"), e.get("median"), e.get("high"));
        }

        void add(Object label, Object low, Object median, Object high) {
            labels.add(label);
            intervals.add(List.of(low, high));
            medians.add(median);
            smallest = Math.min(smallest, ((Number) median).doubleValue());
            largest = Math.max(largest, ((Number) median).doubleValue());
            positive &= ((Number) low).doubleValue() > 0;
        }

        /** The chart of these points: its id, type {@code kinds}, metric, unit, axis, labels, intervals, medians. */
        Map<String, Object> chart(int id, String metric, String unit, boolean log) {
            Map<String, Object> chart = new LinkedHashMap<>();
            chart.put("id", "c" + id);
            chart.put("type", "kinds");
            chart.put("metric", metric);
            chart.put("unit", unit);
            chart.put("log", log);
            chart.put("labels", labels);
            chart.put("intervals", intervals);
            chart.put("medians", medians);
            return chart;
        }
    }

    /**
     * A comparison with the base build as the ratio current/base of each pair of rounds, in the order measured,
     * with the paired estimate and 1× as lines: a reader sees whether the pairs agree or drift.
     */
    private static Map<String, Object> pairsChart(int id, Map<String, Object> r, Map<String, Object> comparison) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("id", "c" + id);
        chart.put("type", "pairs");
        chart.put("label", label(r));
        chart.put("ratios", comparison.get("ratios"));
        chart.put("ratio", comparison.get("ratio"));
        chart.put("verdict", comparison.get("verdict"));
        return chart;
    }

    /**
     * A memory fit as added memory: every point, and the fitted lines, relative to the smallest population, so the
     * chart shows the slope rather than the process's size; each line's legend gives its figure per task, or says
     * that the figure is below resolution.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> fitChart(int id, Map<String, Object> r) {
        Map<String, Object> fit = ResultCodec.map(r.get("fit"));
        List<List<Number>> points = (List<List<Number>>) fit.get("points");
        List<Number> smallest = points.stream().min(java.util.Comparator.comparingDouble(p -> p.get(0).doubleValue()))
                .orElseThrow();
        double rss0 = smallest.get(1).doubleValue();
        double heap0 = smallest.get(2).doubleValue();
        Map<String, Object> chart = new LinkedHashMap<>(fit);
        chart.put("id", "c" + id);
        chart.put("type", "fit");
        chart.put("label", label(r));
        chart.put("points", points.stream().map(p -> List.of(p.get(0), p.get(1).doubleValue() - rss0,
                p.get(2).doubleValue() - heap0)).toList());
        chart.put("rssIntercept", number(fit, "rssIntercept") - rss0);
        chart.put("heapIntercept", number(fit, "heapIntercept") - heap0);
        chart.put("smallest", smallest.get(0));
        Map<String, Object> metrics = ResultCodec.map(r.get("metrics"));
        chart.put("rssLabel", "RSS fit, " + perTask(metrics.get("rssBytesPerTask")) + ", R² "
                + String.format(java.util.Locale.ROOT, "%.3f", number(fit, "rssR2")));
        chart.put("heapLabel", "heap fit, " + perTask(metrics.get("heapBytesPerTask")) + ", R² "
                + String.format(java.util.Locale.ROOT, "%.3f", number(fit, "heapR2")));
        return chart;
    }

    /** {@code 1.02 KiB/task}, or what the report says of a figure below resolution. */
    private static String perTask(Object metric) {
        Map<String, Object> e = ResultCodec.map(metric);
        return e.get("belowResolution") instanceof String below ? below
                : Units.format(number(e, "median"), "B") + "/task";
    }

    private static String label(Map<String, Object> r) {
        String invocation = (String) r.get("invocation");
        return r.get("kind") + (invocation.isEmpty() ? "" : " · " + invocation);
    }

    private static double number(Map<String, Object> m, String key) {
        return ((Number) m.get(key)).doubleValue();
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

    private static String chartJs() {
        try (InputStream in = HtmlReport.class.getClassLoader().getResourceAsStream(CHART_JS)) {
            if (in == null) {
                throw new IllegalStateException("Chart.js (" + CHART_JS + ") is not on the class path: add"
                        + " org.webjars.npm:chart.js:4.5.1");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("</script", "<\\/script");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final String CSS = """
            body{font:14px/1.4 system-ui,sans-serif;margin:1.5em auto;max-width:1100px;padding:0 1em;color:#222;
              background:#fff}
            a{color:#1a4fa0}
            h1{font-size:1.6em;margin:0}h2{font-size:1.15em;margin:1.6em 0 .4em;word-break:break-all}
            section.test h2{display:inline;margin:0}section.test{margin:1em 0}
            summary{cursor:pointer;padding:.3em 0;border-bottom:1px solid #ddd}
            .badge{font-size:12px;padding:1px 6px;border-radius:8px;background:#eee;margin-left:.5em;white-space:nowrap}
            .badge.pass{background:#e6f4ea}.badge.fail{background:#fce8e6;font-weight:600}
            .meta{color:#666;margin-top:.2em}
            .verdicts{border:1px solid #ddd;border-radius:6px;padding:.2em 1em;margin:1em 0}
            .verdicts .counts{font-size:15px}.count{white-space:nowrap}b.fail{color:#c5221f}
            ol.failures{margin:.3em 0;padding-left:1.6em;overflow-wrap:anywhere}ol.failures li{margin:.15em 0}
            .verdicts .machine{color:#666;font-size:13px}
            .filter input{font:inherit;padding:2px 6px;width:22em;max-width:70vw}#shown{color:#666}
            table{border-collapse:collapse;width:100%;font-size:13px}
            th,td{border-bottom:1px solid #ddd;padding:3px 6px;text-align:left;vertical-align:top;
              overflow-wrap:anywhere}
            table.sortable th{cursor:pointer;user-select:none}th{overflow-wrap:normal;white-space:nowrap}
            th[aria-sort=ascending]::after{content:" ▲"}th[aria-sort=descending]::after{content:" ▼"}
            td.inv{white-space:pre-wrap}td:nth-child(3),td:nth-child(4){overflow-wrap:normal;white-space:nowrap}
            td.num{font-variant-numeric:tabular-nums;white-space:nowrap}
            td.pass{background:#e6f4ea}td.fail{background:#fce8e6;font-weight:600}
            table.findings td{white-space:normal}td.holds{background:#e6f4ea}td.contradicted{background:#fce8e6}
            td.unclear{background:#fef7e0}
            figure{margin:.6em 0 1.2em;height:260px}figure canvas{max-height:230px}
            figcaption{color:#666;font-size:12px}p.figures{font-size:13px}
            table.machine{width:auto}
            @media (prefers-color-scheme: dark){
              body{color:#ddd;background:#16181c}a{color:#8ab4f8}
              .meta,figcaption,#shown,.verdicts .machine{color:#aaa}
              th,td,summary,.verdicts{border-color:#3a3d42}.badge{background:#2a2d32}
              td.pass,.badge.pass,td.holds{background:#1e3a28}td.fail,.badge.fail,td.contradicted{background:#4a1f1c}
              td.unclear{background:#3f3416}b.fail{color:#f28b82}
              .filter input{background:#22252a;color:#ddd;border:1px solid #3a3d42}}
            @media print{body{max-width:none;margin:0;color:#000;background:#fff}.filter{display:none}
              section.test{break-inside:avoid}figure{height:220px}summary{list-style:none}
              td.pass,.badge.pass{background:#e6f4ea}td.fail,.badge.fail{background:#fce8e6}a{color:inherit}}
            """;

    private static final String SCRIPT = """
            (function(){
              var charts = JSON.parse(document.getElementById('charts').textContent), drawn = 0;
              var dark = window.matchMedia && matchMedia('(prefers-color-scheme: dark)').matches;
              if (dark) { Chart.defaults.color = '#ccc'; Chart.defaults.borderColor = '#3a3d42'; }
              function fmt(v, unit){
                if (unit === 'ns') { var a = Math.abs(v);
                  return a >= 1e9 ? (v/1e9).toPrecision(3)+' s' : a >= 1e6 ? (v/1e6).toPrecision(3)+' ms'
                    : a >= 1e3 ? (v/1e3).toPrecision(3)+' µs' : v.toPrecision(3)+' ns'; }
                if (unit === '×') { return Number(v.toPrecision(3))+'×'; }
                if (unit === 'B') { var b = Math.abs(v);
                  return b >= 1048576 ? (v/1048576).toPrecision(3)+' MiB' : b >= 1024 ? (v/1024).toPrecision(3)+' KiB'
                    : Math.round(v)+' B'; }
                return String(Number(v.toPrecision(3)));
              }
              function draw(c){
                if (c.drawn) { return; }
                c.drawn = true;
                var ctx = document.getElementById(c.id), made;
                if (c.type === 'kinds') {
                  var median = dark?'#8ab4f8':'#1a4fa0', now = dark?'#fbbc04':'#e37400';
                  var sets = [
                    // the interval as a whisker: a narrow bar from its low to its high end, the median a dot on it
                    {type:'bar', label:'95 % interval', data:c.intervals, backgroundColor:'rgba(66,133,244,.55)',
                     maxBarThickness:10, minBarLength:2},
                    {type:'scatter', label:'median', data:c.medians.map(function(m,i){return {x:c.labels[i], y:m};}),
                     backgroundColor:c.labels.map(function(l){ return l === c.last ? now : median; }), pointRadius:5}];

                  c.budgets.forEach(function(b){
                    sets.push({type:'line', label:'budget '+fmt(b.limit,c.unit), data:c.labels.map(function(l){
                      return l === b.label ? b.limit : null;}), borderColor:b.verdict==='fail'?'#c5221f':'#188038',
                      borderDash:[6,4], spanGaps:false, showLine:true, pointStyle:'line',
                      pointRadius:8, pointBorderWidth:3});
                  });
                  // a logarithmic axis where the kinds differ more than 5×: each one shows, none sits on the zero line
                  var y = c.log ? {type:'logarithmic'} : {beginAtZero:true};
                  y.ticks = {callback:function(v){ return fmt(v,c.unit); }};
                  // a reference value (1× of a ratio) stays on the axis, drawn as a dashed line across the chart
                  var plugins = [];
                  if (c.reference !== undefined) {
                    y.suggestedMin = c.reference / 1.1; y.suggestedMax = c.reference * 1.1;
                    plugins.push({id:'reference', afterDatasetsDraw:function(chart){
                      var at = chart.scales.y.getPixelForValue(c.reference), area = chart.chartArea, g = chart.ctx;
                      g.save(); g.strokeStyle = '#888'; g.setLineDash([4,4]); g.beginPath();
                      g.moveTo(area.left, at); g.lineTo(area.right, at); g.stroke(); g.restore(); }});
                  }
                  made = new Chart(ctx, {plugins:plugins, data:{labels:c.labels, datasets:sets},
                    options:{animation:false, maintainAspectRatio:false, scales:{y:y},
                      plugins:{tooltip:{callbacks:{label:function(t){
                      var v = t.raw && t.raw.length ? fmt(t.raw[0],c.unit)+' – '+fmt(t.raw[1],c.unit)
                        : fmt(t.parsed.y,c.unit); return t.dataset.label+': '+v;}}}}}});
                  ctx.setAttribute('data-budget-lines', String(c.budgets.length));
                } else if (c.type === 'pairs') {
                  var n = c.ratios.length, ends = [{x:0.5,y:0},{x:n+0.5,y:0}];
                  function flat(v){ return ends.map(function(p){ return {x:p.x, y:v}; }); }
                  made = new Chart(ctx, {type:'scatter', data:{datasets:[
                    {label:'current/base of a pair', data:c.ratios.map(function(v,i){return {x:i+1,y:v};}),
                     backgroundColor:c.verdict==='fail'?'#c5221f':(dark?'#8ab4f8':'#1a4fa0')},
                    {label:'paired estimate '+fmt(c.ratio,'×'), data:flat(c.ratio), showLine:true,
                     borderColor:dark?'#ddd':'#222', pointRadius:0},
                    {label:'1×', data:flat(1), showLine:true, borderColor:'#888', borderDash:[4,4], pointRadius:0}]},
                    options:{animation:false, maintainAspectRatio:false, scales:{x:{min:0.5, max:n+0.5,
                      ticks:{callback:function(v){return Number.isInteger(v) ? v : '';}},
                      title:{display:true, text:'pair, in the order measured'}},
                      y:{ticks:{callback:function(v){return fmt(v,'×');}}}}}});
                } else {
                  var xs = c.points.map(function(p){return p[0];}), max = Math.max.apply(null, xs),
                      min = Math.min.apply(null, xs);
                  function line(s,i){return [{x:min,y:i+s*min},{x:max,y:i+s*max}];}
                  made = new Chart(ctx, {type:'scatter', data:{datasets:[
                    {label:'RSS', data:c.points.map(function(p){return {x:p[0],y:p[1]};}), backgroundColor:'#c5221f'},
                    {label:c.rssLabel,
                     data:line(c.rssSlope,c.rssIntercept),
                     showLine:true, borderColor:'#c5221f', pointRadius:0},
                    {label:'heap', data:c.points.map(function(p){return {x:p[0],y:p[2]};}), backgroundColor:'#1a4fa0'},
                    {label:c.heapLabel,
                     data:line(c.heapSlope,c.heapIntercept),
                     showLine:true, borderColor:'#1a4fa0', pointRadius:0}]},
                    options:{animation:false, maintainAspectRatio:false, scales:{x:{title:{display:true,text:'tasks'}},
                      y:{title:{display:true,text:'added since '+c.smallest+' tasks'},
                        ticks:{callback:function(v){return fmt(v,'B');}}}}}});
                }
                // the axis Chart.js built and how many distinct values it shows, for a reader of the DOM (the
                // browser test): a chart with fewer than 2 is empty or flat
                ctx.setAttribute('data-y-scale', made.scales.y.type);
                var ys = {};
                made.data.datasets.forEach(function(d){ d.data.forEach(function(v){
                  [].concat(v !== null && typeof v === 'object' && !Array.isArray(v) ? v.y : v).forEach(function(y){
                    if (typeof y === 'number') { ys[y] = true; } }); }); });
                ctx.setAttribute('data-y-values', String(Object.keys(ys).length));
                drawn++;
                document.body.setAttribute('data-charts-drawn', String(drawn));
              }
              // draw what is on screen, the rest as it scrolls into view: a report of a thousand results opens fast;
              // printing (or #all) draws every chart first
              var byId = {};
              charts.forEach(function(c){ byId[c.id] = c; });
              function drawAll(){ charts.forEach(draw); }
              window.addEventListener('beforeprint', function(){
                Array.prototype.forEach.call(document.querySelectorAll('details'), function(d){ d.open = true; });
                drawAll();
              });
              if (location.hash === '#all' || !('IntersectionObserver' in window)) {
                drawAll();
              } else {
                var seen = new IntersectionObserver(function(entries){
                  entries.forEach(function(e){ if (e.isIntersecting) { draw(byId[e.target.id]);
                    seen.unobserve(e.target); } });
                }, {rootMargin: '400px'});
                charts.forEach(function(c){ seen.observe(document.getElementById(c.id)); });
              }
              document.body.setAttribute('data-charts', String(charts.length));
              // where the run's verdicts end on the page, in CSS pixels: the browser test checks they fit the
              // first screen
              var verdicts = document.getElementById('verdicts');
              verdicts.setAttribute('data-bottom', String(Math.ceil(verdicts.getBoundingClientRect().bottom
                + window.scrollY)));

              // the filter: hides each test's section, and its rows of the table, whose name lacks the text
              var filter = document.getElementById('filter'), shown = document.getElementById('shown');
              var sections = Array.prototype.slice.call(document.querySelectorAll('section.test'));
              var rows = Array.prototype.slice.call(document.querySelectorAll('table.summary tbody tr'));
              function apply(){
                var text = filter.value.toLowerCase(), visible = 0;
                sections.forEach(function(s){
                  var hide = s.querySelector('h2').textContent.toLowerCase().indexOf(text) < 0;
                  s.hidden = hide; if (!hide) { visible++; }
                });
                rows.forEach(function(r){
                  r.hidden = r.cells[0].title.toLowerCase().indexOf(text) < 0;
                });
                shown.textContent = text ? visible + ' of ' + sections.length + ' tests' : '';
                // a filtered page shows the tests asked for: the run's findings wait until the filter is cleared
                var findings = document.getElementById('findings');
                if (findings) { findings.hidden = !!text; }
              }
              filter.addEventListener('input', apply);
              // ?filter=text opens the page filtered: a link to share, and how the browser test types
              var asked = new URLSearchParams(location.search).get('filter');
              if (asked !== null) { filter.value = asked; filter.dispatchEvent(new Event('input')); }

              // a link to a test (a failure, a row) opens its section, even when filtered away or collapsed
              function reveal(){
                var id = decodeURIComponent(location.hash.slice(1));
                var target = id && document.getElementById(id);
                if (!target || !target.classList.contains('test')) { return; }
                if (target.hidden) { filter.value = ''; apply(); }
                target.querySelector('details').open = true;
                target.scrollIntoView();
              }
              window.addEventListener('hashchange', reveal);
              reveal();

              // the full table sorts by a click on a header: figures by their value, text by its order
              Array.prototype.forEach.call(document.querySelectorAll('table.sortable'), function(table){
                var heads = table.tHead.rows[0].cells;
                Array.prototype.forEach.call(heads, function(th, column){
                  th.addEventListener('click', function(){
                    var up = th.getAttribute('aria-sort') !== 'ascending';
                    Array.prototype.forEach.call(heads, function(h){ h.removeAttribute('aria-sort'); });
                    th.setAttribute('aria-sort', up ? 'ascending' : 'descending');
                    var body = table.tBodies[0], sorted = Array.prototype.slice.call(body.rows);
                    function key(row){ var cell = row.cells[column];
                      return cell.hasAttribute('data-sort') ? Number(cell.getAttribute('data-sort'))
                        : cell.textContent; }
                    sorted.sort(function(a, b){ var x = key(a), y = key(b);
                      var order = typeof x === 'number' ? x - y : x.localeCompare(y);
                      return up ? order : -order; });
                    sorted.forEach(function(row){ body.appendChild(row); });
                  });
                });
              });
            })();
            """;
}
