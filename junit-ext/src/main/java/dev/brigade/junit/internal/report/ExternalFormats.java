package dev.brigade.junit.internal.report;

import dev.brigade.junit.internal.fork.ResultCodec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The run's results in the formats other tools read: JMH's JSON result format (one entry per test invocation,
 * result and metric, so JMH visualisers and CI benchmark actions take it as is) and the Bencher Metric Format.
 * Built from the records of {@link RunReport}, the same maps as {@code brigade-results.json}. Stateless.
 */
final class ExternalFormats {

    private static final Pattern CAMEL_HUMP = Pattern.compile("([a-z0-9])([A-Z])");
    private static final Map<String, String> SLUGS = new ConcurrentHashMap<>();
    private static final String[] PERCENTILES = {"0.0", "50.0", "90.0", "95.0", "99.0", "99.9", "99.99", "99.999",
        "99.9999", "100.0"};
    private static final double[] QUANTILES = {0, 0.5, 0.9, 0.95, 0.99, 0.999, 0.9999, 0.99999, 0.999999, 1};

    private ExternalFormats() {
    }

    /** {@code { "<test> <invocation> <kind>": { "<metric-slug>": { value, lower_value, upper_value } } }}. */
    static Map<String, Object> bencher(List<Object> records) {
        Map<String, Object> benchmarks = new LinkedHashMap<>();
        for (Object o : records) {
            Map<String, Object> r = ResultCodec.map(o);
            Map<String, Object> measures = new LinkedHashMap<>();
            ResultCodec.map(r.get("metrics")).forEach((metric, value) -> {
                Map<String, Object> e = ResultCodec.map(value);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("value", e.get("median"));
                m.put("lower_value", e.get("low"));
                m.put("upper_value", e.get("high"));
                measures.put(slug(metric), m);
            });
            benchmarks.put(name(r, " "), measures);
        }
        return benchmarks;
    }

    /** JMH's result list: {@code [ { "benchmark", "mode", "params", "primaryMetric": {...}, ... } ]}. */
    static List<Object> jmh(List<Object> records) {
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

    /** {@code nanosPerHop} → {@code nanos-per-hop}: Bencher's measure slugs are lower-case, dash-separated. */
    static String slug(String metric) {
        return SLUGS.computeIfAbsent(metric,
                m -> CAMEL_HUMP.matcher(m).replaceAll("$1-$2").toLowerCase(Locale.ROOT));
    }

    private static String name(Map<String, Object> r, String separator) {
        String invocation = (String) r.get("invocation");
        return r.get("test") + (invocation.isEmpty() ? "" : separator + invocation) + separator + r.get("fixture")
                + " " + r.get("kind");
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
