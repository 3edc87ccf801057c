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

        List<Map<String, Object>> records = results.stream().map(RunReportTest::map).toList();
        String summary = RunReportAccess.summary(records, false);
        String full = RunReportAccess.summary(records, true);

        // failures first, then one line per test within 120 columns; the table of every result behind the flag
        assertThat(summary).contains("Brigade: 3 results of 2 tests; budgets 1 pass, 1 FAIL; baselines -; base -")
                .containsPattern("  FAILED\\R    RunReportTest\\$Measured#handOff \\[PLATFORM] 20 tasks, QUEUE: "
                        + "nanosPerHop "
                        + "\\S+ .s.*, budget FAIL \\(limit 1(\\.00)?\\s+ns\\)")
                .containsPattern("  FAIL  RunReportTest\\$Measured#handOff +nanosPerHop VIRTUAL \\S+ .s, PLATFORM")
                .containsPattern("  -     RunReportTest\\$Measured#oddlyNamed +nanosPerHop VIRTUAL")
                .doesNotContain("median [95 % CI]");
        assertThat(summary.lines()).allSatisfy(line -> assertThat(line).hasSizeLessThanOrEqualTo(120));
        assertThat(full).startsWith(summary.substring(0, summary.indexOf("  verdict:")))
                // a measurement short enough to give one round prints no interval; rounds in two clusters are
                // marked bimodal after it
                .containsPattern("RunReportTest\\$Measured#handOff +\\[VIRTUAL] 20 tasks, QUEUE +VIRTUAL +nanosPerHop +"
                        + "\\S+ .s( \\[.+–.+])?( bimodal)? +budget pass");
    }

    @Test
    void the_html_report_opens_offline_and_draws_every_chart_in_a_real_browser() throws Exception {
        Chromium.required(); // skips without it, but fails under CI=true
        TestKit.run(Measured.class, Constants.REPORT_DIR_PROPERTY_NAME, dir.toString());
        RunReportAccess.render(dir);
        Path html = dir.resolve("report.html");
        String source = Files.readString(html);
        assertThat(source).doesNotContain("<b>ünïcödé</b>").contains("&lt;b&gt;ünïcödé&lt;/b&gt;")
                .doesNotContainPattern("src=\"http|href=\"http");
        int canvases = source.split("<canvas ", -1).length - 1;
        int tables = source.split("<table class=\"points\"", -1).length - 1;

        String dom = dom(html, "#all");

        // two kinds and one result: small tables rather than charts of two points and of one
        assertThat(canvases + tables).isGreaterThanOrEqualTo(2);
        assertThat(dom).contains("data-charts=\"" + canvases + "\"", "data-charts-drawn=\"" + canvases + "\"",
                "&lt;b&gt;ünïcödé&lt;/b&gt;");
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_summary_counts_the_verdicts_of_brigade_results_json_and_links_every_failure_to_its_test()
            throws IOException {
        TestKit.run(Measured.class, Constants.REPORT_DIR_PROPERTY_NAME, dir.toString());
        RunReportAccess.render(dir);
        List<Map<String, Object>> results = ((List<Object>) JSON.std.mapFrom(Files.readString(
                dir.resolve("brigade-results.json"))).get("results")).stream().map(RunReportTest::map).toList();
        Map<String, Integer> expected = new java.util.TreeMap<>();
        for (Map<String, Object> r : results) {
            for (String kind : List.of("budgets", "baselines", "base")) {
                List<Object> verdicts = (List<Object>) r.getOrDefault(kind, List.of());
                expected.merge(kind + ".none", verdicts.isEmpty() ? 1 : 0, Integer::sum);
                for (String verdict : List.of("pass", "fail")) {
                    expected.merge(kind + "." + verdict, (int) verdicts.stream()
                            .filter(v -> verdict.equals(map(v).get("verdict"))).count(), Integer::sum);
                }
            }
        }
        expected.remove("budgets.none");

        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(dir.resolve("report.html").toFile());

        // the run has a failing budget (PLATFORM's 1 ns) and a passing one (VIRTUAL's 1 s)
        assertThat(expected).containsEntry("budgets.fail", 1).containsEntry("budgets.pass", 1);
        Map<String, Integer> shown = new java.util.TreeMap<>();
        page.select(".verdicts [data-count]").forEach(e -> shown.put(e.attr("data-count"), Integer.valueOf(e.text())));
        assertThat(shown).isEqualTo(expected);
        // the summary comes before the first test's section
        assertThat(page.body().html().indexOf("class=\"verdicts\"")).isLessThan(page.body().html()
                .indexOf("<section class=\"test\""));
        org.jsoup.select.Elements failures = page.select(".verdicts ol.failures li");
        assertThat(failures).hasSize(1).first().satisfies(li -> {
            assertThat(li.text()).contains("[PLATFORM] 20 tasks, QUEUE", "budget nanosPerHop ≤ 1.00 ns, measured ");
            String id = li.selectFirst("a").attr("href").substring(1);
            org.jsoup.nodes.Element target = page.getElementById(id);
            assertThat(target).as("the element of id %s", id).isNotNull();
            assertThat(target.selectFirst("h2").text()).isEqualTo(Measured.class.getName() + "#handOff");
        });
        assertThat(page.selectFirst(".verdicts p.machine").text()).contains("JDK " + Runtime.version());
    }

    @Test
    void a_chart_of_kinds_ten_times_apart_has_a_logarithmic_axis_and_its_far_budget_as_text() throws Exception {
        Chromium.required(); // skips without it, but fails under CI=true
        Path html = kindsReport();

        org.jsoup.nodes.Document dom = org.jsoup.Jsoup.parse(dom(html, "#all"));

        // every value drawn inside the plot area, the axis's ticks the 1-2-5 steps of Axis
        assertThat(dom.select("canvas")).hasSizeGreaterThanOrEqualTo(2).allSatisfy(RunReportTest::insideItsAxis);
        assertThat(section(dom, "com.example.Narrow#handOff").selectFirst("canvas").attr("data-y-ticks"))
                .isEqualTo("0|0.5 µs|1.0 µs|1.5 µs|2.0 µs|2.5 µs|3.0 µs|3.5 µs");
        // two results: a table of their figures and budgets (a budget too far to draw beside them too), no chart
        org.jsoup.nodes.Element few = section(dom, "com.example.Few#handOff");
        assertThat(few.select("canvas")).isEmpty();
        assertThat(few.select("figure.table").first().select("tbody tr")).extracting(e -> e.text())
                .satisfiesExactly(v -> assertThat(v).startsWith("VIRTUAL").containsPattern("\\d ns \\[.+–.+]")
                                .endsWith("] ≤ 100 ns (failed)"),
                        p -> assertThat(p).startsWith("PLATFORM").endsWith("] ≤ 3.00 µs (passed)"));

        org.jsoup.nodes.Element wide = section(dom, "com.example.Wide#handOff").selectFirst("canvas");
        org.jsoup.nodes.Element narrow = section(dom, "com.example.Narrow#handOff").selectFirst("canvas");
        // 1 µs and 10 µs: both apart from the zero line; the 500 µs budget would flatten them, so it is text
        assertThat(wide.attr("data-y-scale")).isEqualTo("logarithmic");
        assertThat(wide.attr("data-budget-lines")).isEqualTo("0");
        assertThat(wide.parent().selectFirst("figcaption").text()).contains("logarithmic axis",
                "budgets off the axis: PLATFORM · [PLATFORM] ≤ 500 µs (passed)");
        // 1 µs and 2 µs: a linear axis from zero, and the 3 µs budget drawn on it
        assertThat(narrow.attr("data-y-scale")).isEqualTo("linear");
        assertThat(narrow.attr("data-budget-lines")).isEqualTo("2");
    }

    @Test
    void the_filter_box_hides_the_sections_of_tests_whose_name_lacks_its_text() throws Exception {
        Chromium.required(); // skips without it, but fails under CI=true
        Path html = kindsReport();

        org.jsoup.nodes.Document all = org.jsoup.Jsoup.parse(dom(html, ""));
        org.jsoup.nodes.Document filtered = org.jsoup.Jsoup.parse(dom(html, "?filter=narROW"));

        assertThat(section(all, "com.example.Wide#handOff").hasAttr("hidden")).isFalse();
        assertThat(section(all, "com.example.Narrow#handOff").hasAttr("hidden")).isFalse();
        assertThat(section(filtered, "com.example.Wide#handOff").hasAttr("hidden")).isTrue();
        assertThat(section(filtered, "com.example.Narrow#handOff").hasAttr("hidden")).isFalse();
        assertThat(filtered.getElementById("shown").text()).isEqualTo("1 of 3 tests");
    }

    /**
     * A report of three tests: {@code Wide}'s hops take 1 and 10 µs (budget 500 µs) in two invocations of each
     * kind, {@code Narrow}'s 1 and 2 µs (budget 3 µs) likewise, {@code Few}'s 1 and 2 µs (budgets 100 ns and 3 µs)
     * in one invocation of each kind (a table); fixed figures, so the charts' axes are known.
     */
    private Path kindsReport() {
        Path reports = dir.resolve("kinds");
        List<Map<String, Object>> records = new java.util.ArrayList<>();
        for (String invocation : List.of("", " again")) {
            records.add(handOff("Wide", VIRTUAL, 1_000, Double.NaN, invocation));
            records.add(handOff("Wide", PLATFORM, 10_000, 500_000, invocation));
            records.add(handOff("Narrow", VIRTUAL, 1_000, Double.NaN, invocation));
            records.add(handOff("Narrow", PLATFORM, 2_000, 3_000, invocation));
        }
        records.add(handOff("Few", VIRTUAL, 1_000, 100, ""));
        records.add(handOff("Few", PLATFORM, 2_000, 3_000, ""));
        RunReportAccess.write(reports, records);
        RunReportAccess.render(reports);
        return reports.resolve("report.html");
    }

    private static Map<String, Object> handOff(String test, dev.brigade.fixture.TaskKind kind, double nanosPerHop,
                                               double budgetNanos, String invocation) {
        dev.brigade.measure.Estimate perHop = dev.brigade.measure.Estimate.of("ns", java.util.stream.IntStream
                .range(0, 20).mapToDouble(i -> nanosPerHop * (0.98 + 0.002 * i)).toArray());
        dev.brigade.measure.Estimate once = dev.brigade.measure.Estimate.of("1", 1, 1, 1);
        var result = new dev.brigade.fixture.BrigadeResult(kind, "QUEUE", 20, false, 1_000_000, perHop, perHop, once,
                dev.brigade.measure.Estimate.of("B", 64, 64, 64), null, java.util.OptionalLong.empty(),
                new dev.brigade.fixture.RunStats(0, 1_000_000_000L, 20, 2_000, 1_000, "linux"));
        List<Map<String, Object>> budgets = Double.isNaN(budgetNanos) ? List.of() : List.of(Map.of("metric",
                "nanosPerHop", "limit", budgetNanos, "verdict", budgetNanos >= nanosPerHop ? "pass" : "fail"));
        return RunReportAccess.record("com.example." + test + "#handOff", "[" + kind + "]" + invocation, result,
                budgets);
    }

    /**
     * Every value {@code canvas} draws lies inside its value axis, clear of the ends (the zero of an axis from zero
     * aside): {@code data-y-drawn} within {@code data-y-axis}, as report.js reads them from Chart.js.
     */
    private static void insideItsAxis(org.jsoup.nodes.Element canvas) {
        String[] axis = canvas.attr("data-y-axis").split(" ");
        String[] drawn = canvas.attr("data-y-drawn").split(" ");
        double min = Double.parseDouble(axis[0]);
        double max = Double.parseDouble(axis[1]);
        double low = Double.parseDouble(drawn[0]);
        double high = Double.parseDouble(drawn[1]);
        String what = canvas.id() + " (" + canvas.parent().text() + "): values " + low + "–" + high + ", axis " + min
                + "–" + max;
        assertThat(high).as(what).isLessThan(max);
        assertThat(low).as(what).isGreaterThanOrEqualTo(min);
        if (low != 0) {
            assertThat(low).as(what).isGreaterThan(min);
        }
    }

    private static org.jsoup.nodes.Element section(org.jsoup.nodes.Document page, String test) {
        return page.select("section.test").stream().filter(s -> s.selectFirst("h2").text().equals(test))
                .findFirst().orElseThrow(() -> new AssertionError("no section of " + test));
    }

    /**
     * The page as Debian's headless Chromium leaves it after its scripts ran, opened with {@code suffix}, with
     * Chromium's {@code options} (a window size).
     */
    private String dom(Path html, String suffix, String... options) throws Exception {
        List<String> arguments = new java.util.ArrayList<>(List.of(options));
        arguments.add("--dump-dom");
        arguments.add(html.toUri() + suffix);
        Process browser = chromium(arguments.toArray(String[]::new));
        String dom = new String(browser.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(browser.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        return dom;
    }

    /** Debian's headless Chromium, offline and with a profile of its own, started with {@code arguments}. */
    private Process chromium(String... arguments) throws IOException {
        return Chromium.start(dir, arguments);
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
        return renderedResultsFollowingTheSchema(dir);
    }

    /** Renders the report of {@code reports} and returns its brigade-results.json, checked against its schema. */
    static String renderedResultsFollowingTheSchema(Path reports) throws Exception {
        RunReportAccess.render(reports);
        String json = Files.readString(reports.resolve("brigade-results.json"));
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
        // the baseline's recorded runs, oldest first, with when each was recorded: the history chart's points
        assertThat((List<Object>) map(result.get("baseline")).get("history")).hasSize(2).allSatisfy(h -> assertThat(
                map(h)).containsKey("recordedAt").hasEntrySatisfying("median", m -> assertThat(((Number) m)
                .doubleValue()).isPositive()));
        assertThat(Files.readString(dir.resolve("report.html"))).contains("nanosPerHop, the baseline&#39;s 2 recorded"
                + " runs on this machine (fingerprint ");
        assertThat(Files.readString(dir.resolve("report.html"))).contains("pass", ", 2 runs; fails above ")
                .contains("baselines <b data-count=\"baselines.pass\">1</b> passed, <b data-count=\"baselines.fail\">0"
                        + "</b> failed, <b data-count=\"baselines.none\">0</b> not compared");
        assertThat(RunReportAccess.summary(List.of(result), true))
                .containsPattern("baseline pass \\(\\S+×, 2 runs; fails above \\S+×\\)");
    }

    /**
     * A run as a user's suite gives one, all measured here: kinds side by side with a budget that fails
     * ({@link Measured}), a baseline of two recorded runs ({@link Baselined}), and a comparison with a real base
     * build in paired rounds ({@link example.codec.AgainstBaseCases}). In Chromium at 1400×900 the run's verdicts,
     * every failure among them, end within the first screen, and every chart shows at least two distinct values.
     * With {@code -Dbrigade.screenshots.update=true} it writes the screenshots docs/reports.md shows.
     */
    @Test
    @SuppressWarnings("unchecked")
    void a_realistic_runs_failures_fit_the_first_screen_and_no_chart_is_empty_or_flat() throws Exception {
        Chromium.required(); // skips without it, but fails under CI=true
        Path reports = dir.resolve("realistic");
        Path baselines = dir.resolve("baselines");
        for (int i = 0; i < 2; i++) {
            TestKit.run(Baselined.class, Constants.BASELINE_DIR_PROPERTY_NAME, baselines.toString(),
                    Constants.BASELINE_UPDATE_PROPERTY_NAME, "add", Constants.REPORT_DIR_PROPERTY_NAME,
                    dir.resolve("recording").toString());
        }
        TestKit.run(List.of(Measured.class, Baselined.class), Constants.BASELINE_DIR_PROPERTY_NAME,
                baselines.toString(), Constants.REPORT_DIR_PROPERTY_NAME, reports.toString());
        Path base = example.codec.BaseBuilds.sampleCodec(dir, "21", 30_000);
        String cases = example.codec.AgainstBaseCases.class.getName().replace('.', '/') + ".class";
        try (java.io.InputStream in = getClass().getClassLoader().getResourceAsStream(cases)) {
            Files.copy(in, base.resolve(cases));
        }
        TestKit.run(example.codec.AgainstBaseCases.class, Constants.BASE_CLASSPATH_PROPERTY_NAME, base.toString(),
                Constants.REPORT_DIR_PROPERTY_NAME, reports.toString());
        String json = renderedResultsFollowingTheSchema(reports);
        Path html = reports.resolve("report.html");
        List<Map<String, Object>> results = ((List<Object>) JSON.std.mapFrom(json).get("results")).stream()
                .map(RunReportTest::map).toList();
        long failed = results.stream().flatMap(r -> java.util.stream.Stream.of("budgets", "baselines", "base")
                .flatMap(k -> ((List<Object>) r.getOrDefault(k, List.of())).stream()))
                .filter(v -> "fail".equals(map(v).get("verdict"))).count();

        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(dom(html, "#all", "--window-size=1400,900"));

        // what this run holds: a failure, a history of 2 recorded runs and the current one, the pairs' ratios
        assertThat(failed).isPositive();
        assertThat(page.select(".verdicts ol.failures li")).hasSize((int) failed);
        assertThat(Integer.parseInt(page.getElementById("verdicts").attr("data-bottom")))
                .as("the bottom of the run's verdicts, every failure listed, on a 1400×900 screen").isBetween(1, 900);
        // a ratio of two kinds and a history of three points read as tables; the pairs of rounds as a chart
        assertThat(page.select("figure.ratios.table")).isNotEmpty();
        assertThat(page.select("figure.history canvas")).isEmpty();
        assertThat(page.select("figure.history.table")).singleElement()
                .satisfies(f -> assertThat(f.text()).contains("2 recorded runs", "this run"));
        assertThat(page.select("figure.pairs canvas")).singleElement();
        org.jsoup.select.Elements charts = page.select("canvas");
        assertThat(page.body().attr("data-charts-drawn")).isEqualTo(String.valueOf(charts.size()));
        assertThat(charts).allSatisfy(c -> assertThat(Integer.parseInt(c.attr("data-y-values")))
                .as("distinct values drawn by %s (%s)", c.id(), c.parent().text()).isGreaterThanOrEqualTo(2));
        assertThat(charts).allSatisfy(RunReportTest::insideItsAxis);
        assertThat(charts).allSatisfy(c -> assertThat(Integer.parseInt(c.attr("data-points"))).as(c.id())
                .isGreaterThan(3));

        if (Boolean.getBoolean("brigade.screenshots.update")) {
            Path images = Path.of("..", "docs", "images");
            Files.createDirectories(images);
            // the first screen, then the page filtered to one test: the verdicts and that test's charts
            // #all draws every chart at once: a headless screenshot does not wait for those drawn as they scroll in
            screenshot(html, "#all", 900, images.resolve("report-top.png"));
            screenshot(html, "?filter=Baselined%23#all", 1000, images.resolve("report-history.png"));
        }
    }

    /** A PNG of the page opened with {@code suffix}, 1400 px wide and {@code height} high, as Chromium draws it. */
    private void screenshot(Path html, String suffix, int height, Path png) throws Exception {
        Process browser = chromium("--screenshot=" + png.toAbsolutePath(), "--window-size=1400," + height,
                "--hide-scrollbars", "--virtual-time-budget=5000", html.toUri() + suffix);
        browser.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        assertThat(browser.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(png).isNotEmptyFile();
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
