package dev.brigade.examples.regression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.brigade.junit.Constants;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.opentest4j.MultipleFailuresError;

/**
 * A regression caught by a budget: the same budget test ({@link HandOffBudget}) run on the good and on the regressed
 * {@link CountingHandOff}, through JUnit's {@code EngineTestKit}, passes on one and fails on the other with a message
 * that names the metric, the limit and the measured figure.
 */
class RegressionDemoTest {

    /**
     * What follows a failed budget's figures: where the time of its kind goes, from a second measurement
     * (docs/explanations.md), before the last line.
     */
    private static final String SECOND_MEASUREMENT = System.lineSeparator()
            + "  from a second measurement under JFR (the verdict is the first one's): ";

    /** The last line of a budget's failure: the part of docs/when-a-gate-fails.md on budgets. */
    static final String WHAT_TO_DO = System.lineSeparator()
            + "  what to do: docs/when-a-gate-fails.md#a-budget in Brigade's repository";

    static String scale;

    @RegisterExtension
    static final BeforeAllCallback SAME_SCALE = context -> scale = context
            .getConfigurationParameter(Constants.SCALE_PROPERTY_NAME).orElse(String.valueOf(Constants.SCALE_DEFAULT));

    @TempDir
    Path reports;

    @Test
    void the_budget_passes_on_the_good_hand_off() {
        EngineExecutionResults results = runBudgetTest(HandOffBudget.Good.class);

        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1).failed(0));
        assertThat(entries(results))
                .containsKeys("brigade.VIRTUAL.nanosPerHop", "brigade.VIRTUAL.contextSwitchesPerHop");
    }

    @Test
    void the_budget_fails_on_the_regressed_hand_off_naming_the_metric_the_limit_and_the_figure() {
        EngineExecutionResults results = runBudgetTest(HandOffBudget.Regressed.class);

        results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
        Throwable failure = results.testEvents().failed().list().get(0).getRequiredPayload(TestExecutionResult.class)
                .getThrowable().orElseThrow();
        Map<String, String> measured = entries(results);
        assertThat(failure).isInstanceOf(MultipleFailuresError.class)
                .hasMessageStartingWith(
                        "Budgets exceeded on method [HandOffBudget.Regressed#handOffStaysWithinItsBudget]");
        assertThat(((MultipleFailuresError) failure).getFailures()).extracting(Throwable::getMessage).satisfiesExactly(
                perHop -> assertThat(perHop)
                        .startsWith("[@Budget(kind = VIRTUAL, perHop = \"20us\")] Expected VIRTUAL nanosPerHop to be "
                                + "at most 20.0 µs but was " + measured.get("brigade.VIRTUAL.nanosPerHop") + " (")
                        .contains("× the limit)" + SECOND_MEASUREMENT).endsWith(WHAT_TO_DO),
                contextSwitches -> assertThat(contextSwitches)
                        .startsWith("[@Budget(kind = VIRTUAL, contextSwitchesPerHop = 0.5)] Expected VIRTUAL "
                                + "contextSwitchesPerHop to be at most 0.500 but was "
                                + measured.get("brigade.VIRTUAL.contextSwitchesPerHop") + " (")
                        .contains("× the limit)" + SECOND_MEASUREMENT).endsWith(WHAT_TO_DO));
    }

    /** Runs one version's budget test, as Maven would, with this suite's scale and reports kept apart. */
    private EngineExecutionResults runBudgetTest(Class<? extends HandOffBudget> version) {
        return EngineTestKit.engine("junit-jupiter")
                .enableImplicitConfigurationParameters(false)
                .configurationParameter(OnlyInEngineTestKit.PARAMETER, "true")
                .configurationParameter(Constants.SCALE_PROPERTY_NAME, scale)
                .configurationParameter(Constants.REPORT_DIR_PROPERTY_NAME, reports.toString())
                .selectors(selectClass(version))
                .execute();
    }

    /** The figures the budget test published as report entries: {@code brigade.VIRTUAL.nanosPerHop = 2.85 µs ...}. */
    private static Map<String, String> entries(EngineExecutionResults results) {
        Map<String, String> all = new LinkedHashMap<>();
        for (Event e : results.allEvents().reportingEntryPublished().list()) {
            all.putAll(e.getRequiredPayload(ReportEntry.class).getKeyValuePairs());
        }
        return all;
    }
}
