package dev.brigade.junit.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.brigade.fixture.BrigadeResult;
import dev.brigade.fixture.MemoryResult;
import dev.brigade.fixture.RunStats;
import dev.brigade.fixture.SpawnResult;
import dev.brigade.fixture.TaskKind;
import dev.brigade.junit.internal.baseline.BaselineStore;
import dev.brigade.junit.internal.explain.Explained;
import dev.brigade.junit.internal.report.model.Check;
import dev.brigade.junit.internal.report.model.Finding;
import dev.brigade.junit.internal.report.model.Machine;
import dev.brigade.junit.internal.report.model.Result;
import dev.brigade.junit.internal.report.model.Run;
import dev.brigade.junit.internal.report.model.RunJson;
import dev.brigade.junit.internal.report.model.Verdict;
import dev.brigade.measure.BaseComparison;
import dev.brigade.measure.BaselineComparison;
import dev.brigade.measure.Estimate;
import dev.brigade.measure.Metric;
import dev.brigade.measure.PairedRatio;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The run's one codec: a run with every optional field (a memory fit, a fork run, a baseline of several runs with
 * its history, a comparison with the base build and its pairs, a figure below resolution, a figure that is not a
 * number, findings) is written, read back and written again to the same bytes, as brigade-results.json and as a part
 * another JVM of the run writes: the file renders the same whichever JVM wrote it.
 */
class RunJsonTest {

    private static final Estimate PER_HOP = Estimate.of("ns", IntStream.range(0, 20).mapToDouble(i -> 1_000 + 10 * i)
            .toArray());
    private static final RunStats STATS = new RunStats(300_000_000L, 1_000_000_000L, 20, 2_000, 1_000, "linux");

    private static List<Result> results() {
        MemoryResult memory = new MemoryResult(TaskKind.VIRTUAL, 400, Estimate.ofInterval("B", 3_300, 2_400, 4_000,
                0.1, 4), Estimate.ofInterval("B", -1_400, -3_300, 1_500, 0.05, 4), 0.97, 0.99,
                List.of(new MemoryResult.Point(100, 100_000_000, 20_000_000),
                        new MemoryResult.Point(400, 5_000_000_000L, 20_420_000)));
        BrigadeResult brigade = new BrigadeResult(TaskKind.VIRTUAL, "QUEUE", 400, false, 1_000_000, PER_HOP,
                PER_HOP.times(2), Estimate.of("1", 0.001, 0.002, 0.003, 0.002, 0.002, 0.001),
                Estimate.ofInterval("B", 64, 64, 64, Double.NaN, 6), memory, OptionalLong.empty(), STATS);
        BaselineComparison baseline = BaselineComparison.of(Metric.NANOS_PER_HOP, List.of(PER_HOP.times(0.95), PER_HOP,
                PER_HOP.times(1.05)), PER_HOP, 0.10);
        double[] current = IntStream.range(0, 8).mapToDouble(i -> 1_100 + i).toArray();
        double[] base = IntStream.range(0, 8).mapToDouble(i -> 1_000 + 2 * i).toArray();
        BaseComparison against = new BaseComparison(Metric.NANOS_PER_HOP.key(), "VIRTUAL", Estimate.of("ns", current),
                Estimate.of("ns", base), PairedRatio.of(current, base), 0.05, true);
        List<BaselineStore.RecordedRun> history = List.of(
                new BaselineStore.RecordedRun("2026-12-01T10:00:00Z", Map.of("nanosPerHop", PER_HOP)),
                new BaselineStore.RecordedRun(null, Map.of("nanosPerHop", PER_HOP.times(1.05))));
        SpawnResult spawn = new SpawnResult(TaskKind.PLATFORM, 1_000, 20_000, PER_HOP.times(100), PER_HOP.times(20),
                Estimate.of("1", 2, 2, 2, 2, 2, 3), PER_HOP.times(50), Estimate.of("B", 512, 512, 512, 512, 512, 512),
                STATS);
        return List.of(ReportRecords.of("com.example.HandOffTest#handOff", "[VIRTUAL] 400 tasks, QUEUE", brigade, true,
                        2, List.of(new Check.Budget("nanosPerHop", 2_000, Verdict.PASS),
                                new Check.Budget("nanosPerHop", 1, Verdict.FAIL)), List.of(baseline),
                        List.of(against), history, null, new Explained(List.of(
                                "  where the time moved (JFR execution samples):",
                                "    +1.90 µs/hop  com.example.Codec.encode(Frame)  total 11 % → 38 %",
                                "  recording: target/brigade/HandOffTest.handOff-VIRTUAL.jfr"),
                                Optional.of(Path.of("target/brigade/HandOffTest.handOff-VIRTUAL.jfr")), List.of())),
                ReportRecords.of("com.example.SpawnTest#spawn", "quote \" <b>ünï</b>\n", spawn, false, 0, List.of(),
                        List.of(), List.of(), List.of(), "new in this change", Explained.none()));
    }

    private static List<Finding> findings() {
        return List.of(new Finding("com.example.Claims#claim", "1 hop cost", "8.5×", "VIRTUAL 1 µs", "holds", 4, 5,
                "PLATFORM/VIRTUAL 7.7× [7.2–8.1], 10 pairs"), new Finding("com.example.Claims#other", "only a claim",
                null, null, "unclear", null, null, null));
    }

    @Test
    void a_run_read_back_writes_the_same_bytes() throws Exception {
        Run run = new Run("0.1.0", "2026-12-05T00:00:00Z", new Machine("AMD EPYC", 2, "Linux amd64", "25+36",
                "-XX:+UseG1GC", "amd64", "3f2a9c01b7e4"), results(), findings());
        String written = RunJson.results(run);

        Run read = RunJson.run(JSON.std.anyFrom(written));

        assertThat(RunJson.results(read)).isEqualTo(written);
        assertThat(written).contains("\"forkRun\" : 2", "\"history\" : [", "\"ratios\" : [", "\"belowResolution\"",
                "\"cv\" : \"NaN\"", "\"verdict\" : \"fail\"", "5000000000");
        assertThat(read.results().get(0).base()).singleElement().satisfies(b -> assertThat(b.verdict())
                .isEqualTo(Verdict.FAIL));
    }

    @Test
    void a_part_read_back_holds_the_same_records() throws Exception {
        String part = RunJson.part("1_2", results(), findings());

        RunJson.Part read = RunJson.part(part);

        assertThat(RunJson.part("1_2", read.results(), read.findings())).isEqualTo(part);
        assertThat(read.results()).hasSize(2);
        assertThat(read.findings()).hasSize(2);
    }
}
