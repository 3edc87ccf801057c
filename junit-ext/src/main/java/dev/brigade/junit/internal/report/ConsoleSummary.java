package dev.brigade.junit.internal.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.brigade.junit.Constants;
import dev.brigade.junit.internal.fork.ForkMain;
import dev.brigade.junit.internal.fork.ResultCodec;
import dev.brigade.measure.Estimate;
import dev.brigade.measure.Metric;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * At the end of the test run, renders the run's report files ({@link RunReport#finish()}) and prints what the run
 * measured, so Surefire's log and the IDE's console show it: a line counting the verdicts, every failed verdict with
 * its figures, then one line per test — its verdict and its results' main figures — within 120 columns; with {@code
 * brigade.summary=full} also one aligned line per result and main metric with its interval and verdicts. Registered
 * through {@link java.util.ServiceLoader}; prints nothing when no measured test ran. Keeps the findings tests publish
 * for the reports. JUnit calls it from one thread at a time.
 */
@API(status = INTERNAL, since = "0.1.0")
public final class ConsoleSummary implements TestExecutionListener {


    private static final boolean IN_FORK_CHILD = System.getProperty("sun.java.command", "")
            .startsWith(ForkMain.class.getName());
    private Path reportDir = Path.of(Constants.REPORT_DIR_DEFAULT);
    private boolean full;

    /** Created by {@link java.util.ServiceLoader}. */
    public ConsoleSummary() {
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        reportDir = Path.of(testPlan.getConfigurationParameters().get(Constants.REPORT_DIR_PROPERTY_NAME)
                .orElse(Constants.REPORT_DIR_DEFAULT));
        String summary = testPlan.getConfigurationParameters().get(Constants.SUMMARY_PROPERTY_NAME)
                .orElse(Constants.SUMMARY_DEFAULT).strip();
        full = summary.equalsIgnoreCase("full");
        if (!full && !summary.equalsIgnoreCase("tests")) {
            System.err.println("[brigade] WARNING: " + Constants.SUMMARY_PROPERTY_NAME + "=" + summary
                    + " is neither \"tests\" nor \"full\"; the console summary prints \"tests\"");
        }
    }

    /**
     * Keeps a finding a test published (a report entry with the key {@code finding}) for the reports; a
     * {@code @Fork} child leaves it to its parent, which publishes the child's entries again.
     */
    @Override
    public void reportingEntryPublished(TestIdentifier test, ReportEntry entry) {
        if (entry.getKeyValuePairs().containsKey(RunReport.FINDING) && !IN_FORK_CHILD) {
            String name = test.getSource().orElse(null) instanceof MethodSource m
                    ? m.getClassName() + "#" + m.getMethodName() : test.getDisplayName();
            RunReport.finding(reportDir, name, entry.getKeyValuePairs());
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        List<Map<String, Object>> records = RunReport.records();
        if (!records.isEmpty()) {
            RunReport.finish();
            System.out.print(render(records, full) + written(RunReport.dirs(), RunReport.spent()));
        } else if (!RunReport.findings().isEmpty()) {
            RunReport.finish();
        }
    }

    /** The summary of {@code records} as {@code brigade.summary=tests} prints it, ending in a line break. */
    static String render(List<Map<String, Object>> records) {
        return render(records, false);
    }

    /**
     * The summary of {@code records}, ending in a line break: a head line counting the verdicts, every failed
     * verdict with its figures, one line per test (verdict, test, its results' main figures), and with {@code full}
     * the table of every result and main metric. All but the full table fit 120 columns.
     */
    static String render(List<Map<String, Object>> records, boolean full) {
        String nl = System.lineSeparator();
        Map<String, List<Map<String, Object>>> byTest = new java.util.LinkedHashMap<>();
        records.forEach(r -> byTest.computeIfAbsent((String) r.get("test"), t -> new ArrayList<>()).add(r));
        StringBuilder out = new StringBuilder(nl).append("Brigade: ").append(records.size())
                .append(records.size() == 1 ? " result" : " results").append(" of ").append(byTest.size())
                .append(byTest.size() == 1 ? " test" : " tests").append("; ").append(counts(records)).append(nl);
        List<String> failures = new ArrayList<>();
        for (Map<String, Object> r : records) {
            for (Map<String, Object> v : verdicts(r)) {
                if ("fail".equals(v.get("verdict"))) {
                    failures.add(shortName(r) + " " + printable((String) r.get("invocation")) + ": " + v.get("metric")
                            + " " + figure(r, (String) v.get("metric")) + ", " + verdictText(v));
                }
            }
        }
        if (!failures.isEmpty()) {
            out.append("  FAILED").append(nl);
            failures.forEach(f -> wrap(out, f, "    ", "      ", nl));
        }
        int nameWidth = Math.min(48, byTest.values().stream().mapToInt(rs -> shortName(rs.get(0)).length()).max()
                .orElse(0));
        for (List<Map<String, Object>> results : byTest.values()) {
            String name = shortName(results.get(0));
            if (name.length() > nameWidth) {
                name = name.substring(0, nameWidth - 1) + "…";
            }
            String line = "  " + String.format("%-4s", testVerdict(results)) + "  "
                    + String.format("%-" + nameWidth + "s", name) + "  " + mainFigures(results);
            out.append(line.length() > WIDTH ? line.substring(0, WIDTH - 1) + "…" : line.stripTrailing()).append(nl);
        }
        if (full) {
            out.append(table(records));
        }
        out.append("  verdict: FAIL if any budget, baseline or base comparison of the test failed, pass if all")
                .append(nl)
                .append("  passed, - none set; every result and metric: -D").append(Constants.SUMMARY_PROPERTY_NAME)
                .append("=full; figures in brigade-results.json").append(nl);
        return out.toString();
    }

    /** The width every line but the full table's keeps to. */
    private static final int WIDTH = 120;

    /** {@code budgets 3 pass, 1 FAIL; baselines 2 pass; base -}: every verdict of the run, counted by kind. */
    private static String counts(List<Map<String, Object>> records) {
        List<String> parts = new ArrayList<>();
        for (String kind : List.of("budgets", "baselines", "base")) {
            int pass = 0;
            int fail = 0;
            for (Map<String, Object> r : records) {
                for (Object o : (List<?>) r.getOrDefault(kind, List.of())) {
                    if ("fail".equals(ResultCodec.map(o).get("verdict"))) {
                        fail++;
                    } else {
                        pass++;
                    }
                }
            }
            parts.add(kind + " " + (pass + fail == 0 ? "-"
                    : pass + " pass" + (fail > 0 ? ", " + fail + " FAIL" : "")));
        }
        return String.join("; ", parts);
    }

    /** Every verdict of a result: its budgets', baselines' and base comparisons', each with a {@code kind}. */
    private static List<Map<String, Object>> verdicts(Map<String, Object> r) {
        List<Map<String, Object>> verdicts = new ArrayList<>();
        for (String kind : List.of("budgets", "baselines", "base")) {
            for (Object o : (List<?>) r.getOrDefault(kind, List.of())) {
                Map<String, Object> v = new java.util.LinkedHashMap<>(ResultCodec.map(o));
                v.put("kind", kind);
                verdicts.add(v);
            }
        }
        return verdicts;
    }

    /** {@code budget FAIL (limit 500 ns)}, {@code baseline FAIL (1.31×, 5 runs; fails above 1.12×)}, … */
    private static String verdictText(Map<String, Object> v) {
        String word = "fail".equals(v.get("verdict")) ? "FAIL" : "pass";
        return switch ((String) v.get("kind")) {
            case "budgets" -> "budget " + word + " (limit " + dev.brigade.measure.Units.format(number(v, "limit"),
                    unitOf((String) v.get("metric"))) + ")";
            case "baselines" -> "baseline " + word + " (" + figures(v) + ")";
            default -> "base " + word + " (" + baseFigures(v) + ")";
        };
    }

    /** The unit of the metric named {@code metric} ({@link Metric#unit()}); {@code 1} for a name it does not know. */
    static String unitOf(String metric) {
        try {
            return Metric.ofKey(metric).unit();
        } catch (IllegalArgumentException unknown) {
            return "1";
        }
    }

    /** {@code FAIL} when a verdict of the test failed, {@code pass} when it has verdicts and all passed, else -. */
    private static String testVerdict(List<Map<String, Object>> results) {
        List<Map<String, Object>> all = results.stream().flatMap(r -> verdicts(r).stream()).toList();
        return all.isEmpty() ? "-" : all.stream().anyMatch(v -> "fail".equals(v.get("verdict"))) ? "FAIL" : "pass";
    }

    /** {@code nanosPerHop VIRTUAL 1.10 µs, PLATFORM 12.1 µs}: each result's first main metric, by kind. */
    private static String mainFigures(List<Map<String, Object>> results) {
        Map<String, List<String>> byMetric = new java.util.LinkedHashMap<>();
        for (Map<String, Object> r : results) {
            Map<String, Object> metrics = ResultCodec.map(r.get("metrics"));
            metrics.keySet().stream().filter(Metric::isMain).findFirst().ifPresent(metric -> {
                Map<String, Object> e = ResultCodec.map(metrics.get(metric));
                String median = e.get("belowResolution") != null ? "below resolution"
                        : dev.brigade.measure.Units.format(number(e, "median"), (String) e.get("unit"));
                byMetric.computeIfAbsent(metric, m -> new ArrayList<>()).add(r.get("kind") + " " + median);
            });
        }
        List<String> parts = new ArrayList<>();
        byMetric.forEach((metric, figures) -> parts.add(metric + " " + String.join(", ", figures)));
        return String.join("; ", parts);
    }

    /** {@code 1.10 µs [1.05–1.14]}, or the words for a memory figure below resolution; empty when it has none. */
    private static String figure(Map<String, Object> r, String metric) {
        Object value = ResultCodec.map(r.get("metrics")).get(metric);
        return value == null ? "" : figure(value);
    }

    /** A metric's figure as brigade-results.json holds it: {@code 1.10 µs [1.05–1.14]}, or below resolution. */
    static String figure(Object value) {
        Map<String, Object> e = ResultCodec.map(value);
        if (e.get("belowResolution") instanceof String below) {
            return below;
        }
        return dev.brigade.measure.Units.formatInterval(Estimate.ofInterval((String) e.get("unit"),
                number(e, "median"), number(e, "low"), number(e, "high"), number(e, "cv"),
                ((Number) e.get("samples")).intValue()));
    }

    /** {@code HandOffTest#handOff}: the test without its class's package (a method's name may hold dots). */
    private static String shortName(Map<String, Object> r) {
        String test = (String) r.get("test");
        int method = test.indexOf('#') < 0 ? test.length() : test.indexOf('#');
        return printable(test.substring(test.lastIndexOf('.', method - 1) + 1));
    }

    /** {@code text} in lines of at most 120 columns, broken at spaces: the first indented by {@code first}. */
    private static void wrap(StringBuilder out, String text, String first, String next, String nl) {
        String indent = first;
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (!line.isEmpty() && indent.length() + line.length() + 1 + word.length() > WIDTH) {
                out.append(indent).append(line).append(nl);
                indent = next;
                line.setLength(0);
            }
            line.append(line.isEmpty() ? "" : " ").append(word);
        }
        out.append(indent).append(line).append(nl);
    }

    /** The full table: one line per result and main metric, with its interval and verdicts. */
    private static String table(List<Map<String, Object>> records) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"test", "invocation", "kind", "metric", "median [95 % CI]", "verdict"});
        for (Map<String, Object> r : records) {
            Map<String, Object> metrics = ResultCodec.map(r.get("metrics"));
            for (Map.Entry<String, Object> metric : metrics.entrySet()) {
                if (!Metric.isMain(metric.getKey())) {
                    continue;
                }
                Map<String, Object> e = ResultCodec.map(metric.getValue());
                String figure = figure(r, metric.getKey())
                        + (Boolean.TRUE.equals(e.get("bimodal")) ? " bimodal" : "");
                rows.add(new String[] {shortName(r), printable((String) r.get("invocation")), (String) r.get("kind"),
                        metric.getKey(), figure, verdict(r, metric.getKey())});
            }
        }
        int[] widths = new int[6];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append("  ").append(String.format("%-" + widths[i] + "s", row[i]));
            }
            out.append(line.toString().stripTrailing()).append(System.lineSeparator());
        }
        return out.toString();
    }

    /** Where the files went and what writing them cost this JVM. */
    static String written(List<Path> dirs, Duration spent) {
        return "  reports: " + String.join(", ", dirs.stream().map(d -> d.resolve("report.html").toString()).toList())
                + " (and brigade-results.json, jmh-results.json, bencher.json), written in "
                + spent.toMillis() + " ms" + System.lineSeparator();
    }

    private static String verdict(Map<String, Object> r, String metric) {
        List<String> verdicts = new ArrayList<>();
        for (Object b : (List<?>) r.get("budgets")) {
            Map<String, Object> budget = ResultCodec.map(b);
            if (metric.equals(budget.get("metric"))) {
                verdicts.add("budget " + ("fail".equals(budget.get("verdict")) ? "FAIL" : "pass"));
            }
        }
        for (Object b : (List<?>) r.get("baselines")) {
            Map<String, Object> baseline = ResultCodec.map(b);
            if (metric.equals(baseline.get("metric"))) {
                verdicts.add("baseline " + ("fail".equals(baseline.get("verdict")) ? "FAIL" : "pass") + " ("
                        + figures(baseline) + ")");
            }
        }
        for (Object b : (List<?>) r.getOrDefault("base", List.of())) {
            Map<String, Object> base = ResultCodec.map(b);
            if (metric.equals(base.get("metric"))) {
                verdicts.add("base " + ("fail".equals(base.get("verdict")) ? "FAIL" : "pass") + " ("
                        + baseFigures(base) + ")");
            }
        }
        return verdicts.isEmpty() ? "-" : String.join(", ", verdicts);
    }

    /**
     * A baseline comparison's figures for a verdict, in the console and the HTML report: {@code 1.06×, 3 vs 10 runs;
     * fails above 1.58×}.
     */
    static String figures(Map<String, Object> baseline) {
        return dev.brigade.measure.Units.formatRatio(number(baseline, "ratio")) + runs(baseline)
                + failsAbove(baseline);
    }

    /** A base comparison's figures: {@code 1.12× current/base; fails above 1.09×}. */
    static String baseFigures(Map<String, Object> base) {
        return dev.brigade.measure.Units.formatRatio(number(base, "ratio")) + " current/base; fails above "
                + dev.brigade.measure.Units.formatRatio(number(base, "failsAbove"));
    }

    /**
     * {@code , 5 runs} for a baseline of several recorded runs; nothing for one (or a file without the count);
     * {@code , 3 vs 5 runs} for several current runs ({@code @Fork(runs = 3)}) against them.
     */
    private static String runs(Map<String, Object> baseline) {
        int recorded = baseline.get("runs") instanceof Number n ? n.intValue() : 1;
        if (baseline.get("currentRuns") instanceof Number current && current.intValue() > 1) {
            return ", " + current.intValue() + " vs " + recorded + " run" + (recorded == 1 ? "" : "s");
        }
        return recorded > 1 ? ", " + recorded + " runs" : "";
    }

    /**
     * {@code ; fails above 1.58×}: the ratio current / baseline above which the comparison fails, the smallest
     * slowdown it can catch; nothing when the interval reached 0 (or for a file without it).
     */
    private static String failsAbove(Map<String, Object> baseline) {
        return baseline.get("failsAbove") instanceof Number n
                ? "; fails above " + dev.brigade.measure.Units.formatRatio(n.doubleValue()) : "";
    }

    /**
     * A name as one line of a terminal: line breaks and other control characters (a carriage return, an escape
     * sequence's ESC) each become a space, so a name can neither break the table nor move the cursor.
     */
    static String printable(String name) {
        StringBuilder out = new StringBuilder(name.length());
        name.chars().forEach(c -> out.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? ' '
                : (char) c));
        return out.toString();
    }

    private static double number(Map<String, Object> m, String key) {
        return ((Number) m.get(key)).doubleValue();
    }
}
