package dev.brigade.junit;

import dev.brigade.fixture.BrigadeFixture;
import dev.brigade.fixture.BrigadeResult;
import dev.brigade.fixture.LinkType;
import dev.brigade.fixture.RunStats;
import dev.brigade.fixture.TaskKind;
import dev.brigade.junit.internal.report.RunReportAccess;
import dev.brigade.measure.Estimate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Issue 7's figures: what writing the reports costs over a run of 100 results (written after every invocation of
 * two results, as the extension does), and the size of report.html for 1,000 results. Open that file in Chromium
 * to time it.
 *
 * <p>{@code flock /tmp/brigade.lock ./mvnw -q -o -pl junit-ext test-compile exec:exec@report-cost}; with
 * {@code -Dbrigade.reportcost=cold} without warming up the JVM first; with {@code -Dbrigade.reportcost=run} a real
 * run of 100 results through the Launcher, whose console summary gives what the reports cost it.
 */
public final class ReportCost {

    private ReportCost() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("run")) {
            run();
            return;
        }
        Path dir = Files.createTempDirectory("brigade-report-cost");
        List<Map<String, Object>> records = records(100);
        boolean cold = args.length > 0 && args[0].equals("cold");
        for (int warm = 0; warm < (cold ? 0 : 3); warm++) {
            Path warmUp = Files.createTempDirectory("brigade-report-warm-up");
            incremental(warmUp, records);
            RunReportAccess.render(warmUp);
            delete(warmUp);
        }
        long start = System.nanoTime();
        incremental(dir, records);
        long parts = System.nanoTime();
        RunReportAccess.render(dir);
        System.out.printf("100 results, kept after each of 50 invocations: %.0f ms, files rendered once: %.0f ms%n",
                (parts - start) / 1e6, (System.nanoTime() - parts) / 1e6);
        delete(dir);
        Path big = Files.createTempDirectory("brigade-report-1000");
        start = System.nanoTime();
        RunReportAccess.write(big, records(1000));
        RunReportAccess.render(big);
        System.out.printf("1000 results, one write: %.0f ms; report.html %d bytes, brigade-results.json %d bytes: %s%n",
                (System.nanoTime() - start) / 1e6, Files.size(big.resolve("report.html")),
                Files.size(big.resolve("brigade-results.json")), big.resolve("report.html"));
    }

    /**
     * A real run in this fresh JVM: the Launcher runs {@link Workload} (50 invocations of two measured brigades,
     * 100 results), and the console summary says what the reports cost, as in any user's run.
     */
    private static void run() throws IOException {
        Path dir = Files.createTempDirectory("brigade-report-run");
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectClass(Workload.class))
                .configurationParameter(Constants.REPORT_DIR_PROPERTY_NAME, dir.toString())
                .build();
        long start = System.nanoTime();
        LauncherFactory.create().execute(request);
        System.out.printf("run of 100 results: %.1f s, of which reports %d ms%n", (System.nanoTime() - start) / 1e9,
                RunReportAccess.spent().toMillis());
        delete(dir);
    }

    /** 50 invocations, each measuring a VIRTUAL and a PLATFORM brigade briefly: 100 results. */
    @ExtendWith(BrigadeExtension.class)
    static class Workload {
        @RepeatedTest(50)
        void twoKinds(BrigadeFixture brigade) {
            for (TaskKind kind : List.of(TaskKind.VIRTUAL, TaskKind.PLATFORM)) {
                brigade.kind(kind).tasks(20).link(LinkType.QUEUE).warmup(Duration.ofMillis(20))
                        .measure(Duration.ofMillis(40)).run();
            }
        }
    }

    /** Deletes {@code dir} and everything in it. */
    static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    private static void incremental(Path dir, List<Map<String, Object>> records) {
        for (int i = 2; i <= records.size(); i += 2) {
            RunReportAccess.write(dir, records.subList(i - 2, i));
        }
    }

    private static List<Map<String, Object>> records(int n) {
        SplittableRandom random = new SplittableRandom(1);
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            TaskKind kind = i % 2 == 0 ? TaskKind.VIRTUAL : TaskKind.PLATFORM;
            Estimate e = Estimate.of("ns", random.doubles(20, 900, 1100).toArray());
            BrigadeResult r = new BrigadeResult(kind, "QUEUE", 500, false, 1_000_000, e, e, Estimate.of("1",
                    random.doubles(20, 0.001, 0.002).toArray()), Estimate.of("B", random.doubles(20, 60, 70).toArray()),
                    null, OptionalLong.empty(), new RunStats(1, 2, 20, 4, 5, "linux"));
            records.add(RunReportAccess.record("com.example.Test" + (i / 10) + "#handOff" + (i % 5),
                    "[" + kind + "] 500 tasks, QUEUE", r));
        }
        return records;
    }
}
