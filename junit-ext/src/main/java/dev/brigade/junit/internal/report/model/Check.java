package dev.brigade.junit.internal.report.model;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import java.util.OptionalDouble;
import org.apiguardian.api.API;

/**
 * One verdict the extension made on a result's metric, with the figures it was made from: a budget's limit, a
 * baseline comparison, a comparison with the base build. Immutable; the reports count and word it
 * ({@code report.Verdicts}).
 *
 * <p>Public for {@code report}, which builds and renders it beside this package.
 */
@API(status = INTERNAL, since = "0.1.0")
public sealed interface Check {

    /** The metric checked, e.g. {@code nanosPerHop}. */
    String metric();

    Verdict verdict();

    /**
     * A budget: the metric's median at most {@code limit}, in the metric's unit; a failed one with where the time
     * and allocation of its kind go, from a second measurement ({@code explanation}, null when there is none).
     */
    record Budget(String metric, double limit, Verdict verdict, Explanation explanation) implements Check {

        /** A budget without an explanation. */
        public Budget(String metric, double limit, Verdict verdict) {
            this(metric, limit, verdict, null);
        }
    }

    /**
     * A comparison with the recorded baseline: the ratio current / baseline with its interval, as the verdict used.
     *
     * @param runs        how many recorded runs the baseline holds
     * @param currentRuns how many current runs were compared together ({@code @Fork(runs = ...)}), 1 for one
     * @param interval    how the interval was found: {@code bootstrap}, {@code from-intervals}, {@code prediction}
     *                    or {@code two-sample}
     * @param spread      the run-to-run spread a prediction or two-sample interval used
     * @param failsAbove  the smallest ratio the comparison can catch; empty when its interval reached 0
     * @param history     the baseline's recorded runs of the metric on this machine, oldest first; null when the
     *                    run did not read them (none recorded), so the file has no {@code history}
     */
    record Baseline(String metric, double ratio, double low, double high, double tolerance, int runs,
                    int currentRuns, String interval, OptionalDouble spread, OptionalDouble failsAbove,
                    Verdict verdict, List<Recorded> history) implements Check {

        public Baseline {
            history = history == null ? null : List.copyOf(history);
        }
    }

    /** A recorded run of a baseline: its median and interval, and when it was recorded (null if unknown). */
    record Recorded(String recordedAt, double median, double low, double high) {
    }

    /**
     * A comparison with the base build in paired rounds ({@code @AgainstBase}): the paired ratio current / base the
     * verdict used, each pair's ratio (empty when not kept), both sides' medians.
     */
    record Base(String metric, double ratio, double low, double high, int pairs, List<Double> ratios,
                double current, double base, double tolerance, double failsAbove, Verdict verdict) implements Check {

        public Base {
            ratios = List.copyOf(ratios);
        }
    }
}
