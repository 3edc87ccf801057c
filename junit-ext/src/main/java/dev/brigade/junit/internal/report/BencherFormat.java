package dev.brigade.junit.internal.report;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.brigade.junit.internal.report.model.Result;
import dev.brigade.junit.internal.report.model.Run;
import dev.brigade.junit.internal.report.model.RunJson;
import java.io.IOException;
import java.util.Collection;
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
    public String render(Run run) throws IOException {
        return JSON.std.asString(benchmarks(run)) + "\n";
    }

    /** {@link #benchmarks(Run)} of results read from JSON trees, through {@link RunJson}. */
    static Map<String, Object> benchmarks(List<Object> records) {
        return benchmarks(records.stream().map(RunJson::result).toList());
    }

    /** {@code { "<test> <invocation> <kind>": { "<metric-slug>": { value, lower_value, upper_value } } }}. */
    static Map<String, Object> benchmarks(Run run) {
        return benchmarks(run.results());
    }

    private static Map<String, Object> benchmarks(Collection<Result> records) {
        Map<String, Object> benchmarks = new LinkedHashMap<>();
        for (Result r : records) {
            Map<String, Object> measures = new LinkedHashMap<>();
            r.metrics().forEach((metric, e) -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("value", e.median());
                m.put("lower_value", e.low());
                m.put("upper_value", e.high());
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

    private static String name(Result r, String separator) {
        return r.test() + (r.invocation().isEmpty() ? "" : separator + r.invocation()) + separator + r.fixture()
                + " " + r.kind();
    }
}
