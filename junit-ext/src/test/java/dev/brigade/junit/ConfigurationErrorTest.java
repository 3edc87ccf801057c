package dev.brigade.junit;

import static dev.brigade.fixture.TaskKind.ASYNC;
import static dev.brigade.fixture.TaskKind.PLATFORM;
import static dev.brigade.fixture.TaskKind.VIRTUAL;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.brigade.fixture.BrigadeFixture;
import dev.brigade.fixture.CostMeter;
import dev.brigade.fixture.LinkType;
import dev.brigade.fixture.SpawnFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Every value is checked before anything runs; the test at fault fails with a Configuration error, the others run. */
class ConfigurationErrorTest {

    @TestKit.TestCase
    static class Annotations {
        @Brigade(tasks = 0)
        void zeroTasks(BrigadeFixture brigade) {
            brigade.run();
        }

        @Spawn(tasks = -5)
        void negativeTasks(SpawnFixture spawn) {
            spawn.run();
        }

        @Brigade(kinds = {})
        void noKinds(BrigadeFixture brigade) {
            brigade.run();
        }

        @Brigade(kinds = {VIRTUAL, PLATFORM, VIRTUAL})
        void kindTwice(BrigadeFixture brigade) {
            brigade.run();
        }

        @Brigade(warmup = "2 parsecs")
        void unknownUnit(BrigadeFixture brigade) {
            brigade.run();
        }

        @Spawn(measure = "soon")
        void notADuration(SpawnFixture spawn) {
            spawn.run();
        }

        @Brigade(measure = "0ms")
        void zeroMeasure(BrigadeFixture brigade) {
            brigade.run();
        }

        @Brigade(kinds = {VIRTUAL, ASYNC}, link = LinkType.SYNCHRONOUS_QUEUE)
        void asyncSynchronous(BrigadeFixture brigade) {
            brigade.run();
        }

        @Brigade(tasks = 20, kinds = VIRTUAL)
        @Budget(kind = VIRTUAL, perHop = "2 parsecs")
        void budgetUnit(BrigadeFixture brigade) {
            brigade.run();
        }

        @Brigade(tasks = 20, kinds = VIRTUAL)
        @Budget(kind = VIRTUAL, memoryPerTask = "8 KiBs")
        void budgetSizeUnit(BrigadeFixture brigade) {
            brigade.run();
        }

        @Brigade(tasks = 20, kinds = {VIRTUAL, PLATFORM})
        @Budget(kind = ASYNC, perHop = "2us")
        void budgetKindNotRun(BrigadeFixture brigade) {
            brigade.run();
        }

        @Brigade(tasks = 20, kinds = VIRTUAL)
        @Budget(kind = VIRTUAL)
        void budgetWithoutLimit(BrigadeFixture brigade) {
            brigade.run();
        }

        @Brigade(tasks = 20, kinds = VIRTUAL)
        @Budget(kind = VIRTUAL, creationCost = "1us")
        void budgetMetricOfOtherFixture(BrigadeFixture brigade) {
            brigade.run();
        }

        @Spawn(tasks = 20, kinds = VIRTUAL)
        @Budget(kind = VIRTUAL, contextSwitchesPerTask = Double.NaN)
        void budgetNaN(SpawnFixture spawn) {
            spawn.run();
        }

        @Brigade(tasks = 20, kinds = VIRTUAL)
        @Spawn(tasks = 20, kinds = VIRTUAL)
        void both(BrigadeFixture brigade) {
            brigade.run();
        }

        @Test
        @Brigade(tasks = 20, kinds = VIRTUAL)
        void alsoTest(BrigadeFixture brigade) {
            brigade.run();
        }

        @Test
        @Budget(kind = VIRTUAL, perHop = "2us")
        void budgetWithoutFixture() {
        }

        @Test
        void unmeasured() {
        }

        @Test
        @ExtendWith(BrigadeExtension.class)
        void measuredButFine(CostMeter meter) {
            meter.measure(() -> { });
        }
    }

    @Test
    void every_annotation_attribute_is_checked_and_the_others_run() {
        EngineExecutionResults results = TestKit.run(Annotations.class);

        results.containerEvents().assertThatEvents()
                .haveExactly(1, failedTemplate("zeroTasks", "@Brigade(tasks = 0)", "tasks must be at least 1"))
                .haveExactly(1, failedTemplate("negativeTasks", "@Spawn(tasks = -5)", "tasks must be at least 1"))
                .haveExactly(1, failedTemplate("noKinds", "@Brigade(kinds = {})",
                        "kinds must name at least one task kind, like kinds = {VIRTUAL, PLATFORM}"))
                .haveExactly(1, failedTemplate("kindTwice", "@Brigade(kinds = {VIRTUAL, PLATFORM, VIRTUAL})",
                        "kinds names VIRTUAL twice; name each kind once"))
                .haveExactly(1, failedTemplate("unknownUnit", "@Brigade(warmup = \"2 parsecs\")",
                        "\"2 parsecs\" has an unknown unit \"parsecs\": use ns, us (or µs), ms, s or min"))
                .haveExactly(1, failedTemplate("notADuration", "@Spawn(measure = \"soon\")",
                        "\"soon\" is not a duration: write a number and a unit, like \"300ms\", \"2us\" or \"1.5s\""))
                .haveExactly(1, failedTemplate("zeroMeasure", "@Brigade(measure = \"0ms\")",
                        "measure must be longer than zero, like \"1s\""))
                .haveExactly(1, failedTemplate("asyncSynchronous",
                        "@Brigade(kinds = {VIRTUAL, ASYNC}, link = SYNCHRONOUS_QUEUE)",
                        "ASYNC tasks cannot hand off through SYNCHRONOUS_QUEUE links: a callback stage cannot wait for"
                                + " its receiver; use link = LinkType.QUEUE or drop ASYNC from kinds"))
                .haveExactly(1, failedTemplate("budgetUnit", "@Budget(perHop = \"2 parsecs\")",
                        "\"2 parsecs\" has an unknown unit \"parsecs\": use ns, us (or µs), ms, s or min"))
                .haveExactly(1, failedTemplate("budgetSizeUnit", "@Budget(memoryPerTask = \"8 KiBs\")",
                        "size \"8 KiBs\" has an unknown unit \"KiBs\": use B, KiB, MiB or GiB (or KB, MB, GB)"))
                .haveExactly(1, failedTemplate("budgetKindNotRun", "@Budget(kind = ASYNC)",
                        "the test runs VIRTUAL, PLATFORM but not ASYNC: add ASYNC to @Brigade(kinds = ...) or remove"
                                + " the budget"))
                .haveExactly(1, failedTemplate("budgetWithoutLimit", "@Budget(kind = VIRTUAL)",
                        "the budget sets no limit: set perHop, cpuPerHop, contextSwitchesPerHop, memoryPerTask,"
                                + " heapPerTask, creationCost, startLatency, contextSwitchesPerTask (durations like"
                                + " \"2us\", sizes like \"8KiB\", counts like 0.1)"))
                .haveExactly(1, failedTemplate("budgetMetricOfOtherFixture", "@Budget(creationCost = \"1us\")",
                        "creationCost limits spawn results, which a @Brigade test does not produce: use perHop,"
                                + " cpuPerHop, contextSwitchesPerHop, memoryPerTask, heapPerTask"))
                .haveExactly(1, failedTemplate("budgetNaN", "@Budget(contextSwitchesPerTask = NaN)",
                        "contextSwitchesPerTask must be a finite number of context switches, or negative to leave it"
                                + " unset"))
                .haveExactly(1, failedTemplate("both", "@Brigade and @Spawn",
                        "a test method is either a brigade test or a spawn test; write two methods"));
        results.testEvents().assertThatEvents()
                .haveExactly(1, event(test("alsoTest"), finishedWithFailure(
                        instanceOf(ExtensionConfigurationException.class), message(error("alsoTest",
                                "@Brigade and @Test", "@Brigade makes the method a test (one per kind) by itself:"
                                        + " remove @Test")))))
                .haveExactly(1, event(test("budgetWithoutFixture"), finishedWithFailure(
                        instanceOf(ExtensionConfigurationException.class), message(error("budgetWithoutFixture",
                                "@Budget(kind = VIRTUAL, perHop = \"2us\")", "the method is not a @Brigade or @Spawn"
                                        + " test and takes no BrigadeFixture, SpawnFixture or CostMeter parameter,"
                                        + " so no result can reach the budget: take the fixture as a parameter, or"
                                        + " use @Brigade or @Spawn")))))
                .haveExactly(1, event(test("unmeasured"), finishedSuccessfully()))
                .haveExactly(1, event(test("measuredButFine"), finishedSuccessfully()));
        results.testEvents().assertStatistics(s -> s.started(4).succeeded(2).failed(2));
    }

    @TestKit.TestCase
    static class Configured {
        @Brigade(tasks = 20, kinds = VIRTUAL)
        void template(BrigadeFixture brigade) {
            brigade.run();
        }

        @Test
        @ExtendWith(BrigadeExtension.class)
        void plain(CostMeter meter) {
            meter.measure(() -> { });
        }

        @Test
        void unmeasured() {
        }
    }

    @Test
    void brigade_scale_must_be_a_number_above_zero() {
        for (String scale : new String[] {"0", "-1", "fast", "NaN", "Infinity"}) {
            String problem = "brigade.scale must be a number greater than 0 that multiplies warm-up and measurement"
                    + " times, like 0.2 for a quick run or 1.0 for the times as written";
            configurationError(TestKit.run(Configured.class, Constants.SCALE_PROPERTY_NAME, scale),
                    "brigade.scale = \"" + scale + "\"", problem);
        }
    }

    @Test
    void brigade_enabled_must_be_true_or_false() {
        configurationError(TestKit.run(Configured.class, Constants.ENABLED_PROPERTY_NAME, "maybe"),
                "brigade.enabled = \"maybe\"",
                "brigade.enabled must be true (measured tests run) or false (they are skipped)");
    }

    @Test
    void brigade_report_dir_must_name_a_directory() {
        configurationError(TestKit.run(Configured.class, Constants.REPORT_DIR_PROPERTY_NAME, " "),
                "brigade.report.dir = \" \"", "brigade.report.dir must name a directory, like target/brigade");
    }

    @Test
    void brigade_summary_must_be_tests_or_full() {
        configurationError(TestKit.run(Configured.class, Constants.SUMMARY_PROPERTY_NAME, "all"),
                "brigade.summary = \"all\"", "brigade.summary must be tests (the failures and one line per test) or"
                        + " full (also a line per result and metric)");
    }

    @Test
    void brigade_timeout_must_be_a_duration_above_zero() {
        String problem = "brigade.timeout must be a duration greater than zero, like \"2min\" or \"30s\" (";
        configurationError(TestKit.run(Configured.class, Constants.TIMEOUT_PROPERTY_NAME, "soon"),
                "brigade.timeout = \"soon\"", problem + "\"soon\" is not a duration: write a number and a unit, like"
                        + " \"300ms\", \"2us\" or \"1.5s\")");
        configurationError(TestKit.run(Configured.class, Constants.TIMEOUT_PROPERTY_NAME, "30 parsecs"),
                "brigade.timeout = \"30 parsecs\"", problem + "\"30 parsecs\" has an unknown unit \"parsecs\": use ns,"
                        + " us (or µs), ms, s or min)");
        configurationError(TestKit.run(Configured.class, Constants.TIMEOUT_PROPERTY_NAME, "0s"),
                "brigade.timeout = \"0s\"", problem + "it is zero)");
    }

    private static void configurationError(EngineExecutionResults results, String what, String problem) {
        results.containerEvents().assertThatEvents().haveExactly(1, event(container("template"),
                finishedWithFailure(instanceOf(ExtensionConfigurationException.class),
                        message("Configuration error: " + what + " on method [ConfigurationErrorTest.Configured"
                                + "#template]: " + problem))));
        results.testEvents().assertThatEvents()
                .haveExactly(1, event(test("plain"), finishedWithFailure(
                        instanceOf(ExtensionConfigurationException.class),
                        message("Configuration error: " + what + " on method [ConfigurationErrorTest.Configured"
                                + "#plain]: " + problem))))
                .haveExactly(1, event(test("unmeasured"), finishedSuccessfully()));
    }

    private static org.assertj.core.api.Condition<org.junit.platform.testkit.engine.Event> failedTemplate(
            String method, String what, String problem) {
        return event(container(method), finishedWithFailure(instanceOf(ExtensionConfigurationException.class),
                message(error(method, what, problem))));
    }

    private static String error(String method, String what, String problem) {
        return "Configuration error: " + what + " on method [ConfigurationErrorTest.Annotations#" + method + "]: "
                + problem;
    }
}
