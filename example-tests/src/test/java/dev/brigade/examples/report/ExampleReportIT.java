package dev.brigade.examples.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example suite's own report, as its reader gets it: after Surefire ran the suite (whose tests wrote
 * {@code target/brigade/}), Failsafe runs this in the {@code integration-test} phase and opens {@code report.html} in
 * Debian's headless Chromium at 1400×900. The run's verdicts, every failure among them, end within the first screen;
 * the counts shown are those of {@code brigade-results.json}; every chart draws at least two distinct values (kinds
 * apart, never an empty or flat chart), more than three points (fewer are a table) and every value inside its axis; no
 * memory figure a reader sees is negative; the page stays within 1 MiB. With
 * {@code -Dbrigade.screenshots.update=true} it writes the screenshots docs/reports.md shows. The checks of the page as
 * written run without a browser; those of the page as drawn skip without Chromium, and fail under {@code CI=true}.
 */
class ExampleReportIT {

    /** The suite's report directory: {@code brigade.report.dir}'s default, under the module's target. */
    private static final Path REPORTS = Path.of("target", "brigade");
    /**
     * A negative memory figure as the page would print one: a minus, digits, a unit of bytes (a fit below resolution
     * reads {@code below resolution at 200 tasks: at most 7.31 KiB}).
     */
    private static final Pattern NEGATIVE_BYTES = Pattern.compile("[-−]\\d[\\d.,]*\\s?(B|KiB|MiB|GiB)\\b");

    @TempDir
    static Path profiles;

    private static Map<String, Object> results;
    /** The page as Chromium left it after its scripts ran, opened once by the first test that needs it. */
    private static Document rendered;

    @BeforeAll
    static void readTheSuitesReport() throws Exception {
        assertThat(REPORTS.resolve("report.html")).as("the report of the suite's run, which Surefire ran before this")
                .isRegularFile();
        results = JSON.std.mapFrom(Files.readString(REPORTS.resolve("brigade-results.json")));
    }

    /**
     * The page at 1400×900 after its scripts ran; without Chromium the test skips, or fails under {@code CI=true}
     * ({@link Chromium#required()}).
     */
    private static synchronized Document page() throws IOException, InterruptedException {
        if (rendered == null) {
            Process browser = chromium("--window-size=1400,900", "--dump-dom", html().toUri() + "#all");
            String dom = new String(browser.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(browser.waitFor(60, TimeUnit.SECONDS)).isTrue();
            rendered = Jsoup.parse(dom);
        }
        return rendered;
    }

    @Test
    void every_failure_is_listed_within_the_first_screen() throws Exception {
        Document page = page();
        List<Map<String, Object>> verdicts = verdicts();
        long failed = verdicts.stream().filter(v -> "fail".equals(v.get("verdict"))).count();

        assertThat(verdicts).as("the suite's budgets and comparisons with the base build").isNotEmpty();
        assertThat(page.select(".verdicts ol.failures li")).hasSize((int) failed);
        assertThat(Integer.parseInt(page.getElementById("verdicts").attr("data-bottom")))
                .as("the bottom of the run's verdicts, every failure listed, on a 1400×900 screen").isBetween(1, 900);
    }

    /** Browser-free: the counts are in the page as written, before any script runs. */
    @Test
    void the_summary_counts_are_those_of_brigade_results_json() throws IOException {
        Document page = Jsoup.parse(html().toFile());
        Map<String, Integer> expected = new TreeMap<>();
        for (Map<String, Object> r : list(results.get("results"))) {
            for (String kind : List.of("budgets", "baselines", "base")) {
                List<Map<String, Object>> verdicts = list(r.getOrDefault(kind, List.of()));
                if (!kind.equals("budgets")) {
                    expected.merge(kind + ".none", verdicts.isEmpty() ? 1 : 0, Integer::sum);
                }
                for (String verdict : List.of("pass", "fail")) {
                    int count = (int) verdicts.stream().filter(v -> verdict.equals(v.get("verdict"))).count();
                    expected.merge(kind + "." + verdict, count, Integer::sum);
                }
            }
        }

        Map<String, Integer> shown = new TreeMap<>();
        page.select(".verdicts [data-count]").forEach(e -> shown.put(e.attr("data-count"), Integer.valueOf(e.text())));

        assertThat(shown).isEqualTo(expected);
    }

    @Test
    void every_chart_is_drawn_and_shows_its_values_apart() throws Exception {
        Document page = page();
        Elements charts = page.select("canvas");

        assertThat(charts).as("the suite's charts").hasSizeGreaterThan(5);
        assertThat(page.body().attr("data-charts-drawn")).isEqualTo(String.valueOf(charts.size()));
        assertThat(charts).allSatisfy(c -> assertThat(Integer.parseInt(c.attr("data-y-values")))
                .as("distinct values drawn by %s (%s)", c.id(), c.parent().text()).isGreaterThanOrEqualTo(2));
        // a chart has more than three points (fewer are a table), and every value it draws lies inside its axis
        assertThat(charts).allSatisfy(c -> assertThat(Integer.parseInt(c.attr("data-points")))
                .as("points of %s (%s)", c.id(), c.parent().text()).isGreaterThan(3));
        assertThat(charts).allSatisfy(ExampleReportIT::insideItsAxis);
        // what the suite holds: kinds side by side with their ratio, memory per task, a comparison with the base build
        assertThat(page.select("figure.ratios")).isNotEmpty();
        assertThat(page.select("figure.table")).as("results of three points or fewer, as tables").isNotEmpty();
        assertThat(page.select("figure.pairs canvas")).isNotEmpty();
        assertThat(page.select("figure.memory canvas")).isNotEmpty();
    }

    /**
     * Every value {@code canvas} draws lies inside its value axis, clear of the ends (the zero of an axis from zero
     * aside): {@code data-y-drawn} within {@code data-y-axis}, as report.js reads them from Chart.js.
     */
    private static void insideItsAxis(Element canvas) {
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

    @Test
    void a_filtered_page_shows_the_tests_asked_for_and_not_the_findings() throws Exception {
        Process browser = chromium("--window-size=1400,900", "--dump-dom",
                html().toUri() + "?filter=HandOffTest%23handOff#all");
        Document filtered = Jsoup.parse(new String(browser.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        assertThat(browser.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(filtered.select("section.test:not([hidden]) h2")).extracting(e -> e.text())
                .containsExactly("HandOffTest#handOff");
        Element findings = filtered.getElementById("findings");
        assertThat(findings == null || findings.hasAttr("hidden")).as("the findings table of a filtered page hidden")
                .isTrue();
    }

    @Test
    void no_memory_figure_a_reader_sees_is_negative() throws Exception {
        assertThat(NEGATIVE_BYTES.matcher(page().body().text()).results().map(m -> m.group()).toList()).isEmpty();
    }

    @Test
    void the_page_is_one_offline_file_within_one_mebibyte() throws IOException {
        String html = Files.readString(html());

        assertThat(Files.size(html())).isLessThan(1024 * 1024);
        assertThat(html).doesNotContainPattern("<script[^>]+src=").doesNotContainPattern("<link[^>]+href=\"http");
    }

    /**
     * Writes the screenshots of docs/reports.md with {@code -Dbrigade.screenshots.update=true}: the first screen, a
     * test of two kinds with their ratio, the memory of parked tasks, and the comparison with the base build.
     */
    @Test
    void screenshots_for_the_docs_when_asked() throws Exception {
        assumeTrue(Boolean.getBoolean("brigade.screenshots.update"), "-Dbrigade.screenshots.update=true writes them");
        Path images = Path.of("..", "docs", "images");
        Files.createDirectories(images);
        // #all draws every chart at once: a headless screenshot does not wait for those drawn as they scroll in
        screenshot("#all", 900, images.resolve("example-top.png"));
        screenshot("?filter=HandOffTest%23handOff#all", 1500, images.resolve("example-kinds.png"));
        screenshot("?filter=parkedVirtualThreadsWeighLittle#all", 1500, images.resolve("example-memory.png"));
        screenshot("?filter=CodecAgainstBaseTest#all", 1400, images.resolve("example-base.png"));
    }

    /** A PNG of the page opened with {@code suffix}, 1400 px wide and {@code height} high, as Chromium draws it. */
    private static void screenshot(String suffix, int height, Path png) throws Exception {
        Process browser = chromium("--screenshot=" + png.toAbsolutePath(), "--window-size=1400," + height,
                "--hide-scrollbars", "--virtual-time-budget=5000", html().toUri() + suffix);
        browser.getInputStream().transferTo(OutputStream.nullOutputStream());
        assertThat(browser.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(png).isNotEmptyFile();
    }

    /** Debian's headless Chromium, offline and with a profile of its own, started with {@code arguments}. */
    private static Process chromium(String... arguments) throws IOException {
        return Chromium.start(profiles, arguments);
    }

    private static Path html() {
        return REPORTS.resolve("report.html").toAbsolutePath();
    }

    /** Every budget and comparison with the base build of the suite's results. */
    private static List<Map<String, Object>> verdicts() {
        List<Map<String, Object>> verdicts = new ArrayList<>();
        for (Map<String, Object> r : list(results.get("results"))) {
            for (String kind : List.of("budgets", "baselines", "base")) {
                verdicts.addAll(list(r.getOrDefault(kind, List.of())));
            }
        }
        return verdicts;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }
}
