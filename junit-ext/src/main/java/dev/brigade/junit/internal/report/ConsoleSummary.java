package dev.brigade.junit.internal.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.brigade.junit.Constants;
import dev.brigade.junit.internal.fork.ForkMain;
import dev.brigade.junit.internal.fork.ResultCodec;
import dev.brigade.measure.Estimate;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * At the end of the test run, renders the run's report files ({@link RunReport#finish()}) and prints one aligned
 * line per result — test, invocation, kind, main metric with its
 * interval, and the verdicts — and a short legend, so Surefire's log and the IDE's console show what the run
 * measured. Registered through {@link java.util.ServiceLoader}; prints nothing when no measured test ran. Keeps
 * the findings tests publish for the reports. JUnit calls it from one thread at a time.
 */
@API(status = INTERNAL, since = "0.1.0")
public final class ConsoleSummary implements TestExecutionListener {

    private static final Set<String> MAIN = Set.of("nanosPerHop", "nanosPerTask", "rssBytesPerTask",
            "heapBytesPerTask", "wallNanos");

    private static final boolean IN_FORK_CHILD = System.getProperty("sun.java.command", "")
            .startsWith(ForkMain.class.getName());
    private Path reportDir = Path.of(Constants.REPORT_DIR_DEFAULT);

    /** Created by {@link java.util.ServiceLoader}. */
    public ConsoleSummary() {
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        reportDir = Path.of(testPlan.getConfigurationParameters().get(Constants.REPORT_DIR_PROPERTY_NAME)
                .orElse(Constants.REPORT_DIR_DEFAULT));
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
            System.out.print(render(records) + written(RunReport.dirs(), RunReport.spent()));
        } else if (!RunReport.findings().isEmpty()) {
            RunReport.finish();
        }
    }

    /** The summary of {@code records}, ending in a line break. */
    static String render(List<Map<String, Object>> records) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"test", "invocation", "kind", "metric", "median [95 % CI]", "verdict"});
        for (Map<String, Object> r : records) {
            String test = (String) r.get("test");
            test = printable(test.substring(test.lastIndexOf('.') + 1));
            Map<String, Object> metrics = ResultCodec.map(r.get("metrics"));
            for (Map.Entry<String, Object> metric : metrics.entrySet()) {
                if (!MAIN.contains(metric.getKey())) {
                    continue;
                }
                Map<String, Object> e = ResultCodec.map(metric.getValue());
                Estimate estimate = Estimate.ofInterval((String) e.get("unit"), number(e, "median"),
                        number(e, "low"), number(e, "high"), number(e, "cv"), ((Number) e.get("samples")).intValue());
                rows.add(new String[] {test, printable((String) r.get("invocation")), (String) r.get("kind"),
                        metric.getKey(), dev.brigade.measure.Units.formatInterval(estimate)
                        + (Boolean.TRUE.equals(e.get("bimodal")) ? " bimodal" : ""), verdict(r, metric.getKey())});
            }
        }
        int[] widths = new int[6];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder(System.lineSeparator()).append("Brigade: ").append(records.size())
                .append(records.size() == 1 ? " result" : " results").append(System.lineSeparator());
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i == 0 ? "  " : "  ").append(String.format("%-" + widths[i] + "s", row[i]));
            }
            out.append(line.toString().stripTrailing()).append(System.lineSeparator());
        }
        out.append("  verdict: budget pass/FAIL, baseline pass/FAIL (current / baseline; the ratio it fails above),")
                .append(System.lineSeparator()).append("  base pass/FAIL (current / base build, @AgainstBase), -")
                .append(" none set; full figures in brigade-results.json").append(System.lineSeparator());
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
