package dev.brigade.junit.internal.report;

import dev.brigade.junit.internal.report.model.Check;
import dev.brigade.junit.internal.report.model.Explanation;
import dev.brigade.junit.internal.report.model.Flame;
import dev.brigade.junit.internal.report.model.Result;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What a test's section of the page says of its comparisons with the base build besides their verdicts: where the
 * cost of a failed one moved (its explanation's lines and its differential flame graph), and that a test new in the
 * change was not compared; and where the time of a failed budget's kind goes, from its second measurement (the lines
 * only: one side, no flame graph).
 * Stateless.
 */
final class BaseNotes {

    private BaseNotes() {
    }

    /**
     * The notes of a test's results as HTML, or an empty string when there are none; each flame graph's tree is
     * added to {@code flames}, which the page carries as JSON, and its element names it by its index there.
     */
    static String html(List<Result> results, List<Flame> flames) {
        StringBuilder html = new StringBuilder();
        for (Result r : results) {
            if (r.explanation() != null) {
                html.append("<details class=\"explanation\" open><summary>").append(HtmlReport.escape(r.label()))
                        .append(": where the cost moved, base → current</summary><pre>")
                        .append(HtmlReport.escape(String.join("\n", r.explanation().lines())))
                        .append("</pre>");
                if (r.explanation().flame() != null) {
                    flame(html, r, r.explanation(), flames);
                }
                html.append("</details>");
            }
            for (Check check : r.checks()) {
                if (check instanceof Check.Budget b && b.verdict().failed() && b.explanation() != null) {
                    html.append("<details class=\"explanation\" open><summary>").append(HtmlReport.escape(r.label()))
                            .append(": ").append(HtmlReport.escape(b.metric()))
                            .append(" over budget; where the time goes, measured again</summary><pre>")
                            .append(HtmlReport.escape(String.join("\n", b.explanation().lines())))
                            .append("</pre></details>");
                }
            }
        }
        String notCompared = ConsoleSummary.notCompared(results);
        if (!notCompared.isEmpty()) {
            html.append("<p class=\"figures\">").append(HtmlReport.escape(notCompared.substring(2))).append("</p>");
        }
        return html.toString();
    }

    /**
     * A differential flame graph of both sides' samples (execution or CPU-time, as the explanation says), drawn by
     * the page's script, with a caption that says how to read it, what was left out and where the stacks are.
     */
    private static void flame(StringBuilder html, Result r, Explanation explanation, List<Flame> flames) {
        Flame flame = explanation.flame();
        html.append("<figure class=\"flame\"><div class=\"flamegraph\" data-flame=\"").append(flames.size())
                .append("\" role=\"img\" aria-label=\"").append(HtmlReport.escape(r.label()))
                .append(": differential flame graph, current against base\"></div><figcaption>")
                .append(HtmlReport.escape(String.format(Locale.ROOT, "%s: where the CPU time went, current against"
                        + " base (the JFR samples the lines above name, of the measured rounds: %d current, %d"
                        + " base). A frame's width"
                        + " is its share of the current side's samples; red: a larger share than in the base build,"
                        + " blue: a smaller one, the deeper the colour the larger the change; a frame only the base"
                        + " build ran has no width. Frames under %s of both sides' samples, and beyond the %d"
                        + " heaviest, are left out with what they call (%d frames). Hover for the figures, click to"
                        + " zoom.", r.label(), flame.samplesCurrent(), flame.samplesBase(),
                        share(flame.prunedBelowShare()), flame.maxFrames(), flame.framesLeftOut())));
        if (!explanation.stacks().isEmpty()) {
            html.append(" Stacks (flamegraph.pl, speedscope): ").append(HtmlReport.escape(String.join(", ",
                    explanation.stacks().stream().map(s -> Path.of(s).getFileName().toString()).toList())))
                    .append(".");
        }
        html.append("</figcaption></figure>");
        flames.add(flame);
    }

    /** {@code 0.5 %}. */
    private static String share(double fraction) {
        return String.format(Locale.ROOT, "%.2g %%", 100 * fraction);
    }
}
