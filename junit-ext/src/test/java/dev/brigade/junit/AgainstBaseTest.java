package dev.brigade.junit;

import static dev.brigade.fixture.TaskKind.VIRTUAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.brigade.fixture.BrigadeFixture;
import dev.brigade.junit.internal.report.RunReportAccess;
import example.codec.AddedMethodCases;
import example.codec.AgainstBaseCases;
import example.codec.BaseBuilds;
import example.codec.CheckingCases;
import example.codec.DefaultToleranceCases;
import example.codec.ForkedAgainstBaseCases;
import example.codec.NewInThisChangeCases;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.opentest4j.AssertionFailedError;

/**
 * {@code @AgainstBase} through the engine: a real base build (the sample codec compiled again with other work per
 * hop, beside a copy of the test class), measured beside the current build in one JVM.
 */
class AgainstBaseTest {

    @TempDir
    Path dir;

    /** A base build whose codec does {@code nanosPerHop} of work per hop, with the test class as it is now. */
    private String baseBuild(long nanosPerHop) throws Exception {
        return baseBuild(nanosPerHop, AgainstBaseCases.class);
    }

    /** A base build whose codec does {@code nanosPerHop} of work per hop, with {@code cases} as it is now. */
    private String baseBuild(long nanosPerHop, Class<?> cases) throws Exception {
        Path classes = BaseBuilds.sampleCodec(dir, "21", nanosPerHop);
        String testClass = cases.getName().replace('.', '/') + ".class";
        try (InputStream in = cases.getClassLoader().getResourceAsStream(testClass)) {
            Files.createDirectories(classes.resolve(testClass).getParent());
            Files.copy(in, classes.resolve(testClass));
        }
        return classes.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    private static Map<String, String> entries(EngineExecutionResults results) {
        return TestKit.keyValues(TestKit.entries(results).values().stream().flatMap(List::stream).toList());
    }

    @Test
    void passes_against_an_identical_base_build() throws Exception {
        EngineExecutionResults results = TestKit.run(AgainstBaseCases.class,
                Constants.BASE_CLASSPATH_PROPERTY_NAME, baseBuild(30_000));

        results.testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
        assertThat(entries(results).get("brigade.base.VIRTUAL.nanosPerHop")).startsWith("current/base ")
                .endsWith(": pass");
    }

    @Test
    void fails_against_a_base_build_whose_work_per_hop_is_a_third_cheaper() throws Exception {
        Path reports = dir.resolve("reports");
        EngineExecutionResults results = TestKit.run(AgainstBaseCases.class,
                Constants.BASE_CLASSPATH_PROPERTY_NAME, baseBuild(20_000), Constants.REPORT_DIR_PROPERTY_NAME,
                reports.toString());

        results.testEvents().assertStatistics(s -> s.failed(1));
        Throwable failure = results.testEvents().failed().list().get(0).getRequiredPayload(
                org.junit.platform.engine.TestExecutionResult.class).getThrowable().orElseThrow();
        assertThat(failure).isInstanceOf(AssertionError.class).isNotInstanceOf(AssertionFailedError.class)
                .hasMessageStartingWith("nanosPerHop of VIRTUAL: the current build is slower than the base build")
                .hasMessageContaining("current/base: ").hasMessageContaining("tolerance: +5.0 %");
        assertThat(entries(results).get("brigade.base.VIRTUAL.nanosPerHop")).endsWith(": FAIL");

        RunReportAccess.render(reports);
        Map<String, Object> root = JSON.std.mapFrom(Files.readString(reports.resolve("brigade-results.json")));
        Map<String, Object> result = map(((List<?>) root.get("results")).get(0));
        assertThat((List<?>) result.get("base")).singleElement().satisfies(b -> assertThat(map(b))
                .containsEntry("metric", "nanosPerHop").containsEntry("verdict", "fail").containsKeys("ratio", "low",
                        "high", "pairs", "current", "base", "tolerance", "failsAbove")
                .satisfies(m -> assertThat((List<?>) m.get("ratios")).as("each pair's current/base")
                        .hasSize(((Number) m.get("pairs")).intValue()).allSatisfy(v -> assertThat(((Number) v)
                                .doubleValue()).isPositive())));
        assertThat(Files.readString(reports.resolve("report.html"))).contains("fail against base ");
        assertThat(RunReportAccess.summary(RunReportAccess.records())).contains("base FAIL (");
    }

    @Test
    void with_fork_measures_both_sides_in_the_child_and_decides_in_the_test_jvm() throws Exception {
        Path reports = dir.resolve("reports");
        EngineExecutionResults results = TestKit.run(ForkedAgainstBaseCases.class,
                Constants.BASE_CLASSPATH_PROPERTY_NAME, baseBuild(20_000, ForkedAgainstBaseCases.class),
                Constants.REPORT_DIR_PROPERTY_NAME, reports.toString());

        results.testEvents().assertStatistics(s -> s.failed(1));
        assertThat(results.testEvents().failed().list().get(0).getRequiredPayload(
                org.junit.platform.engine.TestExecutionResult.class).getThrowable().orElseThrow())
                .hasMessageStartingWith("nanosPerHop of VIRTUAL: the current build is slower than the base build");
        // the test's JVM pairs nothing when the test forks: the comparison came back from the child
        assertThat(entries(results).get("brigade.base.VIRTUAL.nanosPerHop")).endsWith(": FAIL");
        // each pair's ratio came back with it, for the report's chart
        RunReportAccess.render(reports);
        Map<String, Object> root = JSON.std.mapFrom(Files.readString(reports.resolve("brigade-results.json")));
        assertThat((List<?>) map(((List<?>) root.get("results")).get(0)).get("base")).singleElement()
                .satisfies(b -> assertThat((List<?>) map(b).get("ratios")).hasSize(((Number) map(b).get("pairs"))
                        .intValue()));
    }

    @Test
    void without_a_base_build_runs_as_a_measured_test_and_says_so() {
        EngineExecutionResults results = TestKit.run(AgainstBaseCases.class);

        results.testEvents().assertStatistics(s -> s.succeeded(1));
        assertThat(entries(results)).containsEntry("brigade.base",
                "no base build given (brigade.base.classpath): not compared");
    }

    @Test
    void without_a_base_build_fails_when_a_comparison_is_required() {
        EngineExecutionResults results = TestKit.run(AgainstBaseCases.class,
                Constants.BASE_REQUIRED_PROPERTY_NAME, "true");

        results.testEvents().assertStatistics(s -> s.failed(1));
        assertThat(failure(results)).isInstanceOf(AssertionError.class).hasMessage("Expected method"
                + " [AgainstBaseCases#roundTrip] to be compared with the base build (brigade.base.required = true), but"
                + " no base build given (brigade.base.classpath): not compared: set brigade.base.classpath to the base"
                + " build's classes");
        assertThat(entries(results)).containsEntry("brigade.base",
                "no base build given (brigade.base.classpath): not compared");
    }

    @Test
    void a_base_path_that_does_not_exist_is_a_configuration_error() {
        Path missing = dir.resolve("base/target/classes");

        EngineExecutionResults results = TestKit.run(AgainstBaseCases.class,
                Constants.BASE_CLASSPATH_PROPERTY_NAME, missing.toString());

        results.testEvents().assertStatistics(s -> s.failed(1));
        assertThat(results.testEvents().failed().list().get(0).getRequiredPayload(
                org.junit.platform.engine.TestExecutionResult.class).getThrowable().orElseThrow())
                .hasMessageStartingWith("Configuration error: brigade.base.classpath = \"" + missing + "\" on method"
                        + " [AgainstBaseCases#roundTrip]: the base class path entry " + missing + " does not exist");
    }

    @Test
    void a_test_class_the_base_build_lacks_runs_as_a_measured_test_new_in_this_change() throws Exception {
        Path reports = dir.resolve("reports");
        EngineExecutionResults results = TestKit.run(NewInThisChangeCases.class,
                Constants.BASE_CLASSPATH_PROPERTY_NAME, baseBuild(30_000), Constants.BASE_REQUIRED_PROPERTY_NAME,
                "true", Constants.REPORT_DIR_PROPERTY_NAME, reports.toString());

        results.testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
        assertThat(entries(results)).containsEntry("brigade.base",
                "new in this change: not compared (the base build has no such test class)")
                .containsKey("brigade.VIRTUAL.nanosPerHop");
        RunReportAccess.render(reports);
        Map<String, Object> root = JSON.std.mapFrom(Files.readString(reports.resolve("brigade-results.json")));
        assertThat(map(((List<?>) root.get("results")).get(0))).containsEntry("notCompared", "new in this change")
                .doesNotContainKey("base");
        assertThat(Files.readString(reports.resolve("summary.md")))
                .contains("| new | `NewInThisChangeCases#roundTrip` | VIRTUAL | base |  | new in this change: not"
                        + " compared |");
        assertThat(Files.readString(reports.resolve("report.html"))).contains("base: new in this change, not compared");
        assertThat(RunReportAccess.summary(RunReportAccess.records().stream()
                .filter(r -> String.valueOf(r.get("test")).endsWith("NewInThisChangeCases#roundTrip")).toList()))
                .contains("; base: new in this change, not compared");
    }

    @Test
    void a_test_method_the_base_build_lacks_runs_as_new_and_the_others_are_compared() throws Exception {
        baseBuild(30_000);
        String base = BaseBuilds.compile(dir, "21", "AddedMethodCases", AddedMethodCases.BASE_SOURCE).toString();

        EngineExecutionResults results = TestKit.run(AddedMethodCases.class,
                Constants.BASE_CLASSPATH_PROPERTY_NAME, base);

        results.testEvents().assertStatistics(s -> s.succeeded(2).failed(0));
        Map<String, Map<String, String>> byTest = new java.util.HashMap<>();
        results.allEvents().reportingEntryPublished().list().forEach(e -> byTest.computeIfAbsent(
                e.getTestDescriptor().getUniqueId().toString(), k -> new java.util.HashMap<>())
                .putAll(e.getRequiredPayload(org.junit.platform.engine.reporting.ReportEntry.class).getKeyValuePairs()));
        assertThat(byTest).hasSize(2).allSatisfy((test, values) -> {
            if (test.contains("addedMethod")) {
                assertThat(values).containsEntry("brigade.base",
                        "new in this change: not compared (the base build has no such test method)");
            } else {
                assertThat(values).doesNotContainKey("brigade.base")
                        .containsKey("brigade.base.VIRTUAL.nanosPerHop");
            }
        });
    }

    @Test
    void a_base_path_with_none_of_the_test_classes_is_a_configuration_error() throws Exception {
        // the base build's main classes without its test classes: a class the current build's tests do not have
        Path codecOnly = BaseBuilds.compile(dir, "21", "BaseOnlyCodec", "package example.codec; class BaseOnlyCodec {}");

        EngineExecutionResults results = TestKit.run(AgainstBaseCases.class,
                Constants.BASE_CLASSPATH_PROPERTY_NAME, codecOnly.toString());

        results.testEvents().assertStatistics(s -> s.failed(1));
        assertThat(results.testEvents().failed().list().get(0).getRequiredPayload(
                org.junit.platform.engine.TestExecutionResult.class).getThrowable().orElseThrow())
                .hasMessageStartingWith("Configuration error: brigade.base.classpath = \"" + codecOnly + "\" on method"
                        + " [AgainstBaseCases#roundTrip]: the base build has none of the current build's test classes");
    }

    @Test
    void a_failure_of_the_base_builds_code_says_it_is_the_base_builds() throws Exception {
        Path base = BaseBuilds.failingCodec(dir, "21");
        String testClass = CheckingCases.class.getName().replace('.', '/') + ".class";
        try (InputStream in = CheckingCases.class.getClassLoader().getResourceAsStream(testClass)) {
            Files.copy(in, base.resolve(testClass));
        }

        EngineExecutionResults results = TestKit.run(CheckingCases.class,
                Constants.BASE_CLASSPATH_PROPERTY_NAME, base.toString());

        results.testEvents().assertStatistics(s -> s.failed(1));
        Throwable failure = results.testEvents().failed().list().get(0).getRequiredPayload(
                org.junit.platform.engine.TestExecutionResult.class).getThrowable().orElseThrow();
        assertThat(failure).isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("the base build's copy of the test failed (its code, not the current"
                        + " build's), so there is nothing to compare with: ")
                .hasMessageContaining("the base codec broke")
                .hasRootCauseMessage("the base codec broke");
    }

    private static Throwable failure(EngineExecutionResults results) {
        return results.testEvents().failed().list().get(0).getRequiredPayload(
                org.junit.platform.engine.TestExecutionResult.class).getThrowable().orElseThrow();
    }

    /**
     * An empty {@code brigade.base.tolerance} is the documented 5 % (it had been the baselines' 10 %), a set one is
     * used, and {@code metrics} compares the metric named instead of the main one: against a base build whose work
     * per hop is a sixth of the current one (cpuNanosPerHop current/base about 2; 1.28 seen with a third cheaper),
     * each fails and says with which tolerance.
     */
    @Test
    void brigade_base_tolerance_empty_is_five_percent_and_set_is_used_on_the_metrics_named() throws Exception {
        String base = baseBuild(5_000, DefaultToleranceCases.class);
        // blank values (spaces) read as empty: ParserPropertiesTest checks that without a measurement
        for (String[] setAndSaid : new String[][] {{"", "+5.0 %"}, {"20%", "+20.0 %"}}) {
            EngineExecutionResults results = TestKit.run(DefaultToleranceCases.class,
                    Constants.BASE_CLASSPATH_PROPERTY_NAME, base, Constants.BASE_TOLERANCE_PROPERTY_NAME,
                    setAndSaid[0]);

            results.testEvents().assertStatistics(s -> s.failed(1));
            assertThat(failure(results)).as("brigade.base.tolerance = \"%s\"", setAndSaid[0])
                    .hasMessageStartingWith("cpuNanosPerHop of VIRTUAL: the current build uses more CPU than the"
                            + " base build").hasMessageContaining("tolerance: " + setAndSaid[1] + ",");
            assertThat(entries(results)).as("only the metric named is compared")
                    .containsKey("brigade.base.VIRTUAL.cpuNanosPerHop")
                    .doesNotContainKey("brigade.base.VIRTUAL.nanosPerHop")
                    .hasEntrySatisfying("brigade.base.VIRTUAL.cpuNanosPerHop", v -> assertThat(v).endsWith(": FAIL"));
        }
    }

    @TestKit.TestCase
    static class UnknownMetric {
        @Brigade(tasks = 20, kinds = VIRTUAL, warmup = "0ms", measure = "50ms")
        @AgainstBase(metrics = "nanosPerHopp")
        void roundTrip(BrigadeFixture brigade) {
            brigade.run();
        }
    }

    @Test
    void an_unknown_metric_is_a_configuration_error() {
        TestKit.run(UnknownMetric.class).allEvents().assertThatEvents().haveExactly(1, event(finishedWithFailure(
                instanceOf(ExtensionConfigurationException.class), message(m -> m.startsWith(
                        "Configuration error: @AgainstBase(metrics = \"nanosPerHopp\") on method"
                                + " [AgainstBaseTest.UnknownMetric#roundTrip]: unknown metric \"nanosPerHopp\":"
                                + " known metrics are nanosPerHop, ")))));
    }

    @TestKit.TestCase
    static class BadTolerance {
        @Brigade(tasks = 20, kinds = VIRTUAL, warmup = "0ms", measure = "50ms")
        @AgainstBase(tolerance = "lots")
        void roundTrip(BrigadeFixture brigade) {
            brigade.run();
        }
    }

    @TestKit.TestCase
    static class NoTolerance {
        @Brigade(tasks = 20, kinds = VIRTUAL, warmup = "0ms", measure = "50ms")
        @AgainstBase
        void roundTrip(BrigadeFixture brigade) {
            brigade.run();
        }
    }

    @Test
    void a_bad_tolerance_is_a_configuration_error_that_names_it_and_the_comparison() {
        TestKit.run(BadTolerance.class).allEvents().assertThatEvents().haveExactly(1, event(finishedWithFailure(
                instanceOf(ExtensionConfigurationException.class), message(
                        "Configuration error: @AgainstBase(tolerance = \"lots\") on method"
                                + " [AgainstBaseTest.BadTolerance#roundTrip]: a tolerance is the slowdown an"
                                + " @AgainstBase comparison allows, a fraction greater than 0 and less than 1 (0.05)"
                                + " or a percentage (5%)"))));
        for (String tolerance : new String[] {"0", "1", "150%", "ten"}) {
            TestKit.run(NoTolerance.class, Constants.BASE_TOLERANCE_PROPERTY_NAME, tolerance).allEvents()
                    .assertThatEvents().haveExactly(1, event(finishedWithFailure(
                            instanceOf(ExtensionConfigurationException.class), message(m -> m.startsWith(
                                    "Configuration error: brigade.base.tolerance = \"" + tolerance + "\" on method"
                                            + " [AgainstBaseTest.NoTolerance#roundTrip]: a tolerance is the slowdown"
                                            + " an @AgainstBase comparison allows")))));
        }
    }

    /**
     * What each test's fixture measures at most, as its body sees it before setting a short time of its own (which
     * wins): the current side's, in this loader's copy of the class (the base side's copy is the base build's).
     */
    @TestKit.TestCase
    static class Measures {
        static final Map<String, Duration> SEEN = new ConcurrentHashMap<>();

        @Brigade(tasks = 20, kinds = VIRTUAL, warmup = "0ms", measure = "50ms")
        @AgainstBase(tolerance = "90%")
        void byDefault(BrigadeFixture brigade) {
            seen("byDefault", brigade);
        }

        @Brigade(tasks = 20, kinds = VIRTUAL, warmup = "0ms", measure = "50ms")
        @AgainstBase(tolerance = "90%", measure = "200ms")
        void lowered(BrigadeFixture brigade) {
            seen("lowered", brigade);
        }

        @Brigade(tasks = 20, kinds = VIRTUAL, warmup = "0ms", measure = "7s")
        @AgainstBase(tolerance = "90%")
        void longerOwn(BrigadeFixture brigade) {
            seen("longerOwn", brigade);
        }

        @org.junit.jupiter.api.Test
        @AgainstBase(tolerance = "90%")
        void plain(BrigadeFixture brigade) {
            seen("plain", brigade);
        }

        private static void seen(String test, BrigadeFixture brigade) {
            SEEN.put(test, brigade.measure());
            brigade.tasks(20).warmup(Duration.ZERO).measure(Duration.ofMillis(20)).measureMemory(false).run();
        }
    }

    @Test
    void a_comparison_measures_five_seconds_at_most_by_default_or_the_longer_of_its_own_and_the_fixtures()
            throws Exception {
        Measures.SEEN.clear();
        TestKit.run(Measures.class, Constants.BASE_CLASSPATH_PROPERTY_NAME, baseBuild(20_000, Measures.class),
                Constants.SCALE_PROPERTY_NAME, "0.5");

        // scaled by 0.5 as measure is: 5 s → 2.5 s; the plain test's fixture measures 1 s by default
        assertThat(Measures.SEEN).containsOnly(Map.entry("byDefault", Duration.ofMillis(2_500)),
                Map.entry("lowered", Duration.ofMillis(100)), Map.entry("longerOwn", Duration.ofMillis(3_500)),
                Map.entry("plain", Duration.ofMillis(2_500)));

        // without a base build nothing is paired: each fixture measures as its annotation says
        Measures.SEEN.clear();
        TestKit.run(Measures.class, Constants.SCALE_PROPERTY_NAME, "0.5");
        assertThat(Measures.SEEN).containsOnly(Map.entry("byDefault", Duration.ofMillis(25)),
                Map.entry("lowered", Duration.ofMillis(25)), Map.entry("longerOwn", Duration.ofMillis(3_500)),
                Map.entry("plain", Duration.ofMillis(500)));
    }

    @TestKit.TestCase
    static class BadMeasure {
        @Brigade(tasks = 20, kinds = VIRTUAL, warmup = "0ms", measure = "50ms")
        @AgainstBase(measure = "soon")
        void roundTrip(BrigadeFixture brigade) {
            brigade.run();
        }
    }

    @Test
    void a_bad_measure_is_a_configuration_error_that_names_it() {
        TestKit.run(BadMeasure.class).allEvents().assertThatEvents().haveExactly(1, event(finishedWithFailure(
                instanceOf(ExtensionConfigurationException.class), message(m -> m.startsWith(
                        "Configuration error: @AgainstBase(measure = \"soon\") on method"
                                + " [AgainstBaseTest.BadMeasure#roundTrip]: ")))));
    }
}
