package dev.brigade.examples.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.brigade.examples.findings.Finding.Rule;
import dev.brigade.examples.findings.Finding.Verdict;
import dev.brigade.measure.Estimate;
import dev.brigade.measure.PairedRatio;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/** The findings' verdicts and their table, without measuring anything. */
class FindingsTableTest {

    private final Map<String, String> published = new HashMap<>();
    private final TestReporter reporter = published::putAll;

    @Test
    void a_claim_holds_only_when_the_whole_interval_is_on_its_side_of_the_line() {
        assertThat(Rule.above(2).of(2.1, 3)).isEqualTo(Verdict.HOLDS);
        assertThat(Rule.above(2).of(1.5, 1.9)).isEqualTo(Verdict.CONTRADICTED);
        assertThat(Rule.above(2).of(1.9, 2.1)).isEqualTo(Verdict.UNCLEAR);
        assertThat(Rule.below(1).of(0.5, 0.9)).isEqualTo(Verdict.HOLDS);
        assertThat(Rule.below(1).of(1.1, 1.2)).isEqualTo(Verdict.CONTRADICTED);
        assertThat(Rule.between(2 / 3.0, 1.5).of(0.9, 1.2)).isEqualTo(Verdict.HOLDS);
        assertThat(Rule.between(2 / 3.0, 1.5).of(1.9, 2.8)).isEqualTo(Verdict.CONTRADICTED);
        assertThat(Rule.between(2 / 3.0, 1.5).of(1.2, 1.8)).isEqualTo(Verdict.UNCLEAR);
    }

    @Test
    void the_row_says_the_verdict_most_trials_gave_and_how_many() {
        Finding finding = new Finding("1 hop cost", "8.5×", "PLATFORM/VIRTUAL", Rule.above(2));
        finding.add(new PairedRatio(7, 6, 8, 10, 0.95), "a").add(new PairedRatio(1.5, 1.2, 1.8, 10, 0.95), "b")
                .add(new PairedRatio(6, 5.5, 7, 10, 0.95), "c").add(new PairedRatio(1.9, 1.5, 2.5, 10, 0.95), "d")
                .add(new PairedRatio(8, 7, 9, 10, 0.95), "e");

        finding.publish(reporter);

        assertThat(published).containsEntry("finding", "1 hop cost").containsEntry("finding.verdict", "holds")
                .containsEntry("finding.held", "3").containsEntry("finding.trials", "5")
                .containsEntry("finding.ratio", "PLATFORM/VIRTUAL 6.00× [5.50–7.00], 10 pairs")
                .containsEntry("finding.measured", "c; PLATFORM/VIRTUAL in 5 trials 1.50–8.00×");
        assertThat(Finding.row(published)[3]).isEqualTo("holds (3 of 5): PLATFORM/VIRTUAL 6.00× [5.50–7.00], 10 pairs");
    }

    @Test
    void a_tie_between_two_verdicts_is_unclear() {
        Finding finding = new Finding("claim", "seed", "a/b", Rule.above(2));
        finding.add(new PairedRatio(3, 2.5, 3.5, 10, 0.95), "x").add(new PairedRatio(1.5, 1.2, 1.8, 10, 0.95), "y");

        finding.publish(reporter);

        assertThat(published).containsEntry("finding.verdict", "unclear").containsEntry("finding.held", "0");
    }

    @Test
    void a_fit_below_its_resolution_gives_an_interval_open_above_not_a_failure() {
        Finding finding = new Finding("memory", "20×", "PLATFORM/VIRTUAL RSS", Rule.above(5));
        Estimate platform = Estimate.ofInterval("B", 20_000, 18_000, 22_000, 0.05, 4);
        Estimate virtual = Estimate.ofInterval("B", 100, -500, 700, 1, 4);

        finding.add(platform, virtual, "m").publish(reporter);

        assertThat(published).containsEntry("finding.verdict", "holds")
                .containsEntry("finding.ratio", "PLATFORM/VIRTUAL RSS 200× [25.7–∞]");
    }

    @Test
    void a_broken_measurement_fails_the_test() {
        Finding finding = new Finding("claim", "seed", "a/b", Rule.above(2));

        assertThatThrownBy(() -> finding.publish(reporter)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("no trial was measured");
        assertThatThrownBy(() -> finding.add(Estimate.ofInterval("ns", Double.NaN, Double.NaN, Double.NaN, 0, 1),
                Estimate.ofInterval("ns", 1, 1, 1, 0, 1), "nan")).isInstanceOf(RuntimeException.class);
    }

    @Test
    void the_table_fits_120_columns_with_long_cells_wrapped() {
        String[] row = {"1 hop cost, PIPE links", "async and threads converge at 1.7 µs",
            "PLATFORM 15.1 µs, VIRTUAL 7.45 µs per hop; PLATFORM/VIRTUAL in 5 trials 1.53–2.67×",
            "contradicted (4 of 5): PLATFORM/VIRTUAL 2.09× [1.88–2.78], 10 pairs"};

        String table = FindingsTable.render(List.of(row, row));

        assertThat(table.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(120));
        assertThat(table).contains("contradicted (4 of 5):").contains("1.53–2.67×").contains("PLATFORM/VIRTUAL 2.09×");
        assertThat(FindingsTable.wrap("a bb ccc", 4)).containsExactly("a bb", "ccc");
        assertThat(FindingsTable.wrap("abcdefghij", 4)).containsExactly("abcd", "efgh", "ij");
        assertThat(FindingsTable.markdown(List.<String[]>of(row))).contains(
                "| 1 hop cost, PIPE links | async and threads converge at 1.7 µs |");
    }

    @Test
    void runs_merge_into_one_row_per_claim_that_says_in_how_many_runs_the_verdict_held() {
        String[] holds = {"1 hop cost", "8.5×", "VIRTUAL 1 µs", "holds (5 of 5): PLATFORM/VIRTUAL 7.68× [7.20–8.10], 10 pairs"};
        String[] more = {"1 hop cost", "8.5×", "VIRTUAL 2 µs", "holds (4 of 5): PLATFORM/VIRTUAL 36.0× [33.8–38.5], 10 pairs"};
        String[] unclear = {"1 hop cost", "8.5×", "VIRTUAL 3 µs", "unclear (3 of 5): PLATFORM/VIRTUAL 2.10× [1.90–2.40], 10 pairs"};
        String[] open = {"memory", "20×", "RSS", "holds (3 of 3): PLATFORM/VIRTUAL RSS 200× [25.7–∞]"};

        String merged = FindingsRuns.merge(List.of(FindingsTable.markdown(List.of(holds, open)),
                FindingsTable.markdown(List.of(more, open)), FindingsTable.markdown(List.<String[]>of(unclear))));

        assertThat(merged).startsWith("3 runs of `./mvnw -B -Pfindings verify`")
                .contains("| 1 hop cost | 8.5× | VIRTUAL 1 µs | **holds** in 2 of 3 | holds 5/5, holds 4/5, unclear 3/5 |"
                        + " 2.10–36.0× |")
                .contains("| memory | 20× | RSS | **holds** in 2 of 3 | holds 3/3, holds 3/3 | 200× |");
    }
}
