package dev.brigade.junit;

import static dev.brigade.fixture.TaskKind.PLATFORM;
import static dev.brigade.fixture.TaskKind.VIRTUAL;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.brigade.fixture.BrigadeFixture;
import dev.brigade.fixture.LinkType;
import dev.brigade.junit.internal.report.RunReportAccess;
import dev.brigade.measure.Estimate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Issue 10's figures: do brigades measured under JUnit's parallel execution ({@code mode.default = concurrent},
 * measured tests serialized by Brigade's lock) agree with a serial run of the same tests? Alternates the two modes
 * in one JVM, three rounds, and prints each kind's median per-hop time per mode.
 *
 * <p>{@code flock /tmp/brigade.lock ./mvnw -q -o -pl junit-ext test-compile exec:exec@parallel-agreement}
 */
public final class ParallelAgreement {

    private ParallelAgreement() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, List<Double>> medians = new TreeMap<>();
        for (int round = 0; round < 3; round++) {
            for (boolean parallel : new boolean[] {false, true}) {
                Path dir = Files.createTempDirectory("brigade-parallel-agreement");
                TestKit.run(Workload.class, Constants.REPORT_DIR_PROPERTY_NAME, dir.toString(),
                        "junit.jupiter.execution.parallel.enabled", Boolean.toString(parallel),
                        "junit.jupiter.execution.parallel.mode.default", "concurrent",
                        "junit.jupiter.execution.parallel.mode.classes.default", "concurrent");
                RunReportAccess.render(dir);
                for (Object o : (List<?>) JSON.std.mapFrom(Files.readString(dir.resolve("brigade-results.json")))
                        .get("results")) {
                    Map<?, ?> r = (Map<?, ?>) o;
                    Map<?, ?> perHop = (Map<?, ?>) ((Map<?, ?>) r.get("metrics")).get("nanosPerHop");
                    medians.computeIfAbsent(r.get("kind") + (parallel ? " parallel" : " serial"),
                            k -> new ArrayList<>()).add(((Number) perHop.get("median")).doubleValue());
                }
                ReportCost.delete(dir);
            }
        }
        medians.forEach((key, values) -> System.out.printf(Locale.ROOT, "%-18s median of %2d results %8.0f ns per hop,"
                + " range %.0f-%.0f%n", key, values.size(), median(values), values.stream().mapToDouble(d -> d).min()
                .orElse(0), values.stream().mapToDouble(d -> d).max().orElse(0)));
    }

    private static double median(List<Double> values) {
        return Estimate.of("ns", values.stream().mapToDouble(d -> d).toArray()).median();
    }

    /** Four measured templates of two kinds: eight results per run. */
    @TestKit.TestCase
    static class Workload {
        @Brigade(tasks = 100, kinds = {VIRTUAL, PLATFORM}, link = LinkType.QUEUE, warmup = "200ms", measure = "500ms")
        void first(BrigadeFixture brigade) {
            brigade.measureMemory(false).run();
        }

        @Brigade(tasks = 100, kinds = {VIRTUAL, PLATFORM}, link = LinkType.QUEUE, warmup = "200ms", measure = "500ms")
        void second(BrigadeFixture brigade) {
            brigade.measureMemory(false).run();
        }

        @Brigade(tasks = 100, kinds = {VIRTUAL, PLATFORM}, link = LinkType.QUEUE, warmup = "200ms", measure = "500ms")
        void third(BrigadeFixture brigade) {
            brigade.measureMemory(false).run();
        }

        @Brigade(tasks = 100, kinds = {VIRTUAL, PLATFORM}, link = LinkType.QUEUE, warmup = "200ms", measure = "500ms")
        void fourth(BrigadeFixture brigade) {
            brigade.measureMemory(false).run();
        }
    }
}
