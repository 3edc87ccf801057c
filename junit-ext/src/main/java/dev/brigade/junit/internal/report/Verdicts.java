package dev.brigade.junit.internal.report;

import dev.brigade.junit.internal.report.model.Check;
import dev.brigade.junit.internal.report.model.Result;
import dev.brigade.junit.internal.report.model.Verdict;
import dev.brigade.measure.Metric;
import dev.brigade.measure.Units;
import java.util.List;
import java.util.Optional;

/**
 * The one place that counts and words the run's verdicts, for the console summary and the HTML page alike: how many
 * budgets, baseline comparisons and base comparisons passed and failed, and each check in words with the figures
 * its verdict was made from. Counts and words verdicts the extension made; decides none. Stateless.
 */
final class Verdicts {

    private Verdicts() {
    }

    /** The checks of one kind: how many passed, how many failed, and how many results had none. */
    record Tally(int passed, int failed, int none) {

        private static Tally of(List<Result> results, java.util.function.Function<Result, List<? extends Check>> of) {
            int passed = 0;
            int failed = 0;
            int none = 0;
            for (Result r : results) {
                List<? extends Check> checks = of.apply(r);
                none += checks.isEmpty() ? 1 : 0;
                for (Check c : checks) {
                    if (c.verdict().failed()) {
                        failed++;
                    } else {
                        passed++;
                    }
                }
            }
            return new Tally(passed, failed, none);
        }

        /** {@code 3 pass, 1 FAIL}, or {@code -} when there are no checks of the kind. */
        String console() {
            return passed + failed == 0 ? "-" : passed + " pass" + (failed > 0 ? ", " + failed + " FAIL" : "");
        }
    }

    /** The verdicts of some results, counted by kind. */
    record Counts(Tally budgets, Tally baselines, Tally base) {

        static Counts of(List<Result> results) {
            return new Counts(Tally.of(results, Result::budgets), Tally.of(results, Result::baselines),
                    Tally.of(results, Result::base));
        }

        int failed() {
            return budgets.failed + baselines.failed + base.failed;
        }

        int passed() {
            return budgets.passed + baselines.passed + base.passed;
        }

        /** {@code budgets 3 pass, 1 FAIL; baselines 2 pass; base -}. */
        String console() {
            return "budgets " + budgets.console() + "; baselines " + baselines.console() + "; base " + base.console();
        }
    }

    /**
     * The verdict of a group of checks (a test's, a table cell's): {@link Verdict#FAIL} when any failed,
     * {@link Verdict#PASS} when all passed, empty when there are none.
     */
    static Optional<Verdict> of(List<? extends Check> checks) {
        return checks.isEmpty() ? Optional.empty()
                : Optional.of(Verdict.failedIf(checks.stream().anyMatch(c -> c.verdict().failed())));
    }

    /** {@code pass} or {@code FAIL}: a verdict in the console, where a failure stands out in capitals. */
    static String shout(Verdict verdict) {
        return verdict.failed() ? "FAIL" : "pass";
    }

    /** {@code pass} or {@code fail}: a verdict on the page, where colour marks a failure. */
    static String word(Verdict verdict) {
        return verdict.failed() ? "fail" : "pass";
    }

    /** {@code passed} or {@code failed}. */
    static String past(Verdict verdict) {
        return verdict.failed() ? "failed" : "passed";
    }

    /** {@code budget}, {@code baseline} or {@code base}. */
    static String kind(Check check) {
        return switch (check) {
            case Check.Budget b -> "budget";
            case Check.Baseline b -> "baseline";
            case Check.Base b -> "base";
        };
    }

    /**
     * A check's figures: {@code limit 500 ns}; {@code 1.06×, 3 vs 10 runs; fails above 1.58×};
     * {@code 1.12× current/base; fails above 1.09×}.
     */
    static String figures(Check check) {
        return switch (check) {
            case Check.Budget b -> "limit " + limit(b);
            case Check.Baseline b -> Units.formatRatio(b.ratio()) + runs(b) + b.failsAbove().stream()
                    .mapToObj(f -> "; fails above " + Units.formatRatio(f)).findFirst().orElse("");
            case Check.Base b -> Units.formatRatio(b.ratio()) + " current/base; fails above "
                    + Units.formatRatio(b.failsAbove());
        };
    }

    /** A check in the console: {@code budget FAIL (limit 500 ns)}, {@code baseline pass (1.06×, 5 runs)}, ... */
    static String console(Check check) {
        return kind(check) + " " + shout(check.verdict()) + " (" + figures(check) + ")";
    }

    /** A check in a cell of the console's full table: a budget's verdict alone, a comparison's with its figures. */
    static String consoleCell(Check check) {
        return check instanceof Check.Budget ? kind(check) + " " + shout(check.verdict()) : console(check);
    }

    /**
     * A failed check in the page's list of failures: {@code budget nanosPerHop ≤ 1.00 ns, measured 1.21 µs
     * [1.18–1.25]}, {@code baseline nanosPerHop 1.31×, 5 runs; fails above 1.12×}, ...
     */
    static String failure(Result r, Check check) {
        return switch (check) {
            case Check.Budget b -> "budget " + b.metric() + " ≤ " + limit(b) + (r.metrics().containsKey(b.metric())
                    ? ", measured " + ConsoleSummary.figure(r.metrics().get(b.metric())) : "");
            default -> kind(check) + " " + check.metric() + " " + figures(check);
        };
    }

    /** A check in a cell of the page's table: {@code pass ≤ 500 ns}, {@code fail 1.31×, 5 runs; ...}. */
    static String cell(Check check) {
        return word(check.verdict()) + switch (check) {
            case Check.Budget b -> " ≤ " + limit(b);
            case Check.Baseline b -> " " + figures(b);
            case Check.Base b -> " against base " + figures(b);
        };
    }

    private static String limit(Check.Budget b) {
        return Units.format(b.limit(), unitOf(b.metric()));
    }

    /**
     * {@code , 5 runs} for a baseline of several recorded runs; nothing for one; {@code , 3 vs 5 runs} for several
     * current runs ({@code @Fork(runs = ...)}) against them.
     */
    private static String runs(Check.Baseline b) {
        if (b.currentRuns() > 1) {
            return ", " + b.currentRuns() + " vs " + b.runs() + " run" + (b.runs() == 1 ? "" : "s");
        }
        return b.runs() > 1 ? ", " + b.runs() + " runs" : "";
    }

    /** The unit of the metric named {@code metric} ({@link Metric#unit()}); {@code 1} for a name it does not know. */
    static String unitOf(String metric) {
        try {
            return Metric.ofKey(metric).unit();
        } catch (IllegalArgumentException unknown) {
            return "1";
        }
    }
}
