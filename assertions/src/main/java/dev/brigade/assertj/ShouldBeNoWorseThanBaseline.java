package dev.brigade.assertj;

import dev.brigade.measure.Regression;
import dev.brigade.measure.Units;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Failure message of {@code isNoWorseThanBaseline}: {@code Expected VIRTUAL nanosPerHop to be no worse than its
 * baseline (tolerance 10 %) but it was 25.0 % worse: current / baseline 1.25× [1.21–1.30], 95 % bootstrap interval;
 * current 1.51 µs [1.49–1.53], 20 samples; baseline 1.21 µs [1.18–1.25], 20 samples}.
 */
final class ShouldBeNoWorseThanBaseline extends BasicErrorMessageFactory {

    private ShouldBeNoWorseThanBaseline(String message) {
        super("%s", unquotedString(message));
    }

    /** One line per regressed metric. */
    static ErrorMessageFactory shouldBeNoWorseThanBaseline(String subject, List<Regression> regressions) {
        return new ShouldBeNoWorseThanBaseline(regressions.stream().map(r -> line(subject, r))
                .collect(Collectors.joining(System.lineSeparator())));
    }

    private static String line(String subject, Regression r) {
        boolean bootstrap = r.baseline().values().length >= 6 && r.current().values().length >= 6;
        return "Expected " + subject + " " + r.metric() + " to be no worse than its baseline (tolerance "
                + String.format(Locale.ROOT, "%.0f", r.tolerance() * 100) + " %) but it was "
                + String.format(Locale.ROOT, "%.1f", r.changePercent()) + " % worse: current / baseline "
                + Units.formatRatio(r.ratio().median()) + " [" + Units.format(r.ratio().low(), "1") + "–"
                + Units.format(r.ratio().high(), "1") + "], " + (bootstrap ? "95 % bootstrap interval"
                : "interval from both runs' intervals") + "; current " + r.current() + "; baseline " + r.baseline();
    }
}
