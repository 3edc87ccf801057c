package dev.brigade.junit.internal.report;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.brigade.junit.internal.fork.ResultCodec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
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
    public String render(Map<String, Object> root) throws IOException {
        return JSON.std.asString(entries(ReportFormat.results(root))) + "\n";
    }

    /** JMH's result list: {@code [ { "benchmark", "mode", "params", "primaryMetric": {...}, ... } ]}. */
    static List<Object> entries(List<Object> records) {
        List<Object> entries = new ArrayList<>();
        String jvm = System.getProperty("java.home");
        String jdkVersion = Runtime.version().toString();
        String vmName = System.getProperty("java.vm.name");
        String vmVersion = System.getProperty("java.vm.version");
        for (Object o : records) {
            Map<String, Object> r = ResultCodec.map(o);
            ResultCodec.map(r.get("metrics")).forEach((metric, value) -> {
                Map<String, Object> e = ResultCodec.map(value);
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("jmhVersion", "1.37");
                entry.put("benchmark", ((String) r.get("test")).replace('#', '.'));
                entry.put("mode", "avgt");
                entry.put("threads", 1);
                entry.put("forks", Boolean.TRUE.equals(r.get("forked")) ? 1 : 0);
                entry.put("jvm", jvm);
                entry.put("jvmArgs", List.of());
                entry.put("jdkVersion", jdkVersion);
                entry.put("vmName", vmName);
                entry.put("vmVersion", vmVersion);
                entry.put("warmupIterations", 0);
                entry.put("warmupTime", "");
                entry.put("warmupBatchSize", 1);
                entry.put("measurementIterations", e.get("samples"));
                entry.put("measurementTime", "");
                entry.put("measurementBatchSize", 1);
                Map<String, Object> params = new LinkedHashMap<>();
                params.put("invocation", r.get("invocation"));
                params.put("kind", r.get("kind"));
                params.put("metric", metric);
                entry.put("params", params);
                double[] values = ((List<?>) e.get("values")).stream().mapToDouble(v -> ((Number) v).doubleValue())
                        .toArray();
                Map<String, Object> primary = new LinkedHashMap<>();
                double low = ((Number) e.get("low")).doubleValue();
                double high = ((Number) e.get("high")).doubleValue();
                primary.put("score", e.get("median"));
                primary.put("scoreError", (high - low) / 2);
                primary.put("scoreConfidence", List.of(low, high));
                primary.put("scorePercentiles", percentiles(values, ((Number) e.get("median")).doubleValue()));
                primary.put("scoreUnit", unit((String) e.get("unit")));
                primary.put("rawData", List.of(Arrays.stream(values).boxed().toList()));
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
            double q = QUANTILES[i];
            p.put(PERCENTILES[i], sorted.length == 0 ? median
                    : sorted[(int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]);
        }
        return p;
    }
}
