package dev.brigade.examples.findings;

import dev.brigade.junit.Constants;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * The findings suite's console: a progress line as each finding class finishes, and at the end of the run the
 * findings table from the {@link Finding} report entries, wrapped to fit 120 columns, and the same table as
 * Markdown in {@code findings.md} beside the other reports (what docs/findings.md is made from). Registered
 * through {@code ServiceLoader}; silent in a run without findings. JUnit calls it from one thread at a time, but
 * entries may come from parallel tests: the rows are guarded.
 */
public final class FindingsTable implements TestExecutionListener {

    /** The console's width the table fits. */
    static final int WIDTH = 120;
    /** The columns' widths: claim, the seed says, measured here, verdict; with a space before each, 120 in all. */
    private static final int[] WIDTHS = {24, 28, 38, 26};
    private static final String[] HEADER = {"claim", "the seed says", "measured here", "verdict"};
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
        if (entry.getKeyValuePairs().containsKey(Finding.KEY)) {
            synchronized (rows) {
                rows.add(Finding.row(entry.getKeyValuePairs()));
            }
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        List<String[]> sorted;
        synchronized (rows) {
            sorted = rows.stream().sorted(Comparator.comparing(row -> row[0])).toList();
        }
        if (!sorted.isEmpty() && !IN_FORK) {
            System.out.print(render(sorted));
            writeMarkdown(sorted);
        }
    }

    /** The run's settings, one line: CPUs, Java, scale and trials. */
    static String heading() {
        return String.format(Locale.ROOT, "Brigade findings: %d CPUs (%s), Java %s, brigade.scale=%s, %d trials a claim"
                + " (%d where a trial needs fresh JVMs or a search)", Runtime.getRuntime().availableProcessors(),
                cpuModel(), Runtime.version().feature() + "." + Runtime.version().interim() + "."
                        + Runtime.version().update(), Finding.scale(), Finding.TRIALS, Finding.SLOW_TRIALS);
    }

    /** The table for a console: one row per finding, long cells wrapped to their column, a blank line between rows. */
    static String render(List<String[]> rows) {
        StringBuilder out = new StringBuilder();
        for (String line : wrap(heading(), WIDTH)) {
            out.append(line).append(System.lineSeparator());
        }
        List<String[]> all = new ArrayList<>();
        all.add(HEADER);
        all.addAll(rows);
        for (String[] row : all) {
            if (row != HEADER) {
                out.append(System.lineSeparator());
            }
            List<List<String>> cells = new ArrayList<>();
            int height = 1;
            for (int i = 0; i < WIDTHS.length; i++) {
                List<String> lines = wrap(i < row.length ? row[i] : "", WIDTHS[i]);
                cells.add(lines);
                height = Math.max(height, lines.size());
            }
            for (int line = 0; line < height; line++) {
                StringBuilder text = new StringBuilder();
                for (int i = 0; i < WIDTHS.length; i++) {
                    List<String> lines = cells.get(i);
                    text.append(' ').append(pad(line < lines.size() ? lines.get(line) : "", WIDTHS[i]));
                }
                out.append(text.toString().stripTrailing()).append(System.lineSeparator());
            }
        }
        return out.toString();
    }

    /** The table as Markdown: a heading with the date, machine and command, then one row per finding. */
    static String markdown(List<String[]> rows) {
        StringBuilder out = new StringBuilder()
                .append("<!-- written by FindingsTable at the end of ./mvnw -B -Pfindings verify -->\n")
                .append(LocalDate.now(ZoneOffset.UTC)).append(", ").append(heading().replace("Brigade findings: ", ""))
                .append(", ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch"))
                .append("\n\n| claim | the seed says | measured here | verdict |\n|---|---|---|---|\n");
        for (String[] row : rows) {
            out.append('|');
            for (int i = 0; i < HEADER.length; i++) {
                out.append(' ').append(i < row.length ? row[i].replace("|", "\\|") : "").append(" |");
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** Words of {@code text} in lines of at most {@code width}; a word longer than that is cut. */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            while (word.length() > width) {
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                lines.add(word.substring(0, width));
                word = word.substring(width);
            }
            if (!line.isEmpty() && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (!line.isEmpty()) {
                line.append(' ');
            }
            line.append(word);
        }
        if (!line.isEmpty() || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static void writeMarkdown(List<String[]> rows) {
        Path dir = Path.of(System.getProperty(Constants.REPORT_DIR_PROPERTY_NAME, Constants.REPORT_DIR_DEFAULT));
        try {
            Files.createDirectories(dir);
            Path temporary = Files.createTempFile(dir, "findings", ".md.tmp");
            try {
                Files.writeString(temporary, markdown(rows), StandardCharsets.UTF_8);
                Files.move(temporary, dir.resolve("findings.md"), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
            System.out.println("[findings] the table as Markdown: " + dir.resolve("findings.md"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the findings table to " + dir, e);
        }
    }

    private static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .findFirst().orElse(System.getProperty("os.arch"));
        } catch (IOException | UncheckedIOException e) {
            return System.getProperty("os.arch");
        }
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }

    private static boolean isFindingClass(TestIdentifier id) {
        return id.getSource().orElse(null) instanceof ClassSource source
                && source.getClassName().startsWith(PACKAGE) && source.getClassName().endsWith("Finding");
    }
}
