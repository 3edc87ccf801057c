package dev.brigade.assertj;

import dev.brigade.measure.BaselineComparison;
import dev.brigade.measure.Units;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Failure message of {@code isNoWorseThanBaseline}: {@code Expected VIRTUAL nanosPerHop to be no worse than its
 * baseline (tolerance 10 %) but it was 25.0 % worse: current / baseline 1.25× [1.10–1.42], 95 % prediction interval
 * from 5 recorded runs (run-to-run spread ±5.1 %); current 1.51 µs [1.49–1.53], 20 samples; baseline 1.21 µs
 * [1.15–1.28], geometric mean [range] of 5 recorded runs' medians}. A baseline of one run names its interval as
 * one of that run and says how to record more. Several current runs (measured in fresh JVMs by
 * {@code @Fork(runs = ...)}) are described like several recorded ones: {@code 95 % interval from 3 current runs
 * against 10 recorded runs (run-to-run spread ±7.1 %); current 1.51 µs [1.45–1.58], geometric mean [range] of 3
 * current runs' medians; ...}.
 */
final class ShouldBeNoWorseThanBaseline extends BasicErrorMessageFactory {

    /** What a message of a baseline of one run adds. */
    static final String RECORD_MORE = "; record more runs with -Dbrigade.baseline.update=add for an interval that"
            + " includes run-to-run noise";

    private ShouldBeNoWorseThanBaseline(String message) {
        super("%s", unquotedString(message));
    }

    /** One line per regressed metric. */
    static ErrorMessageFactory shouldBeNoWorseThanBaseline(String subject, List<BaselineComparison> regressions) {
        return new ShouldBeNoWorseThanBaseline(regressions.stream().map(r -> line(subject, r))
                .collect(Collectors.joining(System.lineSeparator())) + Messages.whatToDo(Messages.Gate.BASELINE));
    }

    private static String line(String subject, BaselineComparison r) {
        return "Expected " + subject + " " + r.metric() + " to be no worse than its baseline (tolerance "
                + String.format(Locale.ROOT, "%.0f", r.tolerance() * 100) + " %) but it was "
                + String.format(Locale.ROOT, "%.1f", r.changePercent()) + " % worse: current / baseline "
                + Units.formatRatio(r.ratio().median()) + " [" + Units.format(r.ratio().low(), "1") + "–"
                + Units.format(r.ratio().high(), "1") + "], " + r.intervalDescription() + "; current "
                + r.currentDescription()
                + "; baseline " + r.baselineDescription() + (r.baselineRuns() == 1 ? RECORD_MORE : "");
    }
}
