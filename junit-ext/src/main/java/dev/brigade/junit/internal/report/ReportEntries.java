package dev.brigade.junit.internal.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.brigade.fixture.BrigadeResult;
import dev.brigade.fixture.Cost;
import dev.brigade.fixture.Measurement;
import dev.brigade.fixture.MemoryResult;
import dev.brigade.fixture.SpawnResult;
import dev.brigade.junit.Constants;
import dev.brigade.junit.internal.invocation.InvocationResults;
import dev.brigade.measure.Estimate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Publishes every result of an invocation as a JUnit report entry, one entry per result with one key per metric:
 * {@code brigade.VIRTUAL.nanosPerHop = 1.21 µs [1.18–1.25], 20 samples}; a result of an invocation run in several
 * forks ({@code @Fork(runs = ...)}) starts with {@code brigade.fork.run = 2}, the run that measured it. Prints,
 * never grades.
 *
 * <p>Public for {@code lifecycle}, whose {@code InvocationVerdicts} publishes the entries.
 */
@API(status = INTERNAL, since = "0.1.0")
public final class ReportEntries {

    private ReportEntries() {
    }

    public static void publish(ExtensionContext context, InvocationResults.Collected results) {
        for (Measurement result : results.all()) {
            Map<String, String> entry = entry(result);
            int run = results.runOf(result);
            if (!entry.isEmpty() && run > 0) {
                Map<String, String> marked = new LinkedHashMap<>();
                marked.put(Constants.REPORT_ENTRY_PREFIX + "fork.run", String.valueOf(run));
                marked.putAll(entry);
                entry = marked;
            }
            if (!entry.isEmpty()) {
                context.publishReportEntry(entry);
                if (UNDER_SUREFIRE) {
                    entry.forEach((key, value) -> System.out.println(key + " = " + value));
                }
            }
        }
    }

    /**
     * Maven Surefire (3.5) does not write JUnit report entries into its XML reports, but it does write what a test
     * prints into the test's {@code <system-out>}: under Surefire the entries are printed too, so the XML holds them.
     */
    private static final boolean UNDER_SUREFIRE = System.getProperty("surefire.test.class.path") != null
            || System.getProperty("surefire.real.class.path") != null;

    /** The entry of one result, keys in the order of its metrics. */
    static Map<String, String> entry(Measurement result) {
        Map<String, String> entry = new LinkedHashMap<>();
        switch (result) {
            case BrigadeResult r -> put(entry, r.label(), r.metrics(), r.memoryPerTask());
            case SpawnResult r -> put(entry, r.label(), r.metrics(), null);
            case MemoryResult r -> put(entry, r.label(), r.metrics(), r);
            case Cost c -> entry.put(Constants.REPORT_ENTRY_PREFIX + "cost", c.toString());
        }
        return entry;
    }

    /** One key per metric; a memory figure below resolution says so instead of printing its noise as a figure. */
    private static void put(Map<String, String> entry, String label, Map<String, Estimate> metrics,
                            MemoryResult memory) {
        metrics.forEach((metric, estimate) -> entry.put(Constants.REPORT_ENTRY_PREFIX + label + "." + metric,
                memory != null && memory.metrics().containsKey(metric) ? memory.describe(estimate)
                        : estimate.toString()));
    }
}
