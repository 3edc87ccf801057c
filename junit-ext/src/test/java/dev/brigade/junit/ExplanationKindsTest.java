package dev.brigade.junit;

import static org.assertj.core.api.Assertions.assertThat;

import example.explain.ExplainBuilds;
import example.explain.KindCases;
import java.nio.file.Path;
import java.util.List;
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
 * third of the current one's steps, as {@link ExplanationTest} does for the other kinds.
 */
class ExplanationKindsTest {

    @TempDir
    Path dir;

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
        results.testEvents().assertStatistics(s -> s.failed(1));
        String message = results.testEvents().failed().list().get(0).getRequiredPayload(TestExecutionResult.class)
                .getThrowable().orElseThrow().getMessage();
        List<String> lines = message.lines().toList();
        int where = lines.indexOf(lines.stream().filter(l -> l.startsWith("  where the time moved")).findFirst()
                .orElseThrow(() -> new AssertionError("no time explanation in:\n" + message)));
        return lines.subList(where, lines.size());
    }

    @Test
    void a_spawn_names_the_method_its_tasks_body_made_slower_per_task() throws Exception {
        Path base = ExplainBuilds.codec(dir.resolve("base"), 1_000, 3_000, true, KindCases.class);

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
        Path base = ExplainBuilds.codec(dir.resolve("base"), 1_000, 3_000, true, KindCases.class);

        List<String> explanation = timeExplanation(run("async", "dev.brigade.fixture.BrigadeFixture", base,
                dir.resolve("reports")));

        String all = String.join("\n", explanation);
        assertThat(explanation.get(0)).as(all).contains("CPU time per hop");
        assertThat(explanation.get(1)).as(all).startsWith("    +").contains("/hop  example.explain.Codec.encode()");
        assertThat(all).contains("example.explain.KindCases.async-ASYNC.jfr");
    }
}
