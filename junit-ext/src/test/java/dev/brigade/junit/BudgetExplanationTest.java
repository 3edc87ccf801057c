package dev.brigade.junit;

import static dev.brigade.fixture.TaskKind.VIRTUAL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.brigade.fixture.BrigadeFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * A failed {@code @Budget} says where the time of its kind goes, from a second measurement under JFR (issue 29), and
 * a passing one measures nothing more. Through the engine, with real threads and a real recording.
 */
class BudgetExplanationTest {

    @TempDir
    Path dir;

    @TestKit.TestCase
    static class Cases {

        /** Keeps the busy loop's work alive. */
        static volatile long sink;

        // no warm-up: the second measurement has none either, and its rounds are found all the same; it measures
        // as long as the first could (800 ms)
        @Brigade(tasks = 4, kinds = VIRTUAL, warmup = "0ms", measure = "800ms")
        @Budget(kind = VIRTUAL, perHop = "1ns")
        void hot(BrigadeFixture brigade) {
            brigade.measureMemory(false).work(Cases::burnsTheTime).run();
        }

        @Brigade(tasks = 4, kinds = VIRTUAL, warmup = "0ms", measure = "50ms")
        @Budget(kind = VIRTUAL, perHop = "1s")
        void passing(BrigadeFixture brigade) {
            brigade.measureMemory(false).run();
        }

        /**
         * The hot method: a busy loop of xorshift steps, calling nothing, at every hop. A multiply-add chain the JIT
         * folds once unrolled: 200,000 of them took 13-18 µs a hop in CI, mostly hand-off, and one run's second
         * measurement had 98 execution samples, under the 100 a time explanation needs. These 50,000 steps: about
         * 110 µs a hop and 483-499 samples, 96-98 % of them in this method (3 runs, 2026-12-06).
         */
        static void burnsTheTime() {
            long x = sink | 1;
            for (int i = 0; i < 50_000; i++) {
                x ^= x << 13;
                x ^= x >>> 7;
                x ^= x << 17;
            }
            sink = x;
        }
    }

    @TestKit.TestCase
    static class Short {

        @Brigade(tasks = 4, kinds = VIRTUAL, warmup = "0ms", measure = "50ms")
        @Budget(kind = VIRTUAL, perHop = "1ns")
        void failing(BrigadeFixture brigade) {
            brigade.measureMemory(false).run();
        }
    }

    @Test
    void a_failed_budget_names_the_hot_method_and_a_passing_one_measures_nothing_more() throws Exception {
        Path reports = dir.resolve("reports");

        EngineExecutionResults results = TestKit.run(Cases.class, Constants.REPORT_DIR_PROPERTY_NAME,
                reports.toString());

        results.testEvents().assertStatistics(s -> s.succeeded(1).failed(1));
        String message = results.testEvents().failed().list().get(0).getRequiredPayload(TestExecutionResult.class)
                .getThrowable().orElseThrow().getMessage();
        List<String> lines = message.lines().toList();
        assertThat(lines).as(message).anySatisfy(l -> assertThat(l).startsWith(
                "  from a second measurement under JFR (the verdict is the first one's): the budget failed again:"
                        + " nanosPerHop "));
        int where = lines.indexOf(lines.stream().filter(l -> l.startsWith("  where the time goes")).findFirst()
                .orElseThrow(() -> new AssertionError("no time explanation in:\n" + message)));
        assertThat(lines.get(where + 1)).as(message).matches("    \\S+ \\S+/hop  .*")
                .contains("BudgetExplanationTest$Cases.burnsTheTime()");
        // the explanation comes before the guide, which stays last
        assertThat(lines.get(lines.size() - 1)).startsWith("  what to do: ");
        Path jfr = reports.resolve(Cases.class.getName() + ".hot-VIRTUAL-budget.jfr");
        assertThat(jfr).isNotEmptyFile();
        assertThat(message).contains("  recording: " + jfr);
        // the report entry, brigade-results.json and the console summary carry it too
        Map<String, List<ReportEntry>> entries = TestKit.entries(results);
        assertThat(entries.values().stream().flatMap(List::stream)
                .map(e -> e.getKeyValuePairs().get("brigade.budget.VIRTUAL.nanosPerHop")))
                .filteredOn(java.util.Objects::nonNull).singleElement().asString()
                .contains("BudgetExplanationTest$Cases.burnsTheTime()");
        // rendered, and following docs/brigade-results.schema.json
        String json = RunReportTest.renderedResultsFollowingTheSchema(reports);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> records = (List<Map<String, Object>>) com.fasterxml.jackson.jr.ob.JSON.std
                .mapFrom(json).get("results");
        Map<String, Object> hot = records.stream().filter(r -> String.valueOf(r.get("test")).endsWith("#hot"))
                .findFirst().orElseThrow();
        Map<?, ?> budget = (Map<?, ?>) ((List<?>) hot.get("budgets")).get(0);
        assertThat(((Map<?, ?>) budget.get("explanation")).get("headline")).asString()
                .contains("BudgetExplanationTest$Cases.burnsTheTime()");
        assertThat(dev.brigade.junit.internal.report.RunReportAccess.summary(records).replaceAll("\\s+", " "))
                .contains("; where the time goes: ").contains("BudgetExplanationTest$Cases.burnsTheTime()");
        // summary.md's row and the page's section of the test
        assertThat(Files.readString(reports.resolve("summary.md"))).contains("; where the time goes: ")
                .contains("BudgetExplanationTest$Cases.burnsTheTime()");
        assertThat(Files.readString(reports.resolve("report.html")))
                .contains(": nanosPerHop over budget; where the time goes, measured again</summary><pre>")
                .contains("BudgetExplanationTest$Cases.burnsTheTime()");
        // the passing budget ran no second measurement: no recording, no entry
        assertThat(Leftovers.files(reports))
                .noneMatch(f -> f.contains(".passing-") && (f.endsWith(".jfr") || f.endsWith(".collapsed")));
        assertThat(entries.values().stream().flatMap(List::stream).flatMap(e -> e.getKeyValuePairs().values()
                .stream())).filteredOn(v -> v.contains("second measurement")).hasSize(1);
    }

    /**
     * Runs {@code cases}, whose one test fails its {@code perHop = "1ns"} budget, and returns the line before the
     * guide of its failure, having checked that nothing was measured again.
     */
    private static String whyNoExplanation(Class<?> cases, Path reports) {
        EngineExecutionResults results = TestKit.run(cases, Constants.REPORT_DIR_PROPERTY_NAME, reports.toString());

        results.testEvents().assertStatistics(s -> s.failed(1));
        String message = results.testEvents().failed().list().get(0).getRequiredPayload(TestExecutionResult.class)
                .getThrowable().orElseThrow().getMessage();
        List<String> lines = message.lines().toList();
        assertThat(lines.get(0)).startsWith("[@Budget(kind = VIRTUAL, perHop = \"1ns\")] Expected VIRTUAL nanosPerHop");
        assertThat(lines.get(lines.size() - 1)).startsWith("  what to do: ");
        assertThat(message).doesNotContain("second measurement");
        return lines.get(lines.size() - 2);
    }

    @TestKit.TestCase
    static class WithoutJfr {

        @Brigade(tasks = 4, kinds = VIRTUAL, warmup = "0ms", measure = "50ms")
        @Budget(kind = VIRTUAL, perHop = "1ns")
        @Fork(jvmArgs = "-XX:-FlightRecorder")
        void failing(BrigadeFixture brigade) {
            brigade.measureMemory(false).run();
        }
    }

    @Test
    void without_jfr_in_a_fork_child_the_verdict_stands_and_one_line_says_why() {
        Path reports = dir.resolve("reports");

        assertThat(whyNoExplanation(WithoutJfr.class, reports))
                .isEqualTo("  no explanation: JFR is not available in this JVM (-XX:-FlightRecorder?)");
        assertThat(Leftovers.files(reports)).noneMatch(f -> f.endsWith(".jfr") || f.endsWith(".collapsed"));
    }

    @Test
    void a_report_directory_that_cannot_be_written_leaves_the_verdict_and_measures_nothing_more() throws Exception {
        // a regular file where a directory should be: not even root can create the directory below it
        Path blocked = Files.writeString(dir.resolve("blocked"), "a file, not a directory");
        Path reports = blocked.resolve("reports");

        assertThat(whyNoExplanation(Short.class, reports)).startsWith("  no explanation: cannot write the recording"
                + " to " + reports.resolve(Short.class.getName() + ".failing-VIRTUAL-budget.jfr"));
        assertThat(Files.readString(blocked)).isEqualTo("a file, not a directory");
    }

    @TestKit.TestCase
    static class Forked {

        // Brigade's children get -XX:+DebugNonSafepoints (ForkTest checks it in a child); a test's own jvmArgs come
        // after it and may turn it off
        @Brigade(tasks = 4, kinds = VIRTUAL, warmup = "0ms", measure = "800ms")
        @Budget(kind = VIRTUAL, perHop = "1ns")
        @Fork(jvmArgs = "-XX:-DebugNonSafepoints")
        void imprecise(BrigadeFixture brigade) {
            brigade.measureMemory(false).work(Cases::burnsTheTime).run();
        }
    }

    @Test
    void a_recording_jvm_without_precise_debug_information_says_so_under_the_time_lines() {
        EngineExecutionResults results = TestKit.run(Forked.class, Constants.REPORT_DIR_PROPERTY_NAME,
                dir.resolve("reports").toString());

        results.testEvents().assertStatistics(s -> s.failed(1));
        String message = results.testEvents().failed().list().get(0).getRequiredPayload(TestExecutionResult.class)
                .getThrowable().orElseThrow().getMessage();
        List<String> lines = message.lines().toList();
        int where = lines.indexOf(lines.stream().filter(l -> l.startsWith("  where the time goes")).findFirst()
                .orElseThrow(() -> new AssertionError("no time explanation in:\n" + message)));
        assertThat(lines.get(where + 1)).as(message).isEqualTo("    samples may name a neighbour of the method they"
                + " fell in, among methods the JIT inlined together: run the tests with"
                + " -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints (docs/explanations.md)");
        // the methods follow it
        assertThat(lines.get(where + 2)).as(message).matches("    \\S+ \\S+/hop  .*")
                .contains("BudgetExplanationTest$Cases.burnsTheTime()");
    }
}
