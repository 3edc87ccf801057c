package dev.brigade.junit.internal.report;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.brigade.junit.internal.report.model.Result;
import dev.brigade.junit.internal.report.model.Run;
import dev.brigade.junit.internal.report.model.RunJson;
import dev.brigade.measure.Statistics;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code jmh-results.json}: the run's results in JMH's JSON result format, one entry per test invocation, result and
 * metric, so that JMH visualisers and CI benchmark actions take it as is. Stateless.
 */
final class JmhFormat implements ReportFormat {

    private static final String[] PERCENTILES = {"0.0", "50.0", "90.0", "95.0", "99.0", "99.9", "99.99", "99.999",
        "99.9999", "100.0"};
    private static final double[] QUANTILES = {0, 0.5, 0.9, 0.95, 0.99, 0.999, 0.9999, 0.99999, 0.999999, 1};

    @Override
    public String fileName() {
        return "jmh-results.json";
    }

    /** Compact, for tools. */
    @Override
    public String render(Run run) throws IOException {
        return JSON.std.asString(entries(run)) + "\n";
    }

    /** {@link #entries(Run)} of results read from JSON trees, through {@link RunJson}. */
    static List<Object> entries(List<Object> records) {
        return entries(records.stream().map(RunJson::result).toList());
    }

    /** JMH's result list: {@code [ { "benchmark", "mode", "params", "primaryMetric": {...}, ... } ]}. */
    static List<Object> entries(Run run) {
        return entries(run.results());
    }

    private static List<Object> entries(Collection<Result> records) {
        List<Object> entries = new ArrayList<>();
        String jvm = System.getProperty("java.home");
        String jdkVersion = Runtime.version().toString();
        String vmName = System.getProperty("java.vm.name");
        String vmVersion = System.getProperty("java.vm.version");
        for (Result r : records) {
            r.metrics().forEach((metric, e) -> {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("jmhVersion", "1.37");
                entry.put("benchmark", r.test().replace('#', '.'));
                entry.put("mode", "avgt");
                entry.put("threads", 1);
                entry.put("forks", r.forked() ? 1 : 0);
                entry.put("jvm", jvm);
                entry.put("jvmArgs", List.of());
                entry.put("jdkVersion", jdkVersion);
                entry.put("vmName", vmName);
                entry.put("vmVersion", vmVersion);
                entry.put("warmupIterations", 0);
                entry.put("warmupTime", "");
                entry.put("warmupBatchSize", 1);
                entry.put("measurementIterations", e.samples());
                entry.put("measurementTime", "");
                entry.put("measurementBatchSize", 1);
                Map<String, Object> params = new LinkedHashMap<>();
                params.put("invocation", r.invocation());
                params.put("kind", r.kind());
                params.put("metric", metric);
                entry.put("params", params);
                double[] values = e.values().stream().mapToDouble(Double::doubleValue).toArray();
                Map<String, Object> primary = new LinkedHashMap<>();
                primary.put("score", e.median());
                primary.put("scoreError", (e.high() - e.low()) / 2);
                primary.put("scoreConfidence", List.of(e.low(), e.high()));
                primary.put("scorePercentiles", percentiles(values, e.median()));
                primary.put("scoreUnit", unit(e.unit()));
                primary.put("rawData", List.of(e.values()));
                entry.put("primaryMetric", primary);
                entry.put("secondaryMetrics", Map.of());
                entries.add(entry);
            });
        }
        return entries;
    }

    private static String unit(String unit) {
        return switch (unit) {
            case "ns" -> "ns/op";
            case "B" -> "B/op";
            default -> "#/op";
        };
    }

    /** JMH's percentile keys, nearest-rank over the rounds; the median alone when there are none (a fit). */
    private static Map<String, Object> percentiles(double[] sorted, double median) {
        Map<String, Object> p = new LinkedHashMap<>();
        for (int i = 0; i < PERCENTILES.length; i++) {
            p.put(PERCENTILES[i], sorted.length == 0 ? median : Statistics.nearestRankOfSorted(sorted, QUANTILES[i]));
        }
        return p;
    }
}
