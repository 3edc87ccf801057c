package dev.brigade.junit.internal.report;

import dev.brigade.fixture.BrigadeResult;
import dev.brigade.fixture.Cost;
import dev.brigade.fixture.Measurement;
import dev.brigade.fixture.MemoryResult;
import dev.brigade.fixture.SpawnResult;
import dev.brigade.junit.internal.baseline.BaselineStore;
import dev.brigade.junit.internal.explain.Explained;
import dev.brigade.junit.internal.report.model.Check;
import dev.brigade.junit.internal.report.model.Explanation;
import dev.brigade.junit.internal.report.model.Figure;
import dev.brigade.junit.internal.report.model.Fit;
import dev.brigade.junit.internal.report.model.Result;
import dev.brigade.junit.internal.report.model.Verdict;
import dev.brigade.junit.internal.verdict.BudgetVerdict;
import dev.brigade.measure.BaseComparison;
import dev.brigade.measure.BaselineComparison;
import dev.brigade.measure.Estimate;
import dev.brigade.measure.Metric;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The report's record of a measured result: its figures, and the verdicts the extension made on it with the figures
 * each verdict was made from, copied as they are from the immutable results and comparisons. Stateless.
 */
final class ReportRecords {

    private ReportRecords() {
    }

    /**
     * The record of one result; {@code forkRun} is the run of {@code @Fork(runs = ...)} that measured it, from 1,
     * or 0 for a result of an invocation of one run; {@code history} the baseline's recorded runs, empty when it
     * has none; {@code notCompared} why an {@code @AgainstBase} result was not compared, or null; {@code explained}
     * what explains its failed comparison with the base build, none when none failed.
     */
    static Result of(String test, String invocation, Measurement result, boolean forked, int forkRun,
                     List<Check.Budget> budgets, List<BaselineComparison> baselines, List<BaseComparison> base,
                     List<BaselineStore.RecordedRun> history, String notCompared,
                     Explained explained) {
        String link = result instanceof BrigadeResult r ? r.link() : null;
        int tasks = switch (result) {
            case BrigadeResult r -> r.tasks();
            case SpawnResult r -> r.tasks();
            case MemoryResult r -> r.tasks();
            case Cost c -> 0;
        };
        MemoryResult memory = switch (result) {
            case MemoryResult r -> r;
            case BrigadeResult r -> r.memoryPerTask();
            case SpawnResult r -> null;
            case Cost c -> null;
        };
        Map<String, Figure> metrics = new LinkedHashMap<>();
        result.metrics().forEach((name, e) -> metrics.put(name, Figure.of(e,
                memory != null && memory.metrics().containsKey(name) && !MemoryResult.resolved(e)
                        ? memory.describe(e) : null)));
        return new Result(test, invocation, result.fixture(), result.label(), link, tasks, forked, forkRun,
                memory != null && !memory.points().isEmpty() ? fit(memory) : null, metrics, budgets,
                baselines.stream().map(r -> baseline(r, history)).toList(),
                base.stream().map(ReportRecords::base).toList(), notCompared,
                explained.isEmpty() ? null : explanation(explained, base.stream().filter(BaseComparison::failed)
                        .map(BaseComparison::metric).toList()));
    }

    /**
     * The explanation's record of the comparisons of {@code failedMetrics}, with the flame graph of its stacks when
     * these can be read; headed by an allocation site when only allocation failed.
     */
    private static Explanation explanation(Explained explained, List<String> failedMetrics) {
        Explanation explanation = Explanation.of(explained.lines(),
                explained.recording().map(Path::toString).orElse(null),
                explained.stacks().stream().map(Path::toString).toList(),
                !failedMetrics.isEmpty() && failedMetrics.stream().allMatch(ReportRecords::allocation));
        return explanation.withFlame(Flames.read(explanation.stacks()));
    }

    /** Whether {@code metric} is an allocation: {@code allocatedBytesPerHop}, {@code allocatedBytesPerTask}. */
    private static boolean allocation(String metric) {
        return metric.equals(Metric.ALLOCATED_BYTES_PER_HOP.key())
                || metric.equals(Metric.ALLOCATED_BYTES_PER_TASK.key()) || metric.equals(Metric.ALLOCATED_BYTES.key());
    }

    /**
     * A budget's verdict as the files keep it: metric, limit in the metric's unit, pass or fail, and a failed one's
     * explanation from its second measurement.
     */
    static Check.Budget budget(BudgetVerdict verdict) {
        return new Check.Budget(verdict.metric(), verdict.limit(), Verdict.failedIf(!verdict.passed()),
                verdict.explanation().isEmpty() ? null : Explanation.of(verdict.explanation(), null, List.of(),
                        allocation(verdict.metric())));
    }

    private static Check.Baseline baseline(BaselineComparison r, List<BaselineStore.RecordedRun> runs) {
        List<Check.Recorded> history = null;
        if (!runs.isEmpty()) {
            history = runs.stream().filter(run -> run.metrics().containsKey(r.metric())).map(run -> {
                Estimate e = run.metrics().get(r.metric());
                return new Check.Recorded(run.recordedAt(), e.median(), e.low(), e.high());
            }).toList();
        }
        boolean spread = r.interval() == BaselineComparison.Interval.PREDICTION
                || r.interval() == BaselineComparison.Interval.TWO_SAMPLE;
        return new Check.Baseline(r.metric(), r.ratio().median(), r.ratio().low(), r.ratio().high(), r.tolerance(),
                r.baselineRuns(), r.currentRuns(), r.interval().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                spread ? OptionalDouble.of(r.runToRunSpread()) : OptionalDouble.empty(),
                Double.isFinite(r.failsAbove()) ? OptionalDouble.of(r.failsAbove()) : OptionalDouble.empty(),
                Verdict.failedIf(r.regressed()), history);
    }

    private static Check.Base base(BaseComparison c) {
        return new Check.Base(c.metric(), c.ratio().median(), c.ratio().low(), c.ratio().high(), c.ratio().pairs(),
                c.ratio().pairRatios(), c.current().median(), c.base().median(), c.tolerance(), c.failsAbove(),
                Verdict.failedIf(c.failed()));
    }

    /** The points of a memory fit and its two lines, for the report's chart, as the fit made them. */
    private static Fit fit(MemoryResult memory) {
        List<Fit.Point> points = memory.points().stream().map(p -> new Fit.Point(p.tasks(), p.rssBytes(),
                p.heapBytes())).toList();
        return new Fit(points, memory.rssBytesPerTask().median(), memory.rssInterceptBytes(),
                memory.heapBytesPerTask().median(), memory.heapInterceptBytes(), memory.rssR2(), memory.heapR2());
    }
}
