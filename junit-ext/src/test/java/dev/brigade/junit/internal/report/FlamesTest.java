package dev.brigade.junit.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.brigade.fixture.BrigadeResult;
import dev.brigade.fixture.RunStats;
import dev.brigade.fixture.TaskKind;
import dev.brigade.junit.internal.explain.Explained;
import dev.brigade.junit.internal.report.model.Flame;
import dev.brigade.junit.internal.report.model.Machine;
import dev.brigade.junit.internal.report.model.Result;
import dev.brigade.junit.internal.report.model.Run;
import dev.brigade.junit.internal.report.model.RunJson;
import dev.brigade.measure.Estimate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The flame graph's tree, from collapsed-stack files as the explanation writes them: both sides merged frame by frame,
 * pruned by share and by count, read back through the run's codec unchanged, and its library inlined only in a page
 * that has one.
 */
class FlamesTest {

    private static final Machine MACHINE = new Machine("AMD EPYC", 2, "Linux amd64", "25+36", "-XX:+UseG1GC",
            "amd64", "3f2a9c01b7e4");

    @TempDir
    Path dir;

    /** An explanation whose recording left the stacks {@code current} and {@code base} beside the .jfr. */
    private Explained lines(List<String> current, List<String> base) throws Exception {
        Path currentStacks = Files.write(dir.resolve("X.t-VIRTUAL-current.collapsed"), current);
        Path baseStacks = Files.write(dir.resolve("X.t-VIRTUAL-base.collapsed"), base);
        return new Explained(List.of("  where the time moved (...):", "    +1.00 µs/hop  encode()  total 20 % → 60 %",
                "  recording: " + dir.resolve("X.t-VIRTUAL.jfr") + "; stacks (flamegraph.pl, speedscope):"
                        + " X.t-VIRTUAL-current.collapsed, X.t-VIRTUAL-base.collapsed"),
                Optional.of(dir.resolve("X.t-VIRTUAL.jfr")), List.of(currentStacks, baseStacks));
    }

    private static Result record(Explained lines) {
        Estimate perHop = Estimate.of("ns", IntStream.range(0, 20).mapToDouble(i -> 1_000 + i).toArray());
        BrigadeResult result = new BrigadeResult(TaskKind.VIRTUAL, "QUEUE", 20, false, 1_000, perHop, perHop,
                Estimate.of("1", 1, 1, 1, 1, 1, 1), Estimate.of("B", 64, 64, 64, 64, 64, 64), null,
                OptionalLong.empty(), new RunStats(1_000_000L, 1_000_000L, 20, 1, 1, "linux"));
        return ReportRecords.of("X#t", "[VIRTUAL] 20 tasks, QUEUE", result, false, 0, List.of(), List.of(),
                List.of(), List.of(), null, lines);
    }

    @Test
    void both_sides_merge_frame_by_frame_and_a_frame_under_half_a_percent_of_each_is_left_out() throws Exception {
        Result r = record(lines(List.of("main;run;encode 180", "main;run;decode 119", "main;run;decode;blip 1"),
                List.of("main;run;encode 60", "main;run;decode 240")));

        Flame flame = r.explanation().flame();

        assertThat(r.explanation().recording()).isEqualTo(dir.resolve("X.t-VIRTUAL.jfr").toString());
        assertThat(r.explanation().stacks()).containsExactly(dir.resolve("X.t-VIRTUAL-current.collapsed").toString(),
                dir.resolve("X.t-VIRTUAL-base.collapsed").toString());
        assertThat(flame.samplesCurrent()).isEqualTo(300);
        assertThat(flame.samplesBase()).isEqualTo(300);
        // blip: 1 of 300 current samples, none of base: under 0.5 % of both
        assertThat(flame.framesLeftOut()).isEqualTo(1);
        Flame.Frame run = flame.root().children().get(0).children().get(0);
        assertThat(run.name()).isEqualTo("run");
        assertThat(run.children()).extracting(Flame.Frame::name, Flame.Frame::current, Flame.Frame::base)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("decode", 120, 240),
                        org.assertj.core.groups.Tuple.tuple("encode", 180, 60));
        assertThat(run.children().get(0).children()).isEmpty();
    }

    @Test
    void a_deep_stack_keeps_its_first_frames_within_the_cap() throws Exception {
        String deep = String.join(";", IntStream.range(0, 1_000).mapToObj(i -> "recurse" + i).toList());

        Flame flame = record(lines(List.of(deep + " 50"), List.of(deep + " 40"))).explanation().flame();

        assertThat(flame.root().size()).isEqualTo(Flames.MAX_FRAMES);
        assertThat(flame.framesLeftOut()).isEqualTo(1_001 - Flames.MAX_FRAMES);
        assertThat(flame.root().children().get(0).name()).isEqualTo("recurse0");
    }

    @Test
    void without_its_stacks_an_explanation_has_no_flame() {
        Result r = record(new Explained(List.of("  where the time moved (...):", "  recording: "
                + dir.resolve("gone.jfr") + "; stacks (flamegraph.pl, speedscope): gone-current.collapsed,"
                + " gone-base.collapsed"), Optional.of(dir.resolve("gone.jfr")),
                List.of(dir.resolve("gone-current.collapsed"), dir.resolve("gone-base.collapsed"))));

        assertThat(r.explanation().flame()).isNull();
        assertThat(r.explanation().stacks()).hasSize(2);
    }

    @Test
    void the_tree_reads_back_through_the_codec_and_only_its_page_carries_the_library() throws Exception {
        List<Result> results = List.of(record(lines(List.of("main;run;encode 180", "main;run;decode 120"),
                List.of("main;run;encode 60", "main;run;decode 240"))));
        Run run = new Run("0.1.0", "2026-12-05T00:00:00Z", MACHINE, results, List.of());
        String written = RunJson.results(run);

        Run read = RunJson.run(JSON.std.anyFrom(written));

        assertThat(RunJson.results(read)).isEqualTo(written);
        assertThat(read.results().get(0).explanation().flame()).isEqualTo(results.get(0).explanation().flame());
        String page = new HtmlReport().render(read);
        assertThat(page).contains("<div class=\"flamegraph\" data-flame=\"0\"", "id=\"flames\"", "d3-flame-graph");
        Result plain = record(Explained.none());
        String without = new HtmlReport().render(new Run("0.1.0", "2026-12-05T00:00:00Z", MACHINE, List.of(plain),
                List.of()));
        assertThat(without).doesNotContain("class=\"flamegraph\"", "id=\"flames\"", "d3-flame-graph", "d3js.org");
    }
}
