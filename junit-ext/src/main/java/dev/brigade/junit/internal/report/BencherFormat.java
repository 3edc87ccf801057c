package dev.brigade.junit.internal.report;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.brigade.junit.internal.fork.ResultCodec;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * {@code bencher.json}: the run's results in the Bencher Metric Format, which {@code bencher run --adapter json}
 * reads. Stateless.
 */
final class BencherFormat implements ReportFormat {

    private static final Pattern CAMEL_HUMP = Pattern.compile("([a-z0-9])([A-Z])");
    private static final Map<String, String> SLUGS = new ConcurrentHashMap<>();

    @Override
    public String fileName() {
        return "bencher.json";
    }

    /** Compact, for tools. */
    @Override
    public String render(Map<String, Object> root) throws IOException {
        return JSON.std.asString(benchmarks(ReportFormat.results(root))) + "\n";
    }

    /** {@code { "<test> <invocation> <kind>": { "<metric-slug>": { value, lower_value, upper_value } } }}. */
    static Map<String, Object> benchmarks(List<Object> records) {
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
}
