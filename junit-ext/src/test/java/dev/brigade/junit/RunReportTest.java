package dev.brigade.junit;

import static dev.brigade.fixture.TaskKind.PLATFORM;
import static dev.brigade.fixture.TaskKind.VIRTUAL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.brigade.fixture.BrigadeFixture;
import dev.brigade.junit.internal.report.RunReportAccess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The run's files: brigade-results.json (the contract's fields), jmh-results.json, bencher.json, merged parts. */
class RunReportTest {

    @TempDir
    Path dir;

    @TestKit.TestCase
    static class Measured {
        @Brigade(tasks = 20, kinds = {VIRTUAL, PLATFORM}, warmup = "0ms", measure = "100ms")
        @Budget(kind = VIRTUAL, perHop = "1s")
        @Budget(kind = PLATFORM, perHop = "1ns")
        void handOff(BrigadeFixture brigade) {
            brigade.measureMemory(false).run();
        }

        @org.junit.jupiter.api.Test
        @ExtendWith(BrigadeExtension.class)
        @DisplayName("quote \" new\nline <b>ünïcödé</b>")
        void oddlyNamed(BrigadeFixture brigade) {
            brigade.tasks(10).warmup(java.time.Duration.ZERO).measure(java.time.Duration.ofMillis(50))
                    .measureMemory(false).run();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @Test
    void writes_every_result_with_the_contracts_fields_in_any_locale() throws IOException {
        Locale locale = Locale.getDefault();
        TimeZone zone = TimeZone.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            TimeZone.setDefault(TimeZone.getTimeZone("Asia/Kolkata"));
            TestKit.run(Measured.class, Constants.REPORT_DIR_PROPERTY_NAME, dir.toString());
            RunReportAccess.render(dir);
        } finally {
            Locale.setDefault(locale);
            TimeZone.setDefault(zone);
        }

        Map<String, Object> root = JSON.std.mapFrom(Files.readString(dir.resolve("brigade-results.json")));
        assertThat(root).containsKeys("brigade", "createdAt", "machine", "results");
        assertThat((String) root.get("createdAt")).endsWith("Z");
        assertThat(map(root.get("machine"))).containsKeys("os", "arch", "cpus", "cpuModel", "jdk", "fingerprint");
        List<Object> results = (List<Object>) root.get("results");
        assertThat(results).hasSize(3);
        Map<String, Object> platform = results.stream().map(RunReportTest::map)
                .filter(r -> r.get("kind").equals("PLATFORM")).findFirst().orElseThrow();
        assertThat(platform).containsEntry("test", Measured.class.getName() + "#handOff")
                .containsEntry("invocation", "[PLATFORM] 20 tasks, QUEUE").containsEntry("fixture", "brigade")
                .containsEntry("link", "QUEUE").containsEntry("tasks", 20).containsEntry("forked", false);
        Map<String, Object> perHop = map(map(platform.get("metrics")).get("nanosPerHop"));
        assertThat(perHop).containsKeys("median", "low", "high", "cv", "samples").containsEntry("unit", "ns");
        assertThat(((Number) perHop.get("median")).doubleValue()).isPositive();
        assertThat((List<Object>) platform.get("budgets")).singleElement().satisfies(b -> assertThat(map(b))
                .containsEntry("metric", "nanosPerHop").containsEntry("limit", 1.0).containsEntry("verdict", "fail"));
        // JUnit 6 shows a newline in a display name as <LF>; JUnit 5 keeps it: either way the JSON holds it exactly
        assertThat(results).anySatisfy(r -> assertThat((String) map(r).get("invocation"))
                .isIn("quote \" new\nline <b>ünïcödé</b>", "quote \" new<LF>line <b>ünïcödé</b>"));

        Map<String, Object> bencher = JSON.std.mapFrom(Files.readString(dir.resolve("bencher.json")));
        assertThat(bencher)
                .containsKey(Measured.class.getName() + "#handOff [VIRTUAL] 20 tasks, QUEUE brigade VIRTUAL");
        assertThat(map(map(bencher.get(Measured.class.getName() + "#handOff [VIRTUAL] 20 tasks, QUEUE brigade VIRTUAL"))
                .get("nanos-per-hop"))).containsKeys("value", "lower_value", "upper_value");

        List<Object> jmh = JSON.std.listFrom(Files.readString(dir.resolve("jmh-results.json")));
        assertThat(jmh).allSatisfy(entry -> {
            assertThat(map(entry)).containsKeys("jmhVersion", "benchmark", "mode", "params", "primaryMetric");
            assertThat(map(map(entry).get("primaryMetric"))).containsKeys("score", "scoreError", "scoreConfidence",
                    "scorePercentiles", "scoreUnit", "rawData");
        });
        // a value written with a decimal comma would read as a value followed by a stray number
        assertThat(jmh).allSatisfy(entry -> assertThat(map(map(entry).get("primaryMetric")).get("score"))
                .isInstanceOf(Number.class));
        assertThat(Files.readString(dir.resolve("jmh-results.json"))).doesNotContainPattern("\":\\s*-?\\d+,\\d");
    }

    @Test
    void merges_the_parts_of_one_run_and_drops_a_previous_runs() throws IOException {
        Path parts = Files.createDirectories(dir.resolve("parts"));
        Files.writeString(parts.resolve(RunReportAccess.run() + "-999999.json"),
                "{\"run\":\"x\",\"results\":[{\"test\":\"other.Fork#test\",\"invocation\":\"\",\"fixture\":\"cost\","
                        + "\"kind\":\"cost\",\"tasks\":0,\"forked\":false,\"metrics\":{},\"budgets\":[],"
                        + "\"baselines\":[]}]}");
        Files.writeString(parts.resolve("1_1-1.json"), "{\"run\":\"old\",\"results\":[]}");

        TestKit.run(Measured.class, Constants.REPORT_DIR_PROPERTY_NAME, dir.toString());
        RunReportAccess.render(dir);

        String merged = Files.readString(dir.resolve("brigade-results.json"));
        assertThat(merged).contains("other.Fork#test", Measured.class.getName() + "#handOff");
        assertThat(parts.resolve("1_1-1.json")).doesNotExist();
        assertThat(dir).isDirectoryNotContaining(p -> p.getFileName().toString().endsWith(".tmp"));
    }

    @Test
    void an_unwritable_report_directory_leaves_the_tests_to_their_own_merits() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "not a directory");

        TestKit.run(Measured.class, Constants.REPORT_DIR_PROPERTY_NAME, file.resolve("reports").toString())
                .testEvents().assertStatistics(s -> s.succeeded(2).failed(1));
    }

    @Test
    void summarises_the_run_in_aligned_lines() throws IOException {
        TestKit.run(Measured.class, Constants.REPORT_DIR_PROPERTY_NAME, dir.toString());
        RunReportAccess.render(dir);
        List<Object> results = (List<Object>) JSON.std.mapFrom(Files.readString(dir.resolve("brigade-results.json")))
                .get("results");

        String summary = RunReportAccess.summary(results.stream().map(RunReportTest::map).toList());

        assertThat(summary).contains("Brigade: 3 results", "budget FAIL", "budget pass", "verdict: budget pass/FAIL")
                // a measurement short enough to give one round prints no interval; rounds in two clusters are
                // marked bimodal after it
                .containsPattern("RunReportTest\\$Measured#handOff +\\[VIRTUAL] 20 tasks, QUEUE +VIRTUAL +nanosPerHop +"
                        + "\\S+ .s( \\[.+–.+])?( bimodal)? +budget pass");
    }

    @Test
    void the_html_report_opens_offline_and_draws_every_chart_in_a_real_browser() throws Exception {
        Path chromium = Path.of("/usr/bin/chromium");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(chromium),
                "Debian's chromium is not installed (.ci/run installs it)");
        TestKit.run(Measured.class, Constants.REPORT_DIR_PROPERTY_NAME, dir.toString());
        RunReportAccess.render(dir);
        Path html = dir.resolve("report.html");
        String source = Files.readString(html);
        assertThat(source).doesNotContain("<b>ünïcödé</b>").contains("&lt;b&gt;ünïcödé&lt;/b&gt;")
                .doesNotContainPattern("src=\"http|href=\"http");
        int canvases = source.split("<canvas ", -1).length - 1;

        Process browser = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + Files.createTempDirectory(dir, "chromium"), "--dump-dom",
                html.toUri() + "#all").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String dom = new String(browser.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(browser.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

        assertThat(canvases).isGreaterThanOrEqualTo(2);
        assertThat(dom).contains("data-charts=\"" + canvases + "\"", "data-charts-drawn=\"" + canvases + "\"",
                "&lt;b&gt;ünïcödé&lt;/b&gt;");
    }

    @Test
    void brigade_results_json_follows_its_schema() throws Exception {
        TestKit.run(Measured.class, Constants.REPORT_DIR_PROPERTY_NAME, dir.toString());

        String json = renderedResultsFollowingTheSchema();

        var broken = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.replace(
                "\"fixture\" : \"brigade\"", "\"fixture\" : \"bucket\""));
        assertThat(resultsSchema().validate(broken)).isNotEmpty();
    }

    @TestKit.TestCase
    static class Claims {
        @org.junit.jupiter.api.Test
        void claim(org.junit.jupiter.api.TestReporter reporter) {
            reporter.publishEntry(Map.of("finding", "1 hop cost", "finding.seed", "8.5×", "finding.measured",
                    "VIRTUAL 1 µs <b>", "finding.verdict", "holds", "finding.held", "4", "finding.trials", "5",
                    "finding.ratio", "PLATFORM/VIRTUAL 7.7× [7.2–8.1], 10 pairs"));
        }
    }

    /** Through the real launcher, whose listeners (the console summary among them) keep what tests publish. */
    @Test
    @SuppressWarnings("unchecked")
    void a_finding_a_test_publishes_reaches_brigade_results_json_and_the_html_report() throws Exception {
        org.junit.platform.launcher.core.LauncherFactory.create().execute(
                org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request()
                        .selectors(org.junit.platform.engine.discovery.DiscoverySelectors.selectClass(Claims.class))
                        .enableImplicitConfigurationParameters(false)
                        .configurationParameter(TestKit.IN_TEST_KIT, "true")
                        .configurationParameter(Constants.REPORT_DIR_PROPERTY_NAME, dir.toString()).build());

        Map<String, Object> root = JSON.std.mapFrom(renderedResultsFollowingTheSchema());
        assertThat((List<Object>) root.get("findings")).singleElement().satisfies(f -> assertThat(map(f))
                .containsEntry("test", Claims.class.getName() + "#claim").containsEntry("claim", "1 hop cost")
                .containsEntry("verdict", "holds").containsEntry("held", 4).containsEntry("trials", 5)
                .containsEntry("ratio", "PLATFORM/VIRTUAL 7.7× [7.2–8.1], 10 pairs"));
        assertThat(Files.readString(dir.resolve("report.html"))).contains("<h2>Findings</h2>")
                .contains("VIRTUAL 1 µs &lt;b&gt;").contains("<td class=\"holds\">holds (4 of 5): PLATFORM/VIRTUAL");
    }

    /** Renders the run's report and returns brigade-results.json, having checked it against its schema. */
    private String renderedResultsFollowingTheSchema() throws Exception {
        RunReportAccess.render(dir);
        String json = Files.readString(dir.resolve("brigade-results.json"));
        assertThat(resultsSchema().validate(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json)))
                .as("brigade-results.json against docs/brigade-results.schema.json").isEmpty();
        return json;
    }

    private static com.networknt.schema.JsonSchema resultsSchema() throws java.io.IOException {
        return com.networknt.schema.JsonSchemaFactory.getInstance(com.networknt.schema.SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(Path.of("..", "docs", "brigade-results.schema.json")));
    }

    @TestKit.TestCase
    static class Baselined {
        @Brigade(tasks = 20, kinds = VIRTUAL, warmup = "0ms", measure = "100ms")
        @Baseline(tolerance = "90%")
        void handOff(BrigadeFixture brigade) {
            brigade.measureMemory(false).run();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_baseline_comparison_of_several_runs_follows_the_schema_with_its_runs_and_interval() throws Exception {
        Path baselines = dir.resolve("baselines");
        for (int i = 0; i < 2; i++) {
            TestKit.run(Baselined.class, Constants.BASELINE_DIR_PROPERTY_NAME, baselines.toString(),
                    Constants.BASELINE_UPDATE_PROPERTY_NAME, "add", Constants.REPORT_DIR_PROPERTY_NAME,
                    dir.resolve("recording").toString());
        }
        TestKit.run(Baselined.class, Constants.BASELINE_DIR_PROPERTY_NAME, baselines.toString(),
                Constants.REPORT_DIR_PROPERTY_NAME, dir.toString()).testEvents().assertStatistics(s -> s.succeeded(1));
        String json = renderedResultsFollowingTheSchema();

        Map<String, Object> result = map(((List<Object>) JSON.std.mapFrom(json).get("results")).get(0));
        assertThat(map(result.get("baseline"))).containsEntry("metric", "nanosPerHop").containsEntry("runs", 2)
                .containsEntry("interval", "prediction").containsKey("spread").containsEntry("verdict", "pass")
                .hasEntrySatisfying("failsAbove", v -> assertThat(((Number) v).doubleValue()).isGreaterThanOrEqualTo(1.9));
        assertThat(Files.readString(dir.resolve("report.html"))).contains("pass", ", 2 runs; fails above ");
        assertThat(RunReportAccess.summary(List.of(result))).containsPattern("baseline pass \\(\\S+×, 2 runs; fails"
                + " above \\S+×\\)");
    }

    @TestKit.TestCase
    static class BaselinedInTwoForks {
        @Brigade(tasks = 20, kinds = VIRTUAL, warmup = "0ms", measure = "100ms")
        @Baseline(tolerance = "90%")
        @Fork(runs = 2)
        void handOff(BrigadeFixture brigade) {
            brigade.measureMemory(false).run();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_comparison_of_two_forked_runs_follows_the_schema_with_its_current_runs_and_each_results_run()
            throws Exception {
        Path baselines = dir.resolve("baselines");
        TestKit.run(BaselinedInTwoForks.class, Constants.BASELINE_DIR_PROPERTY_NAME, baselines.toString(),
                Constants.BASELINE_UPDATE_PROPERTY_NAME, "true", Constants.REPORT_DIR_PROPERTY_NAME,
                dir.resolve("recording").toString()).testEvents().assertStatistics(s -> s.succeeded(1));
        TestKit.run(BaselinedInTwoForks.class, Constants.BASELINE_DIR_PROPERTY_NAME, baselines.toString(),
                Constants.REPORT_DIR_PROPERTY_NAME, dir.toString()).testEvents().assertStatistics(s -> s.succeeded(1));
        String json = renderedResultsFollowingTheSchema();

        List<Object> results = (List<Object>) JSON.std.mapFrom(json).get("results");
        assertThat(results).hasSize(2);
        assertThat(map(results.get(0))).containsEntry("forked", true).containsEntry("forkRun", 1);
        assertThat(map(results.get(1))).containsEntry("forkRun", 2).doesNotContainKey("baseline");
        assertThat(map(map(results.get(0)).get("baseline"))).containsEntry("runs", 2).containsEntry("currentRuns", 2)
                .containsEntry("interval", "two-sample").containsKey("spread").containsEntry("verdict", "pass");
        assertThat(Files.readString(dir.resolve("report.html"))).contains("pass", ", 2 vs 2 runs");
    }

    @Test
    void two_jvms_of_one_run_land_in_one_set_of_files() throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process[] children = new Process[2];
        for (int i = 0; i < 2; i++) {
            // both children of this JVM, as Surefire's forks are of the Maven JVM
            children[i] = new ProcessBuilder(java, "-Dsurefire.test.class.path=x", "-cp",
                    System.getProperty("java.class.path"), ReportPartMain.class.getName(), dir.toString(), "fork" + i)
                    .redirectErrorStream(true).start();
        }
        for (Process child : children) {
            String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(child.waitFor()).as(output).isZero();
        }

        String merged = Files.readString(dir.resolve("brigade-results.json"));
        assertThat(merged).contains("com.example.fork0#handOff", "com.example.fork1#handOff");
        assertThat(Files.readString(dir.resolve("report.html"))).contains("fork0#handOff", "fork1#handOff");
    }

    @Test
    void jmh_results_json_has_every_field_a_real_jmh_run_writes() throws Exception {
        TestKit.run(Measured.class, Constants.REPORT_DIR_PROPERTY_NAME, dir.toString());
        RunReportAccess.render(dir);
        // written by JMH 1.37 itself: java -jar benchmarks/target/benchmarks.jar OneThreadFloor ... -rf json
        List<Object> real;
        try (var in = RunReportTest.class.getResourceAsStream("/jmh-real-run.json")) {
            real = JSON.std.listFrom(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        List<Object> ours = JSON.std.listFrom(Files.readString(dir.resolve("jmh-results.json")));

        Map<String, Object> realEntry = map(real.get(0));
        assertThat(ours).isNotEmpty().allSatisfy(entry -> {
            assertThat(map(entry)).containsKeys(realEntry.keySet().toArray(String[]::new));
            assertThat(map(map(entry).get("primaryMetric"))).containsKeys(map(realEntry.get("primaryMetric")).keySet()
                    .toArray(String[]::new));
            assertThat(map(map(map(entry).get("primaryMetric")).get("scorePercentiles"))).containsOnlyKeys(
                    map(map(realEntry.get("primaryMetric")).get("scorePercentiles")).keySet().toArray(String[]::new));
            assertThat(map(entry).get("mode")).isEqualTo(realEntry.get("mode"));
        });
    }
}
