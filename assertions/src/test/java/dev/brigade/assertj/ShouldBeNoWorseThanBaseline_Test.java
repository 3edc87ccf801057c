package dev.brigade.assertj;

import static dev.brigade.assertj.Results.rounds;
import static org.assertj.core.api.BDDAssertions.then;

import dev.brigade.measure.BaselineComparison;
import dev.brigade.measure.Estimate;
import dev.brigade.measure.Metric;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The failure message of {@code isNoWorseThanBaseline()} for a baseline of one recorded run and of several; the
 * assertion itself needs the JUnit extension and is tested in brigade-junit's BaselineTest and BaselineRunsTest.
 */
class ShouldBeNoWorseThanBaseline_Test {

    private static String message(BaselineComparison r) {
        return ShouldBeNoWorseThanBaseline.shouldBeNoWorseThanBaseline("VIRTUAL", List.of(r)).create();
    }

    @Test
    void should_name_the_bootstrap_of_one_run_and_how_to_record_more() {
        BaselineComparison r = BaselineComparison.of(Metric.NANOS_PER_HOP, rounds("ns", 1_000, 20),
                rounds("ns", 1_500, 20), 0.10);

        then(message(r)).startsWith("Expected VIRTUAL nanosPerHop to be no worse than its baseline (tolerance 10 %)"
                        + " but it was 50.0 % worse: current / baseline 1.50× [")
                .contains("], 95 % bootstrap interval over the rounds of 1 recorded run; current 1.50 µs [")
                .contains("; baseline 1000 ns [")
                .endsWith(", 20 samples; record more runs with -Dbrigade.baseline.update=add for an interval that"
                        + " includes run-to-run noise" + Results.BASELINE_WHAT_TO_DO);
    }

    @Test
    void should_name_the_prediction_interval_and_the_runs_of_several() {
        List<Estimate> runs = List.of(Estimate.ofInterval("ns", 1_000, 990, 1_010, 0.01, 20),
                Estimate.ofInterval("ns", 1_100, 1_090, 1_110, 0.01, 20),
                Estimate.ofInterval("ns", 900, 890, 910, 0.01, 20));
        BaselineComparison r = BaselineComparison.of(Metric.NANOS_PER_HOP, runs, rounds("ns", 3_000, 20), 0.10);

        then(message(r)).startsWith("Expected VIRTUAL nanosPerHop to be no worse than its baseline (tolerance 10 %)"
                        + " but it was ")
                .contains(", 95 % prediction interval from 3 recorded runs (run-to-run spread ±10.0 %); current"
                        + " 3.00 µs [")
                .endsWith("; baseline 997 ns [900–1100], geometric mean [range] of 3 recorded runs' medians"
                        + Results.BASELINE_WHAT_TO_DO)
                .doesNotContain("record more runs");
    }

    @Test
    void should_name_the_two_sample_interval_and_the_current_runs_of_several_forks() {
        List<Estimate> recorded = List.of(Estimate.ofInterval("ns", 1_000, 990, 1_010, 0.01, 20),
                Estimate.ofInterval("ns", 1_100, 1_090, 1_110, 0.01, 20),
                Estimate.ofInterval("ns", 900, 890, 910, 0.01, 20));
        List<Estimate> current = List.of(Estimate.ofInterval("ns", 3_000, 2_990, 3_010, 0.01, 20),
                Estimate.ofInterval("ns", 3_300, 3_290, 3_310, 0.01, 20),
                Estimate.ofInterval("ns", 2_700, 2_690, 2_710, 0.01, 20));
        BaselineComparison r = BaselineComparison.of(Metric.NANOS_PER_HOP, recorded, current, 0.10);

        then(message(r)).startsWith("Expected VIRTUAL nanosPerHop to be no worse than its baseline (tolerance 10 %)"
                        + " but it was 200.0 % worse: current / baseline 3.00× [")
                .contains("], 95 % interval from 3 current runs against 3 recorded runs (run-to-run spread ±10.0 %);"
                        + " current 2.99 µs [2.70–3.30], geometric mean [range] of 3 current runs' medians;")
                .endsWith("; baseline 997 ns [900–1100], geometric mean [range] of 3 recorded runs' medians"
                        + Results.BASELINE_WHAT_TO_DO)
                .doesNotContain("record more runs");
    }
}
