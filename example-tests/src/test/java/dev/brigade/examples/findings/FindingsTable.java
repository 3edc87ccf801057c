package dev.brigade.examples.findings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * The findings suite's console: a progress line as each finding class finishes, and the findings table at the end
 * of the run, from the {@link Finding} report entries. Registered through {@code ServiceLoader}; silent in a run
 * without findings.
 */
public final class FindingsTable implements TestExecutionListener {

    private static final String PACKAGE = FindingsTable.class.getPackageName() + ".";
    /** A test under {@code @Fork} runs in a child JVM whose findings come back to the parent, which prints them. */
    private static final boolean IN_FORK = System.getProperty("sun.java.command", "")
            .startsWith("dev.brigade.junit.internal.fork.ForkMain");
    private final List<String[]> rows = new ArrayList<>();
    private int classes;
    private int finished;
    private long started;

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        classes = (int) plan.getRoots().stream().flatMap(root -> plan.getDescendants(root).stream())
                .filter(FindingsTable::isFindingClass).count();
        started = System.nanoTime();
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (isFindingClass(id) && !IN_FORK) {
            finished++;
            System.out.printf(Locale.ROOT, "[findings] %d/%d %s: %s, %.0f s into the suite%n", finished, classes,
                    id.getDisplayName(), result.getStatus(), (System.nanoTime() - started) / 1e9);
        }
    }

    @Override
    public void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
        String row = entry.getKeyValuePairs().get(Finding.KEY);
        if (row != null) {
            synchronized (rows) {
                rows.add(row.split(Finding.SEPARATOR, -1));
            }
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        if (!rows.isEmpty() && !IN_FORK) {
            System.out.print(render(rows));
        }
    }

    /** The table: one row per finding, columns claim, seed, measured here, verdict. */
    static String render(List<String[]> rows) {
        String[] header = {"claim", "the seed says", "measured here", "verdict"};
        int[] widths = new int[header.length];
        List<String[]> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        for (String[] row : all) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], i < row.length ? row[i].length() : 0);
            }
        }
        StringBuilder out = new StringBuilder().append(String.format(Locale.ROOT,
                "Brigade findings: %d CPUs, Java %s, brigade.scale=%s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.version(), Finding.scale()));
        for (String[] row : all) {
            out.append(" ");
            for (int i = 0; i < widths.length; i++) {
                String cell = i < row.length ? row[i] : "";
                out.append(" ").append(i == widths.length - 1 ? cell : pad(cell, widths[i]));
            }
            out.append(System.lineSeparator());
        }
        return out.toString();
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(width - s.length());
    }

    private static boolean isFindingClass(TestIdentifier id) {
        return id.getSource().orElse(null) instanceof ClassSource source
                && source.getClassName().startsWith(PACKAGE) && source.getClassName().endsWith("Finding");
    }
}
