package dev.brigade.examples.findings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Merges the findings tables of several runs ({@code findings.md}, as {@link FindingsTable} writes them) into one
 * that says, per claim, in how many runs its verdict held, with each run's verdict and the range of the ratio:
 * what docs/findings.md shows. Uses the JDK alone, so that it runs as a source file:
 * {@code java example-tests/src/test/java/dev/brigade/examples/findings/FindingsRuns.java run-*.md}
 * (scripts/findings-in-fresh-clones.sh does). Stateless.
 */
public final class FindingsRuns {

    /** The figure of a verdict cell's ratio: {@code holds (4 of 5): PLATFORM/VIRTUAL 7.68× [7.2–8.1]}. */
    private static final Pattern RATIO = Pattern.compile(": .*?([0-9][0-9.,]*|∞)× \\[");
    private static final Pattern VERDICT = Pattern.compile("^(holds|contradicted|unclear) \\((\\d+) of (\\d+)\\)");

    private FindingsRuns() {
    }

    /** Prints the merged table of the files given as arguments. */
    public static void main(String[] args) throws IOException {
        List<String> runs = new ArrayList<>();
        for (String file : args) {
            runs.add(Files.readString(Path.of(file), StandardCharsets.UTF_8));
        }
        System.out.print(merge(runs));
    }

    /** One run's table: its heading line and its rows (claim, seed, measured, verdict). */
    record Run(String heading, List<String[]> rows) {

        static Run parse(String markdown) {
            String heading = "";
            List<String[]> rows = new ArrayList<>();
            for (String line : markdown.split("\n")) {
                if (line.startsWith("| ") && !line.startsWith("| claim |")) {
                    String[] cells = line.substring(2, line.length() - 2).split(" \\| ", -1);
                    for (int i = 0; i < cells.length; i++) {
                        cells[i] = cells[i].replace("\\|", "|");
                    }
                    rows.add(cells);
                } else if (heading.isEmpty() && !line.isBlank() && !line.startsWith("<!--") && !line.startsWith("|")) {
                    heading = line;
                }
            }
            return new Run(heading, rows);
        }
    }

    /** The merged table as Markdown, claims in the order of the first run. */
    static String merge(List<String> markdown) {
        List<Run> runs = markdown.stream().map(Run::parse).toList();
        Map<String, List<String[]>> byClaim = new LinkedHashMap<>();
        for (Run run : runs) {
            for (String[] row : run.rows()) {
                byClaim.computeIfAbsent(row[0], c -> new ArrayList<>()).add(row);
            }
        }
        StringBuilder out = new StringBuilder();
        out.append(runs.size()).append(" runs of `./mvnw -B -Pfindings verify`, each in a fresh clone"
                + " (`scripts/findings-in-fresh-clones.sh`); the first: ")
                .append(runs.isEmpty() ? "" : runs.get(0).heading()).append("\n\n")
                .append("| claim | the seed says | measured here (the run with the median ratio) | verdict in ")
                .append(runs.size()).append(" runs | each run's verdict (trials) | ratio, median trial of each run |\n")
                .append("|---|---|---|---|---|---|\n");
        for (Map.Entry<String, List<String[]>> claim : byClaim.entrySet()) {
            List<String[]> rows = claim.getValue();
            List<String[]> byRatio = rows.stream().sorted(Comparator.comparingDouble(FindingsRuns::ratio)).toList();
            String[] median = byRatio.get((byRatio.size() - 1) / 2);
            Map<String, Long> verdicts = rows.stream().map(FindingsRuns::verdict)
                    .collect(Collectors.groupingBy(v -> v, LinkedHashMap::new, Collectors.counting()));
            long most = verdicts.values().stream().mapToLong(Long::longValue).max().orElse(0);
            List<String> top = verdicts.keySet().stream().filter(v -> verdicts.get(v) == most).toList();
            String verdict = top.size() == 1 ? top.get(0) : "unclear";
            out.append("| ").append(cell(claim.getKey())).append(" | ").append(cell(median[1])).append(" | ")
                    .append(cell(median[2])).append(" | **").append(verdict).append("** in ")
                    .append(verdicts.getOrDefault(verdict, 0L)).append(" of ").append(runs.size()).append(" | ")
                    .append(rows.stream().map(r -> counts(r[3])).collect(Collectors.joining(", "))).append(" | ")
                    .append(range(byRatio)).append(" |\n");
        }
        return out.toString();
    }

    private static String verdict(String[] row) {
        Matcher m = VERDICT.matcher(row[3]);
        return m.find() ? m.group(1) : "unclear";
    }

    private static String counts(String verdictCell) {
        Matcher m = VERDICT.matcher(verdictCell);
        return m.find() ? m.group(1) + " " + m.group(2) + "/" + m.group(3) : "?";
    }

    /** The median trial's ratio of a row, from its verdict cell. */
    static double ratio(String[] row) {
        Matcher m = RATIO.matcher(row[3]);
        if (!m.find()) {
            return Double.NaN;
        }
        return m.group(1).equals("∞") ? Double.POSITIVE_INFINITY : Double.parseDouble(m.group(1).replace(",", ""));
    }

    private static String range(List<String[]> byRatio) {
        String low = figure(ratio(byRatio.get(0)));
        String high = figure(ratio(byRatio.get(byRatio.size() - 1)));
        return low.equals(high) ? low + "×" : low + "–" + high + "×";
    }

    private static String figure(double ratio) {
        return Double.isInfinite(ratio) ? "∞" : Double.isNaN(ratio) ? "?"
                : String.format(Locale.ROOT, ratio >= 100 ? "%.0f" : ratio >= 10 ? "%.1f" : "%.2f", ratio);
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
