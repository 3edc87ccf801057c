package dev.brigade.junit;

import static dev.brigade.fixture.TaskKind.VIRTUAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.brigade.assertj.BrigadeAssertions;
import dev.brigade.fixture.BrigadeFixture;
import dev.brigade.junit.internal.report.RunReportAccess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * {@code @Fork(runs = ...)} with real child JVMs: every run's results come back, a baseline records and compares
 * the runs of one invocation together, and a failing run stops the others.
 */
class ForkRunsTest {

    private static final String ENTRY = "handOff [VIRTUAL] 20 tasks, QUEUE / brigade VIRTUAL";
    private static final String INVOCATION = "[VIRTUAL] 20 tasks, QUEUE";
    /** A marker on the command line of the children, to find them among this JVM's descendants. */
    static final String MARKER = "-Dbrigade.test.forkRuns";

    @TempDir
    Path dir;

    /**
     * A child's view of the test's temporary directory: the baseline directory, which the parent passes on to the
     * child as a configuration parameter on its command line.
     */
    static Path childDirectory() {
        String prefix = Constants.BASELINE_DIR_PROPERTY_NAME + "=";
        return Path.of(ProcessHandle.current().info().arguments().stream().flatMap(Arrays::stream)
                .filter(a -> a.startsWith(prefix)).findFirst().orElseThrow().substring(prefix.length()));
    }

    /** Which run of its invocation this child is, from its command line. */
    static int childRun() {
        return ProcessHandle.current().info().arguments().stream().flatMap(Arrays::stream)
                .filter(a -> a.startsWith("brigade.fork.run=")).findFirst().map(a -> Integer.parseInt(a.substring(17)))
                .orElseThrow();
    }

    /** Busy-work per hop for the children: what the file {@code spin-nanos} in the directory says, else none. */
    static Duration childSpin() {
        Path spin = childDirectory().resolve("spin-nanos");
        try {
            return Files.exists(spin) ? Duration.ofNanos(Long.parseLong(Files.readString(spin).trim())) : Duration.ZERO;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @TestKit.TestCase
    @Baseline
    static class ThreeRuns {
        @Brigade(tasks = 20, kinds = VIRTUAL, warmup = "50ms", measure = "200ms")
        @Fork(runs = 3, jvmArgs = MARKER)
        void handOff(BrigadeFixture brigade) {
            brigade.measureMemory(false).spin(childSpin()).run();
        }
    }

    @TestKit.TestCase
    static class InBody {
        @Brigade(tasks = 20, kinds = VIRTUAL, warmup = "50ms", measure = "200ms")
        @Fork(runs = 3, jvmArgs = MARKER)
        void handOff(BrigadeFixture brigade) {
            BrigadeAssertions.assertThat(brigade.measureMemory(false).spin(childSpin()).run()).isNoWorseThanBaseline();
        }
    }

    /** Checks cpuNanosPerHop in the body of each child, and nanosPerHop of the two runs through {@code @Baseline}. */
    @TestKit.TestCase
    @Baseline
    static class InBodyAndDeclared {
        @Brigade(tasks = 20, kinds = VIRTUAL, warmup = "50ms", measure = "200ms")
        @Fork(runs = 2, jvmArgs = MARKER)
        void handOff(BrigadeFixture brigade) {
            BrigadeAssertions.assertThat(brigade.measureMemory(false).run()).isNoWorseThanBaseline("cpuNanosPerHop");
        }
    }

    @TestKit.TestCase
    static class FailsInRunTwo {
        @Brigade(tasks = 20, kinds = VIRTUAL, warmup = "0ms", measure = "100ms")
        @Fork(runs = 3, jvmArgs = MARKER)
        void handOff(BrigadeFixture brigade) throws IOException {
            Files.writeString(childDirectory().resolve("started"), "run " + childRun() + "\n",
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            brigade.measureMemory(false).run();
            if (childRun() == 2) {
                throw new IllegalStateException("broken in run 2");
            }
        }
    }

    @TestKit.TestCase
    static class ThreeRunsPlain {
        @org.junit.jupiter.api.Test
        @Fork(runs = 3)
        void body() {
        }
    }

    @TestKit.TestCase
    static class BadRuns {
        @org.junit.jupiter.api.Test
        @Fork(runs = 0)
        void none() {
        }

        @org.junit.jupiter.api.Test
        @Fork(runs = 101)
        void tooMany() {
        }
    }

    private EngineExecutionResults run(Class<?> testCase, String... more) {
        String[] parameters = Stream.concat(Stream.of(Constants.BASELINE_DIR_PROPERTY_NAME, dir.toString()),
                Stream.of(more)).toArray(String[]::new);
        return TestKit.run(testCase, parameters);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private List<Object> recordedRuns() throws IOException {
        return recordedRuns(ThreeRuns.class);
    }

    @SuppressWarnings("unchecked")
    private List<Object> recordedRuns(Class<?> testCase) throws IOException {
        Map<String, Object> root = JSON.std.mapFrom(Files.readString(dir.resolve(testCase.getName() + ".json")));
        return (List<Object>) map(map(map(map(root.get("machines")).get(MachineFingerprintAccess.id()))
                .get("entries")).get(ENTRY)).get("runs");
    }

    private static List<ReportEntry> entries(EngineExecutionResults results) {
        return TestKit.entries(results).get(INVOCATION);
    }

    /** The report entries of the invocation that hold a result: one per result, each marked with its run. */
    private static List<String> runsOfResults(EngineExecutionResults results) {
        return entries(results).stream().filter(e -> e.getKeyValuePairs().containsKey("brigade.VIRTUAL.nanosPerHop"))
                .map(e -> e.getKeyValuePairs().get("brigade.fork.run")).toList();
    }

    @Test
    void three_runs_bring_three_results_recorded_and_compared_together_and_a_clearly_slower_hand_off_fails_once()
            throws IOException {
        EngineExecutionResults recorded = run(ThreeRuns.class, Constants.BASELINE_UPDATE_PROPERTY_NAME, "true");

        recorded.testEvents().assertStatistics(s -> s.succeeded(1));
        assertThat(runsOfResults(recorded)).containsExactly("1", "2", "3");
        assertThat(TestKit.keyValues(entries(recorded)).get("brigade.baseline.VIRTUAL")).isEqualTo("recorded 3"
                + " current runs as the only runs (of at most 10 kept) of the baseline of machine "
                + MachineFingerprintAccess.id() + " in " + dir.resolve(ThreeRuns.class.getName() + ".json"));
        List<Object> runs = recordedRuns();
        assertThat(runs).hasSize(3);

        EngineExecutionResults added = run(ThreeRuns.class, Constants.BASELINE_UPDATE_PROPERTY_NAME, "add",
                Constants.BASELINE_RUNS_PROPERTY_NAME, "5");
        added.testEvents().assertStatistics(s -> s.succeeded(1));
        assertThat(TestKit.keyValues(entries(added)).get("brigade.baseline.VIRTUAL"))
                .startsWith("added 3 current runs: 5 recorded runs (of at most 5 kept) of the baseline");
        assertThat(recordedRuns()).hasSize(5).startsWith(runs.get(1), runs.get(2)).doesNotContain(runs.get(0));

        EngineExecutionResults unchanged = run(ThreeRuns.class, Constants.BASELINE_TOLERANCE_PROPERTY_NAME, "0.9");
        unchanged.testEvents().assertStatistics(s -> s.succeeded(1));
        assertThat(entries(unchanged)).filteredOn(e -> e.getKeyValuePairs()
                .containsKey("brigade.baseline.VIRTUAL.nanosPerHop")).singleElement()
                .extracting(e -> e.getKeyValuePairs().get("brigade.baseline.VIRTUAL.nanosPerHop")).asString()
                .matches("[+-]\\d+\\.\\d % \\(.+× \\[.+–.+]\\) of current .+ \\[.+–.+], geometric mean \\[range]"
                        + " of 3 current runs' medians vs baseline .+ \\[.+–.+], geometric mean \\[range] of 5"
                        + " recorded runs' medians; 95 % interval from 3 current runs against 5 recorded runs"
                        + " \\(run-to-run spread ±\\d+\\.\\d %\\); fails above \\+\\d+\\.\\d %: pass");

        // the same recorded runs against children whose every hop spins 200 µs more (one test: each run is a JVM)
        String recordedFile = Files.readString(dir.resolve(ThreeRuns.class.getName() + ".json"));
        Files.writeString(dir.resolve("spin-nanos"), "200000");

        EngineExecutionResults slower = run(ThreeRuns.class);

        slower.testEvents().assertThatEvents().haveExactly(1, event(test("handOff"), finishedWithFailure(
                instanceOf(AssertionError.class), message(m -> m.matches("Expected VIRTUAL nanosPerHop to be no"
                        + " worse than its baseline \\(tolerance 10 %\\) but it was \\d+\\.\\d % worse: current /"
                        + " baseline .+× \\[.+–.+], 95 % interval from 3 current runs against 5 recorded runs"
                        + " \\(run-to-run spread ±\\d+\\.\\d %\\); current .+ \\[.+–.+], geometric mean \\[range] of"
                        + " 3 current runs' medians; baseline .+ \\[.+–.+], geometric mean \\[range] of 5 recorded"
                        + " runs' medians\\R  what to do: docs/when-a-gate-fails\\.md#a-baseline in Brigade's"
                        + " repository")))));
        assertThat(runsOfResults(slower)).containsExactly("1", "2", "3");
        assertThat(dir.resolve(ThreeRuns.class.getName() + ".json")).hasContent(recordedFile);
    }

    @Test
    void the_in_body_assertion_compares_each_childs_run_alone_and_true_keeps_the_runs_of_all_children()
            throws IOException {
        EngineExecutionResults recording = run(InBody.class, Constants.BASELINE_UPDATE_PROPERTY_NAME, "true");
        recording.testEvents().assertStatistics(s -> s.succeeded(1));
        assertThat(recordedRuns(InBody.class)).hasSize(3);
        // each child's entry about its recording comes back to the parent
        assertThat(entries(recording)).map(e -> e.getKeyValuePairs().get("brigade.baseline.VIRTUAL")).filteredOn(
                java.util.Objects::nonNull).hasSize(3).first().asString().startsWith("recorded as the only run");

        // each child's comparison reaches brigade-results.json, on that child's result
        Path reports = dir.resolve("reports");
        run(InBody.class, Constants.BASELINE_TOLERANCE_PROPERTY_NAME, "0.9", Constants.REPORT_DIR_PROPERTY_NAME,
                reports.toString()).testEvents().assertStatistics(s -> s.succeeded(1));
        RunReportAccess.render(reports);
        List<?> results = (List<?>) JSON.std.mapFrom(Files.readString(reports.resolve("brigade-results.json")))
                .get("results");
        assertThat(results).hasSize(3).allSatisfy(r -> assertThat(map(map(r).get("baseline")))
                .containsEntry("metric", "nanosPerHop").containsEntry("interval", "prediction")
                .containsEntry("runs", 3).containsEntry("verdict", "pass"));

        Files.writeString(dir.resolve("spin-nanos"), "200000");
        EngineExecutionResults slower = run(InBody.class);

        // the first child fails on its own run, against the 3 recorded ones; the others are not started
        slower.testEvents().assertThatEvents().haveExactly(1, event(test("handOff"), finishedWithFailure(
                instanceOf(AssertionError.class), message(m -> m.contains(", 95 % prediction interval from 3"
                        + " recorded runs (run-to-run spread ±") && m.contains("; current ") && !m.contains(
                        "current runs")))));
        assertThat(runsOfResults(slower)).containsExactly("1");
    }

    @Test
    void with_baseline_declared_the_childrens_in_body_metrics_are_recorded_once_with_the_runs() throws IOException {
        for (String update : new String[] {"true", "add"}) {
            EngineExecutionResults recording = run(InBodyAndDeclared.class, Constants.BASELINE_UPDATE_PROPERTY_NAME,
                    update);
            recording.testEvents().assertStatistics(s -> s.succeeded(1));
            assertThat(entries(recording)).map(e -> e.getKeyValuePairs().get("brigade.baseline.VIRTUAL"))
                    .filteredOn(java.util.Objects::nonNull).containsExactly(
                            "recording cpuNanosPerHop with the metrics of @Baseline, in the test's JVM",
                            "recording cpuNanosPerHop with the metrics of @Baseline, in the test's JVM",
                            update.equals("true") ? "recorded 2 current runs as the only runs (of at most 10 kept)"
                                    + " of the baseline of machine " + MachineFingerprintAccess.id() + " in "
                                    + dir.resolve(InBodyAndDeclared.class.getName() + ".json")
                                    : "added 2 current runs: 4 recorded runs (of at most 10 kept) of the baseline of"
                                    + " machine " + MachineFingerprintAccess.id() + " in "
                                    + dir.resolve(InBodyAndDeclared.class.getName() + ".json"));
            assertThat(recordedRuns(InBodyAndDeclared.class)).hasSize(update.equals("true") ? 2 : 4).allSatisfy(
                    run -> assertThat(map(map(run).get("metrics"))).containsOnlyKeys("nanosPerHop", "cpuNanosPerHop"));
        }

        EngineExecutionResults compared = run(InBodyAndDeclared.class, Constants.BASELINE_TOLERANCE_PROPERTY_NAME,
                "0.9");
        compared.testEvents().assertStatistics(s -> s.succeeded(1));
        assertThat(TestKit.keyValues(entries(compared))).containsKeys("brigade.baseline.VIRTUAL.nanosPerHop",
                "brigade.baseline.VIRTUAL.cpuNanosPerHop");
    }

    @Test
    void a_failure_in_run_two_fails_the_invocation_and_starts_no_third_run() throws IOException {
        EngineExecutionResults results = run(FailsInRunTwo.class);

        results.testEvents().assertThatEvents().haveExactly(1, event(test("handOff"), finishedWithFailure(
                instanceOf(IllegalStateException.class), message("broken in run 2"))));
        assertThat(Files.readAllLines(dir.resolve("started"))).containsExactly("run 1", "run 2");
        assertThat(TestKit.keyValues(entries(results))).containsEntry("brigade.fork",
                "run 2 of 3 failed: run 3 was not started");
        assertThat(runsOfResults(results)).containsExactly("1", "2");
        assertThat(Leftovers.childProcesses()).noneMatch(p -> p.contains(MARKER + " "));
    }

    @Test
    void disabled_forks_run_an_invocation_of_several_runs_once_in_process_and_say_so() {
        EngineExecutionResults results = run(ThreeRunsPlain.class, Constants.FORK_ENABLED_PROPERTY_NAME, "false");

        results.testEvents().assertStatistics(s -> s.succeeded(1));
        assertThat(TestKit.keyValues(TestKit.entries(results).get("body()"))).containsEntry("brigade.fork",
                "brigade.fork.enabled = false: ran in the test's own JVM, not in a fork (once, not in 3 forks)");
    }

    @Test
    void runs_outside_one_to_a_hundred_are_a_configuration_error() {
        TestKit.run(BadRuns.class).testEvents().assertThatEvents()
                .haveExactly(1, event(test("none"), finishedWithFailure(instanceOf(
                        ExtensionConfigurationException.class), message("Configuration error: @Fork(runs = 0) on"
                        + " method [ForkRunsTest.BadRuns#none]: runs is the number of fresh JVMs each invocation runs"
                        + " in, one after another: from 1 to 100 (3 to 5 give a baseline comparison the spread between"
                        + " JVMs)"))))
                .haveExactly(1, event(test("tooMany"), finishedWithFailure(instanceOf(
                        ExtensionConfigurationException.class), message(m -> m.startsWith("Configuration error:"
                        + " @Fork(runs = 101) on method [ForkRunsTest.BadRuns#tooMany]: runs is the number")))));
    }
}
