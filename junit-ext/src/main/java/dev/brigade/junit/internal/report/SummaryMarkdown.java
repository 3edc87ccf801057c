package dev.brigade.junit.internal.report;

import dev.brigade.junit.internal.report.model.Check;
import dev.brigade.junit.internal.report.model.Result;
import dev.brigade.junit.internal.report.model.Run;
import dev.brigade.measure.Units;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code summary.md}: the run's verdicts as a Markdown table, for a pull request (GitHub Actions'
 * {@code $GITHUB_STEP_SUMMARY}, a GitLab job or a review comment): one row per budget, baseline comparison and
 * comparison with the base build, failures first, then the tests new in the change, then the rest; a heading that
 * counts them. A failed comparison with the base build says where its cost moved, and a failed budget where the time
 * of its kind goes (from its second measurement), in the explanation's headline.
 * Stateless; the verdicts are the extension's, counted and worded by {@link Verdicts}.
 */
final class SummaryMarkdown implements ReportFormat {

    @Override
    public String fileName() {
        return "summary.md";
    }

    @Override
    public String render(Run run) {
        return render(run.results());
    }

    /** The summary of {@code results}, the run's in its order. */
    static String render(List<Result> results) {
        String nl = "\n";
        List<Row> rows = new ArrayList<>();
        for (Result r : results) {
            for (Check check : r.checks()) {
                boolean failed = check.verdict().failed();
                String where = !failed ? ""
                        : check instanceof Check.Base && r.explanation() != null
                                ? "; where: " + r.explanation().headline()
                        : check instanceof Check.Budget b && b.explanation() != null
                                ? "; where the time goes: " + b.explanation().headline() : "";
                String verdict = Verdicts.shout(check.verdict());
                rows.add(new Row(failed ? Row.FAILED : Row.PASSED, failed ? "**" + verdict + "**" : verdict, r.test(),
                        r.kind(), Verdicts.kind(check), check.metric(), figures(r, check) + where));
            }
            if (r.notCompared() != null) {
                rows.add(new Row(Row.NEW, "new", r.test(), r.kind(), "base", "", r.notCompared() + ": not compared"));
            }
        }
        rows.sort(Comparator.comparingInt(Row::order));
        Verdicts.Counts counts = Verdicts.Counts.of(results);
        int tests = Run.byTest(results).size();
        StringBuilder out = new StringBuilder("### Brigade: ");
        out.append(counts.failed() > 0 ? counts.failed() + " failed, " + counts.passed() + " passed"
                : counts.passed() == 0 ? "no budget or comparison" : "all " + counts.passed() + " passed")
                .append(" (").append(tests).append(tests == 1 ? " test" : " tests").append(", ")
                .append(results.size()).append(results.size() == 1 ? " result)" : " results)").append(nl)
                .append(nl).append(counts.console()).append(nl);
        if (rows.isEmpty()) {
            return out.toString();
        }
        out.append(nl).append("| verdict | test | kind | check | metric | figures |").append(nl)
                .append("|---|---|---|---|---|---|").append(nl);
        for (Row row : rows) {
            out.append("| ").append(row.verdict()).append(" | `")
                    .append(cell(shortName(row.test())).replace("`", "'")).append("` | ").append(cell(row.kind()))
                    .append(" | ").append(row.check()).append(" | ").append(cell(row.metric())).append(" | ")
                    .append(cell(row.figures())).append(" |").append(nl);
        }
        return out.toString();
    }

    /**
     * One row of the table, as written; {@code order} puts failures first, then tests new in the change, then
     * passes.
     */
    private record Row(int order, String verdict, String test, String kind, String check, String metric,
                       String figures) {
        static final int FAILED = 0;
        static final int NEW = 1;
        static final int PASSED = 2;
    }

    /**
     * A check's figures: a budget's limit and the measured figure, a comparison's ratio with its interval and the
     * ratio it fails above.
     */
    private static String figures(Result r, Check check) {
        return switch (check) {
            case Check.Budget b -> Verdicts.figures(b) + (r.metrics().containsKey(b.metric())
                    ? "; measured " + ConsoleSummary.figure(r.metrics().get(b.metric())) : "");
            case Check.Baseline b -> interval(b.ratio(), b.low(), b.high()) + " current/baseline, " + b.runs()
                    + (b.runs() == 1 ? " recorded run" : " recorded runs") + b.failsAbove().stream()
                    .mapToObj(f -> "; fails above " + Units.formatRatio(f)).findFirst().orElse("");
            case Check.Base b -> interval(b.ratio(), b.low(), b.high()) + " current/base, " + b.pairs()
                    + " pairs; fails above " + Units.formatRatio(b.failsAbove());
        };
    }

    /** {@code 1.12× [1.08–1.16]}. */
    private static String interval(double ratio, double low, double high) {
        return Units.formatRatio(ratio) + " [" + Units.format(low, "1") + "–" + Units.format(high, "1") + "]";
    }

    /** {@code HandOffTest#handOff}: the test without its class's package. */
    private static String shortName(String test) {
        int hash = test.indexOf('#');
        int dot = test.lastIndexOf('.', hash < 0 ? test.length() : hash);
        return test.substring(dot + 1);
    }

    /** Text for a table cell: a pipe escaped, line breaks and other control characters as spaces. */
    private static String cell(String text) {
        return ConsoleSummary.printable(text).replace("|", "\\|");
    }
}
