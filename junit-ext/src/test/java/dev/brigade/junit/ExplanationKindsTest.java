package dev.brigade.junit;

import static org.assertj.core.api.Assertions.assertThat;

import example.explain.ExplainBuilds;
import example.explain.KindCases;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The explanation of a failed {@code @AgainstBase} comparison beyond {@code @Brigade} of threads (issue 29, "works
 * for {@code @Brigade} and {@code @Spawn}, {@code VIRTUAL}, {@code PLATFORM} and {@code ASYNC}"): a {@code @Spawn},
 * whose figures are per task and whose samples fall on short-lived virtual threads, and an {@code ASYNC} brigade,
 * whose samples fall on each side's executor thread. Each against a base build whose {@code Codec.encode} does a
 * tenth of the current one's steps, as {@link ExplanationTest} does (with a third) for the other kinds.
 */
class ExplanationKindsTest {

    @TempDir
    static Path builds;
    /**
     * One base build for both tests (javac once), whose encode does a tenth of the current one's steps: at a third,
     * as {@link ExplanationTest} has it, a spawn measured 500 ms (9 or 10 pairs) left 2 of 8 comparisons undecided,
     * 1.24× [1.03–1.55] and 1.16× [0.890–1.44], where 6 failed at 1.36–1.42×.
     */
    private static Path base;

    @TempDir
    Path dir;

    @BeforeAll
    static void compileTheBaseBuild() throws Exception {
        base = ExplainBuilds.codec(builds.resolve("base"), 300, 3_000, true, KindCases.class);
    }

    private static EngineExecutionResults run(String method, String fixture, Path base, Path reports) {
        return EngineTestKit.engine("junit-jupiter").selectors(DiscoverySelectors.selectMethod(KindCases.class,
                        method, fixture))
                .enableImplicitConfigurationParameters(false)
                .configurationParameter(TestKit.IN_TEST_KIT, "true")
                .configurationParameter(Constants.BASE_CLASSPATH_PROPERTY_NAME, base.toString())
                .configurationParameter(Constants.REPORT_DIR_PROPERTY_NAME, reports.toString())
                .execute();
    }

    /** The lines of the one failure's message, from its time explanation on (failing when there is none). */
    private static List<String> timeExplanation(EngineExecutionResults results) {
        // a comparison that passed says why in its report entry (too few pairs, an interval too wide)
        assertThat(results.testEvents().failed().count()).as("failed comparisons; the entries: %s",
                results.allEvents().reportingEntryPublished().stream().map(e -> e.getRequiredPayload(
                        org.junit.platform.engine.reporting.ReportEntry.class).getKeyValuePairs().toString())
                        .filter(e -> e.contains("base")).toList()).isEqualTo(1);
        String message = results.testEvents().failed().list().get(0).getRequiredPayload(TestExecutionResult.class)
                .getThrowable().orElseThrow().getMessage();
        List<String> lines = message.lines().toList();
        int where = lines.indexOf(lines.stream().filter(l -> l.startsWith("  where the time moved")).findFirst()
                .orElseThrow(() -> new AssertionError("no time explanation in:\n" + message)));
        return lines.subList(where, lines.size());
    }

    @Test
    void a_spawn_names_the_method_its_tasks_body_made_slower_per_task() throws Exception {
        List<String> explanation = timeExplanation(run("spawn", "dev.brigade.fixture.SpawnFixture", base,
                dir.resolve("reports")));

        String all = String.join("\n", explanation);
        assertThat(explanation.get(0)).as(all).contains("CPU time per task");
        // whether it is marked beyond sampling noise depends on the pairs measured: ExplainExperiment counts it
        assertThat(explanation.get(1)).as(all).startsWith("    +").contains("/task  example.explain.Codec.encode()");
        assertThat(all).contains("  per task, base → current: ")
                .contains("example.explain.KindCases.spawn-VIRTUAL.jfr");
    }

    @Test
    void an_async_brigade_names_the_method_its_stages_made_slower_on_the_executor() throws Exception {
        List<String> explanation = timeExplanation(run("async", "dev.brigade.fixture.BrigadeFixture", base,
                dir.resolve("reports")));

        String all = String.join("\n", explanation);
        assertThat(explanation.get(0)).as(all).contains("CPU time per hop");
        assertThat(explanation.get(1)).as(all).startsWith("    +").contains("/hop  example.explain.Codec.encode()");
        assertThat(all).contains("example.explain.KindCases.async-ASYNC.jfr");
    }
}
