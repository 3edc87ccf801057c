package dev.brigade.junit.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brigade.fixture.BrigadeResult;
import dev.brigade.fixture.RunStats;
import dev.brigade.fixture.TaskKind;
import dev.brigade.junit.internal.report.model.RunJson;
import dev.brigade.measure.Estimate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** summary.md, the run's verdicts for a pull request: what comes first, and what a cell can hold. */
class SummaryMarkdownTest {

    /** The record of a 20-task brigade of {@code test} with one budget on nanosPerHop whose verdict is given. */
    private static Map<String, Object> brigade(String test, String verdict) {
        Estimate e = Estimate.of("ns", IntStream.range(0, 20).mapToDouble(i -> 1_000 + 10 * i).toArray());
        BrigadeResult result = new BrigadeResult(TaskKind.VIRTUAL, "QUEUE", 20, false, 1_000_000, e, e,
                Estimate.of("1", 0.01, 0.01, 0.01), Estimate.of("B", 64, 64, 64), null, OptionalLong.empty(),
                new RunStats(0, 1_000_000_000L, 20, 1_000, 1_000, "linux"));
        List<Map<String, Object>> budgets = List.of();
        if (verdict != null) {
            Map<String, Object> budget = new LinkedHashMap<>();
            budget.put("metric", "nanosPerHop");
            budget.put("limit", 500.0);
            budget.put("verdict", verdict);
            budgets = List.of(budget);
        }
        return new LinkedHashMap<>(RunReport.record(test, "[VIRTUAL] 20 tasks, QUEUE", result, false, budgets,
                List.of()));
    }

    @Test
    void failures_come_first_then_tests_new_in_the_change_and_the_rest() {
        Map<String, Object> added = brigade("com.example.NewTest#added", null);
        added.put("notCompared", "new in this change");

        String summary = SummaryMarkdown.render(Stream.of(brigade("com.example.HandOffTest#handOff", "pass"), added,
                brigade("com.example.SlowTest#handOff", "fail")).map(RunJson::result).toList());

        assertThat(summary).startsWith("### Brigade: 1 failed, 1 passed (3 tests, 3 results)\n\nbudgets 1 pass, 1 FAIL;"
                + " baselines -; base -\n\n| verdict | test | kind | check | metric | figures |\n|---|");
        assertThat(summary.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| verdict")).toList())
                .containsExactly(
                        "| **FAIL** | `SlowTest#handOff` | VIRTUAL | budget | nanosPerHop | limit 500 ns; measured "
                                + "1.10 µs [1.05–1.14] |",
                        "| new | `NewTest#added` | VIRTUAL | base |  | new in this change: not compared |",
                        "| pass | `HandOffTest#handOff` | VIRTUAL | budget | nanosPerHop | limit 500 ns; measured "
                                + "1.10 µs [1.05–1.14] |");
    }

    @Test
    void a_pipe_or_a_line_break_in_a_name_stays_in_its_cell() {
        String summary = SummaryMarkdown.render(List.of(RunJson.result(
                brigade("com.example.Odd|Test#handOff\nnext", "pass"))));

        assertThat(summary).contains("| pass | `Odd\\|Test#handOff next` | VIRTUAL |");
    }

    @Test
    void a_run_without_checks_says_so_and_has_no_table() {
        String summary = SummaryMarkdown.render(List.of(RunJson.result(brigade("com.example.A#b", null))));

        assertThat(summary).isEqualTo("### Brigade: no budget or comparison (1 test, 1 result)\n\n"
                + "budgets -; baselines -; base -\n");
    }

    @Test
    void a_failed_comparison_with_the_base_build_says_where_the_cost_moved() {
        Map<String, Object> failed = brigade("com.example.CodecTest#roundTrip", null);
        Map<String, Object> base = new LinkedHashMap<>();
        base.put("metric", "nanosPerHop");
        base.put("ratio", 1.5);
        base.put("low", 1.4);
        base.put("high", 1.6);
        base.put("pairs", 20);
        base.put("current", 1_500.0);
        base.put("base", 1_000.0);
        base.put("tolerance", 0.05);
        base.put("failsAbove", 1.12);
        base.put("verdict", "fail");
        failed.put("base", List.of(base));
        failed.put("explanation", Map.of("headline", "+500 ns/hop  com.example.Codec.encode(Frame)", "lines",
                List.of("  where the time moved:", "    +500 ns/hop  com.example.Codec.encode(Frame)")));

        String summary = SummaryMarkdown.render(List.of(RunJson.result(failed)));

        assertThat(summary).contains("| **FAIL** | `CodecTest#roundTrip` | VIRTUAL | base | nanosPerHop | 1.50×"
                + " [1.40–1.60] current/base, 20 pairs; fails above 1.12×; where: +500 ns/hop  com.example.Codec.encode(Frame) |");
    }

    @Test
    void the_headline_of_an_explanation_is_its_first_move_of_time_else_its_first_line() {
        assertThat(dev.brigade.junit.internal.report.model.Explanation.of(List.of("  where the time moved (...):",
                "    +1.90 µs/hop  com.example.Codec.encode(Frame)  total 11 % → 38 %",
                "    -120 ns/hop  com.example.Codec.decode(Frame)"), null, List.of()).headline())
                .isEqualTo("+1.90 µs/hop  com.example.Codec.encode(Frame)  total 11 % → 38 %");
        assertThat(dev.brigade.junit.internal.report.model.Explanation.of(List.of(
                "  no explanation: JFR is not available in this JVM (-XX:-FlightRecorder)"), null, List.of())
                .headline())
                .isEqualTo("no explanation: JFR is not available in this JVM (-XX:-FlightRecorder)");
    }

    @Test
    void the_headline_of_an_allocation_failure_is_its_first_allocation_site_else_why_none_is_named() {
        List<String> moved = List.of("  where the time moved (...):",
                "    +3.53 µs/hop  com.example.Codec.encode(Frame)  total 41 % → 56 %; within sampling noise",
                "  allocation sites that moved (469 / 17 allocation samples):",
                "    +562 B/hop  byte[] at com.example.Codec.encode(Frame)  0 B → 562 B per hop",
                "    -3 B/hop  ConditionNode at com.example.Link.receive()  12 B → 9 B per hop",
                "  per hop, base → current: parks ≥ 20 ms 0 → 0, monitor waits 0 → 0, contended enters 0 → 0,"
                        + " pinned 0 → 0, GC pauses 0 → 0 (0 ns → 0 ns)");
        assertThat(dev.brigade.junit.internal.report.model.Explanation.of(moved, null, List.of(), true).headline())
                .isEqualTo("+562 B/hop  byte[] at com.example.Codec.encode(Frame)  0 B → 562 B per hop");
        assertThat(dev.brigade.junit.internal.report.model.Explanation.of(moved, null, List.of(), false).headline())
                .as("what failed was time").startsWith("+3.53 µs/hop  com.example.Codec.encode(Frame)");

        List<String> none = List.of("  where the time moved (...):",
                "    +3.53 µs/hop  com.example.Codec.encode(Frame)  total 41 % → 56 %; within sampling noise",
                "  allocation sites: none named, for the current side's rounds hold no allocation sample (5 → 0): ...",
                "  per hop, base → current: parks ≥ 20 ms 0 → 0");
        assertThat(dev.brigade.junit.internal.report.model.Explanation.of(none, null, List.of(), true).headline())
                .isEqualTo("allocation sites: none named, for the current side's rounds hold no allocation sample"
                        + " (5 → 0): ...");

        List<String> budget = List.of("  where the time goes (...):", "    1.90 µs/hop  com.example.Codec.encode(Frame)",
                "  where it allocates (88 allocation samples):", "    528 B/hop  byte[] at com.example.Codec.encode(Frame)");
        assertThat(dev.brigade.junit.internal.report.model.Explanation.of(budget, null, List.of(), true).headline())
                .isEqualTo("528 B/hop  byte[] at com.example.Codec.encode(Frame)");
    }

    @Test
    void the_headline_of_a_time_failure_without_a_move_of_time_says_why_and_names_no_allocation_site() {
        List<String> lines = List.of("  from a second measurement under JFR (the verdict is the first one's): ...",
                "  where the time goes (JFR execution samples of its 5 measured rounds ...; 4 samples):",
                "    too few execution samples for a time explanation: 4, 100 at least (...)",
                "  where it allocates (12 allocation samples):",
                "    348 B/hop  java.lang.Object at com.example.Link.send()  (12 samples)");

        assertThat(dev.brigade.junit.internal.report.model.Explanation.of(lines, null, List.of()).headline())
                .isEqualTo("too few execution samples for a time explanation: 4, 100 at least (...)");
    }
}
