package dev.brigade.junit.internal.report;

import dev.brigade.junit.internal.report.model.Check;
import dev.brigade.junit.internal.report.model.Figure;
import dev.brigade.junit.internal.report.model.Fit;
import dev.brigade.junit.internal.report.model.Result;
import dev.brigade.measure.Estimate;
import dev.brigade.measure.Metric;
import dev.brigade.measure.Units;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The charts of {@code report.html} as records, built from a test's typed results: what each chart draws and the
 * choice of its axis; {@link HtmlReport} writes their captions, {@code report.js} draws them from {@link
 * Chart#json()}. Takes every figure from the results as the extension made them; computes no statistic.
 */
final class Charts {

    /** A chart's medians that differ by more than this factor are drawn on a logarithmic axis. */
    static final double LOG_ABOVE = 5;

    /** A chart of this many points or fewer is a table: a few figures read faster as text than as a drawing. */
    static final int TABLE_UP_TO = 3;

    private Charts() {
    }

    /** One chart of the page: its data for the page's script, under the id of its canvas. */
    sealed interface Chart permits Whiskers, Pairs, MemoryFit {

        /** The chart as the page's script reads it. */
        Map<String, Object> json();
    }

    /** A budget drawn as a line at {@code label}'s place on a chart of kinds. */
    record BudgetLine(String label, double limit, boolean failed) {
    }

    /**
     * A chart of medians with interval whiskers (kinds side by side, ratios between kinds, a baseline's history):
     * each point a label, an interval and a median, on a logarithmic axis when {@code log}.
     *
     * @param spread    the largest median over the smallest, when the axis is logarithmic because of it; else 0
     * @param budgets   the budgets drawn on the axis
     * @param offAxis   the budgets too far from the data to draw, for the caption
     * @param below     the results below resolution, not drawn, for the caption
     * @param reference a value that stays on the axis as a dashed line (1 for ratios); null for none
     * @param last      the label drawn in another colour (this run, beside a baseline's history); null for none
     * @param axis      the value axis, holding every interval, budget line and reference drawn
     */
    record Whiskers(String id, String metric, String unit, boolean log, List<String> labels,
                    List<List<Double>> intervals, List<Double> medians, double spread, List<BudgetLine> budgets,
                    List<String> offAxis, List<String> below, Integer reference, String last, Axis axis)
            implements Chart {

        Whiskers {
            labels = List.copyOf(labels);
            intervals = List.copyOf(intervals);
            medians = List.copyOf(medians);
            budgets = List.copyOf(budgets);
            offAxis = List.copyOf(offAxis);
            below = List.copyOf(below);
        }

        @Override
        public Map<String, Object> json() {
            Map<String, Object> chart = new LinkedHashMap<>();
            chart.put("id", id);
            chart.put("type", "kinds");
            chart.put("metric", metric);
            chart.put("unit", unit);
            chart.put("log", log);
            chart.put("labels", labels);
            chart.put("intervals", intervals);
            chart.put("medians", medians);
            if (spread > 0) {
                chart.put("spread", spread);
            }
            chart.put("budgets", budgets.stream().map(b -> {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("label", b.label());
                line.put("limit", b.limit());
                line.put("failed", b.failed());
                return line;
            }).toList());
            if (reference != null) {
                chart.put("reference", reference);
            }
            if (last != null) {
                chart.put("last", last);
            }
            chart.put("axis", axis.json());
            return chart;
        }

        /** Whether it has {@value #TABLE_UP_TO} points or fewer, so that the page shows it as a table. */
        boolean isTable() {
            return labels.size() <= TABLE_UP_TO;
        }

        /** The figure of point {@code i} for people: {@code 2.41 µs [2.37–2.46]}, {@code 1.21× [1.10–1.33]}. */
        String figure(int i) {
            double low = intervals.get(i).get(0);
            double high = intervals.get(i).get(1);
            if ("×".equals(unit)) {
                return Units.formatRatio(medians.get(i)) + " [" + Units.format(low, "1") + "–" + Units.format(high,
                        "1") + "]";
            }
            return Units.formatInterval(Estimate.ofInterval(unit, medians.get(i), low, high, 0, 2));
        }
    }

    /** A comparison with the base build: current/base of each pair of rounds, and the paired estimate. */
    record Pairs(String id, String label, List<Double> ratios, double ratio, boolean failed, Axis axis, Axis pairs)
            implements Chart {

        @Override
        public Map<String, Object> json() {
            Map<String, Object> chart = new LinkedHashMap<>();
            chart.put("id", id);
            chart.put("type", "pairs");
            chart.put("label", label);
            chart.put("ratios", ratios);
            chart.put("ratio", ratio);
            chart.put("failed", failed);
            chart.put("axis", axis.json());
            chart.put("pairs", pairs.json());
            return chart;
        }
    }

    /**
     * A memory fit as memory added since the smallest population: every point ({@code [tasks, rss, heap]}) and the
     * fitted lines, relative to it, so the chart shows the slope rather than the process's size.
     */
    record MemoryFit(String id, String label, List<List<Number>> points, double rssSlope, double rssIntercept,
                     double heapSlope, double heapIntercept, int smallest, String rssLabel, String heapLabel,
                     Axis tasks, Axis axis) implements Chart {

        @Override
        public Map<String, Object> json() {
            Map<String, Object> chart = new LinkedHashMap<>();
            chart.put("id", id);
            chart.put("type", "fit");
            chart.put("label", label);
            chart.put("points", points);
            chart.put("rssSlope", rssSlope);
            chart.put("rssIntercept", rssIntercept);
            chart.put("heapSlope", heapSlope);
            chart.put("heapIntercept", heapIntercept);
            chart.put("smallest", smallest);
            chart.put("rssLabel", rssLabel);
            chart.put("heapLabel", heapLabel);
            chart.put("tasks", tasks.json());
            chart.put("axis", axis.json());
            return chart;
        }
    }

    /** The main metrics of a test's results, in the order first met. */
    static List<String> metrics(List<Result> results) {
        List<String> metrics = new ArrayList<>();
        for (Result r : results) {
            for (String m : r.metrics().keySet()) {
                if (Metric.isMain(m) && !metrics.contains(m)) {
                    metrics.add(m);
                }
            }
        }
        return metrics;
    }

    /**
     * The chart of one metric across a test's results: a logarithmic axis when every median is positive and the
     * largest is more than {@link #LOG_ABOVE} times the smallest; a budget drawn on the axis only when it shows
     * beside the data without flattening them (on a linear axis from a tenth of the largest median to twice it, on
     * a logarithmic one within ten times the data's range), the others named for the caption. Null when it would
     * draw fewer than two distinct values.
     */
    static Whiskers kinds(String id, String metric, List<Result> results) {
        Points points = new Points(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
        List<BudgetLine> budgets = new ArrayList<>();
        List<String> below = new ArrayList<>();
        Set<Double> values = new HashSet<>();
        String unit = "";
        for (Result r : results) {
            Figure e = r.metrics().get(metric);
            if (e == null) {
                continue;
            }
            if (e.isBelowResolution()) {
                below.add(r.label());
                continue;
            }
            unit = e.unit();
            values.addAll(List.of(e.low(), e.median(), e.high()));
            points.add(r.label(), e.low(), e.median(), e.high());
            for (Check.Budget b : r.budgets()) {
                if (metric.equals(b.metric())) {
                    budgets.add(new BudgetLine(r.label(), b.limit(), b.verdict().failed()));
                }
            }
        }
        if (values.size() < 2) {
            return null;
        }
        double spread = points.largest / points.smallest;
        boolean log = points.positive && spread > LOG_ABOVE;
        List<BudgetLine> drawn = new ArrayList<>();
        List<String> offAxis = new ArrayList<>();
        for (BudgetLine b : budgets) {
            // a table shows every budget beside its result
            if (points.labels.size() <= TABLE_UP_TO || (log
                    ? b.limit() >= points.smallest / 10 && b.limit() <= points.largest * 10
                    : b.limit() >= points.largest / 10 && b.limit() <= points.largest * 2)) {
                drawn.add(b);
            } else {
                offAxis.add(b.label() + " ≤ " + Units.format(b.limit(), unit) + " ("
                        + (b.failed() ? "failed" : "passed") + ")");
            }
        }
        return points.chart(id, metric, unit, log, log ? spread : 0, drawn, offAxis, below, null, null);
    }

    /**
     * The ratios between the kinds of one run, of one metric: for each group of results that differ only in their
     * kind (the same fixture and invocation, the kind's name taken out of it), every other kind's estimate over the
     * first kind's, as {@code isFasterThan} and {@code isCheaperThan} divide them ({@link Estimate#ratio}). A
     * logarithmic axis where the ratios and 1 differ more than {@value #LOG_ABOVE}×. Null when no group holds two
     * kinds with figures above zero.
     */
    static Whiskers ratios(String id, String metric, List<Result> results) {
        Map<String, List<Result>> groups = new LinkedHashMap<>();
        for (Result r : results) {
            // one result per kind: the first run's, when @Fork(runs = ...) measured several
            if (!r.metrics().containsKey(metric) || r.kind().isEmpty() || r.forkRun() > 1) {
                continue;
            }
            String key = r.fixture() + " " + r.invocation().replace(r.kind(), "…");
            List<Result> group = groups.computeIfAbsent(key, k -> new ArrayList<>());
            if (group.stream().noneMatch(g -> g.kind().equals(r.kind()))) {
                group.add(r);
            }
        }
        // the axis reaches 1× whatever the ratios
        Points points = new Points(1, 1);
        for (List<Result> kinds : groups.values()) {
            Result first = kinds.get(0);
            Figure ref = first.metrics().get(metric);
            for (Result r : kinds.subList(1, kinds.size())) {
                Figure e = r.metrics().get(metric);
                if (!(ref.low() > 0 && e.low() > 0) || e.isBelowResolution() || ref.isBelowResolution()) {
                    continue;
                }
                Estimate ratio = Estimate.ratio(e.estimate(), ref.estimate());
                String invocation = first.invocation().replace(first.kind(), "…");
                points.add(r.kind() + "/" + first.kind() + (groups.size() > 1 && !invocation.isEmpty()
                        ? " · " + invocation : ""), ratio.low(), ratio.median(), ratio.high());
            }
        }
        if (points.labels.isEmpty()) {
            return null;
        }
        return points.chart(id, metric, "×", points.largest / points.smallest > LOG_ABOVE, 0, List.of(), List.of(),
                List.of(), 1, null);
    }

    /**
     * A baseline comparison's history: the medians and intervals of the baseline's recorded runs, oldest first,
     * each labelled with when it was recorded, then this run's; a logarithmic axis where the medians differ more
     * than {@value #LOG_ABOVE}×. Null when the result has no figure of the comparison's metric.
     */
    static Whiskers history(String id, Result r, Check.Baseline comparison) {
        Figure now = r.metrics().get(comparison.metric());
        if (now == null) {
            return null;
        }
        Points points = new Points(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < comparison.history().size(); i++) {
            Check.Recorded run = comparison.history().get(i);
            // numbered, so that two runs recorded in one minute keep their own places on the axis
            points.add("run " + (i + 1) + (run.recordedAt() == null ? "" : " · " + run.recordedAt().replace('T', ' ')
                    .replaceAll(":\\d\\d(\\.\\d+)?Z$", " UTC")), run.low(), run.median(), run.high());
        }
        points.add("this run", now.low(), now.median(), now.high());
        return points.chart(id, comparison.metric(), now.unit(), points.positive
                && points.largest / points.smallest > LOG_ABOVE, 0, List.of(), List.of(), List.of(), null, "this run");
    }

    /** The pairs of rounds of a comparison with the base build, in the order measured. */
    static Pairs pairs(String id, Result r, Check.Base comparison) {
        List<Double> drawn = new ArrayList<>(comparison.ratios());
        drawn.add(comparison.ratio());
        drawn.add(1.0);
        int n = comparison.ratios().size();
        return new Pairs(id, r.label(), comparison.ratios(), comparison.ratio(), comparison.verdict().failed(),
                Axis.linear(drawn, "×", false), Axis.linear(List.of(1.0, (double) n), "1", false));
    }

    /**
     * A memory fit relative to its smallest population; each line's legend gives its figure per task, or says that
     * the figure is below resolution.
     */
    static MemoryFit fit(String id, Result r) {
        Fit fit = r.fit();
        Fit.Point smallest = fit.points().stream().min(Comparator.comparingInt(Fit.Point::tasks)).orElseThrow();
        double rss0 = smallest.rssBytes();
        double heap0 = smallest.heapBytes();
        List<List<Number>> points = fit.points().stream().<List<Number>>map(p -> List.of(p.tasks(),
                p.rssBytes() - rss0, p.heapBytes() - heap0)).toList();
        double fewest = smallest.tasks();
        double most = fit.points().stream().mapToInt(Fit.Point::tasks).max().orElseThrow();
        List<Double> drawn = new ArrayList<>();
        points.forEach(p -> {
            drawn.add(p.get(1).doubleValue());
            drawn.add(p.get(2).doubleValue());
        });
        // the fitted lines' ends, as report.js draws them from the fewest tasks to the most
        for (double tasks : List.of(fewest, most)) {
            drawn.add(fit.rssIntercept() - rss0 + fit.rssSlope() * tasks);
            drawn.add(fit.heapIntercept() - heap0 + fit.heapSlope() * tasks);
        }
        return new MemoryFit(id, r.label(), points, fit.rssSlope(), fit.rssIntercept() - rss0, fit.heapSlope(),
                fit.heapIntercept() - heap0, smallest.tasks(),
                "RSS fit, " + perTask(r.metrics().get(Metric.RSS_BYTES_PER_TASK.key())) + ", R² "
                        + String.format(Locale.ROOT, "%.3f", fit.rssR2()),
                "heap fit, " + perTask(r.metrics().get(Metric.HEAP_BYTES_PER_TASK.key())) + ", R² "
                        + String.format(Locale.ROOT, "%.3f", fit.heapR2()),
                Axis.linear(List.of(fewest, most), "1", false), Axis.linear(drawn, "B", true));
    }

    /** {@code 1.02 KiB/task}, or what the report says of a figure below resolution. */
    private static String perTask(Figure e) {
        return e.isBelowResolution() ? e.belowResolution() : Units.format(e.median(), "B") + "/task";
    }

    /** The points of a chart of whiskers, and the range of their medians for the choice of axis. */
    private static final class Points {

        final List<String> labels = new ArrayList<>();
        final List<List<Double>> intervals = new ArrayList<>();
        final List<Double> medians = new ArrayList<>();
        double smallest;
        double largest;
        /** Whether every interval is above zero, so that a logarithmic axis can show it. */
        boolean positive = true;

        /** With the range of the medians starting at {@code [smallest, largest]}. */
        Points(double smallest, double largest) {
            this.smallest = smallest;
            this.largest = largest;
        }

        void add(String label, double low, double median, double high) {
            labels.add(label);
            intervals.add(List.of(low, high));
            medians.add(median);
            smallest = Math.min(smallest, median);
            largest = Math.max(largest, median);
            positive &= low > 0;
        }

        Whiskers chart(String id, String metric, String unit, boolean log, double spread, List<BudgetLine> budgets,
                       List<String> offAxis, List<String> below, Integer reference, String last) {
            List<Double> drawn = new ArrayList<>(medians);
            intervals.forEach(drawn::addAll);
            budgets.forEach(b -> drawn.add(b.limit()));
            if (reference != null) {
                drawn.add((double) reference);
            }
            Axis axis = log ? Axis.logarithmic(drawn, unit) : Axis.linear(drawn, unit, reference == null);
            return new Whiskers(id, metric, unit, log, labels, intervals, medians, spread, budgets, offAxis, below,
                    reference, last, axis);
        }
    }
}
