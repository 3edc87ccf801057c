package dev.brigade.junit.internal.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.brigade.junit.Constants;
import dev.brigade.junit.internal.fork.ForkMain;
import dev.brigade.junit.internal.report.model.Check;
import dev.brigade.junit.internal.report.model.Explanation;
import dev.brigade.junit.internal.report.model.Figure;
import dev.brigade.junit.internal.report.model.Result;
import dev.brigade.junit.internal.report.model.Run;
import dev.brigade.junit.internal.report.model.RunJson;
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
 *
 * <p>Public as a {@code TestExecutionListener} the JUnit Platform loads as a service.
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
        List<Result> records = RunReport.records();
        if (!records.isEmpty()) {
            RunReport.finish();
            System.out.print(summary(records, full) + written(RunReport.dirs(), RunReport.spent()));
        } else if (!RunReport.findings().isEmpty()) {
            RunReport.finish();
        }
    }

    /** {@link #summary(List, boolean)} of results read from JSON trees, through {@link RunJson}. */
    static String render(List<Map<String, Object>> records) {
        return render(records, false);
    }

    /** {@link #summary(List, boolean)} of results read from JSON trees, through {@link RunJson}. */
    static String render(List<Map<String, Object>> records, boolean full) {
        return summary(records.stream().map(RunJson::result).toList(), full);
    }

    /**
     * The summary of {@code records}, ending in a line break: a head line counting the verdicts, every failed
     * verdict with its figures, one line per test (verdict, test, its results' main figures), and with {@code full}
     * the table of every result and main metric. All but the full table fit 120 columns.
     */
    static String summary(List<Result> records, boolean full) {
        String nl = System.lineSeparator();
        List<Run.Test> tests = Run.byTest(records);
        StringBuilder out = new StringBuilder(nl).append("Brigade: ").append(records.size())
                .append(records.size() == 1 ? " result" : " results").append(" of ").append(tests.size())
                .append(tests.size() == 1 ? " test" : " tests").append("; ")
                .append(Verdicts.Counts.of(records).console()).append(nl);
        List<String> failures = new ArrayList<>();
        for (Result r : records) {
            boolean filesNamed = false;
            for (Check check : r.checks()) {
                if (check.verdict().failed()) {
                    Explanation explanation = check instanceof Check.Budget b ? b.explanation()
                            : check instanceof Check.Base ? r.explanation() : null;
                    boolean budget = check instanceof Check.Budget;
                    failures.add(shortName(r) + " " + printable(r.invocation()) + ": " + check.metric() + " "
                            + figure(r, check.metric()) + ", " + Verdicts.console(check)
                            + (explanation != null ? "; where" + (budget ? " the time goes: " : ": ")
                            + printable(explanation.headline()) : "")
                            + (explanation != null && (budget || !filesNamed) ? files(explanation) : ""));
                    filesNamed |= explanation != null && !budget;
                }
            }
        }
        if (!failures.isEmpty()) {
            out.append("  FAILED").append(nl);
            failures.forEach(f -> wrap(out, f, "    ", "      ", nl));
        }
        int nameWidth = Math.min(48, tests.stream().mapToInt(t -> shortName(t.results().get(0)).length()).max()
                .orElse(0));
        for (Run.Test test : tests) {
            String name = shortName(test.results().get(0));
            if (name.length() > nameWidth) {
                name = name.substring(0, nameWidth - 1) + "…";
            }
            String verdict = Verdicts.of(test.results().stream().flatMap(r -> r.checks().stream()).toList())
                    .map(Verdicts::shout).orElse("-");
            String line = "  " + String.format("%-4s", verdict) + "  "
                    + String.format("%-" + nameWidth + "s", name) + "  " + mainFigures(test.results())
                    + notCompared(test.results());
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

    /** {@code ; base: new in this change, not compared} when the test was not compared with its base build. */
    static String notCompared(List<Result> results) {
        return results.stream().map(Result::notCompared).filter(java.util.Objects::nonNull).findFirst()
                .map(why -> "; base: " + why + ", not compared").orElse("");
    }

    /** The width every line but the full table's keeps to. */
    private static final int WIDTH = 120;

    /** {@code nanosPerHop VIRTUAL 1.10 µs, PLATFORM 12.1 µs}: each result's first main metric, by kind. */
    private static String mainFigures(List<Result> results) {
        Map<String, List<String>> byMetric = new java.util.LinkedHashMap<>();
        for (Result r : results) {
            r.metrics().keySet().stream().filter(Metric::isMain).findFirst().ifPresent(metric -> {
                Figure e = r.metrics().get(metric);
                String median = e.isBelowResolution() ? "below resolution"
                        : dev.brigade.measure.Units.format(e.median(), e.unit());
                byMetric.computeIfAbsent(metric, m -> new ArrayList<>()).add(r.kind() + " " + median);
            });
        }
        List<String> parts = new ArrayList<>();
        byMetric.forEach((metric, figures) -> parts.add(metric + " " + String.join(", ", figures)));
        return String.join("; ", parts);
    }

    /** {@code 1.10 µs [1.05–1.14]}, or the words for a memory figure below resolution; empty when it has none. */
    private static String figure(Result r, String metric) {
        Figure value = r.metrics().get(metric);
        return value == null ? "" : figure(value);
    }

    /** A metric's figure for people: {@code 1.10 µs [1.05–1.14]}, or the words of a figure below resolution. */
    static String figure(Figure e) {
        return e.isBelowResolution() ? e.belowResolution() : dev.brigade.measure.Units.formatInterval(e.interval());
    }

    /** {@code HandOffTest#handOff}: the test without its class's package (a method's name may hold dots). */
    private static String shortName(Result r) {
        String test = r.test();
        int method = test.indexOf('#') < 0 ? test.length() : test.indexOf('#');
        return printable(test.substring(test.lastIndexOf('.', method - 1) + 1));
    }

    /** {@code text} in lines of at most 120 columns, broken at spaces: the first indented by {@code first}. */
    /**
     * {@code ; recording: target/brigade/X.jfr, stacks beside it: X-current.collapsed, X-base.collapsed}, where an
     * explanation's files are, to open in JMC and speedscope; empty when it wrote none.
     */
    private static String files(Explanation explanation) {
        if (explanation.recording() == null) {
            return "";
        }
        return "; recording: " + printable(explanation.recording()) + (explanation.stacks().isEmpty() ? ""
                : ", stacks beside it: " + printable(String.join(", ", explanation.stacks().stream()
                        .map(s -> Path.of(s).getFileName().toString()).toList())));
    }

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
    private static String table(List<Result> records) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"test", "invocation", "kind", "metric", "median [95 % CI]", "verdict"});
        for (Result r : records) {
            r.metrics().forEach((metric, e) -> {
                if (Metric.isMain(metric)) {
                    List<String> verdicts = r.checks().stream().filter(c -> c.metric().equals(metric))
                            .map(Verdicts::consoleCell).toList();
                    rows.add(new String[] {shortName(r), printable(r.invocation()), r.kind(), metric,
                        figure(e) + (e.bimodal() ? " bimodal" : ""),
                        verdicts.isEmpty() ? "-" : String.join(", ", verdicts)});
                }
            });
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
                + " (and brigade-results.json, jmh-results.json, bencher.json, summary.md), written in "
                + spent.toMillis() + " ms" + System.lineSeparator();
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
}
