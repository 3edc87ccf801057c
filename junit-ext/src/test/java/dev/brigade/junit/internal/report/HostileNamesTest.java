package dev.brigade.junit.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.jr.ob.JSON;
import dev.brigade.fixture.BrigadeResult;
import dev.brigade.fixture.MemoryResult;
import dev.brigade.fixture.RunStats;
import dev.brigade.fixture.TaskKind;
import dev.brigade.junit.internal.ForAll;
import dev.brigade.junit.internal.Gen;
import dev.brigade.junit.internal.baseline.LockedFile;
import dev.brigade.measure.Estimate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property tests of test and display names in every report: names with markup that would end a script or an
 * attribute, quotes, backslashes, line breaks, control characters, right-to-left and non-BMP text and very long text
 * leave brigade-results.json, jmh-results.json and bencher.json valid JSON that gives the exact name back, add no
 * element to report.html (parsed as a browser parses it) and no line to the console summary.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HostileNamesTest {

    private static final String TEST_CLASS = "com.example.HostileTest";
    /** Reads back names past Jackson's default limits (50,000 characters in a key): the files hold them whole. */
    private static final JSON READ = JSON.builder(JsonFactory.builder().streamReadConstraints(StreamReadConstraints
            .builder().maxNameLength(Integer.MAX_VALUE).maxStringLength(Integer.MAX_VALUE).build()).build()).build();
    private static final JSON OUT = JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT);

    @TempDir
    Path dir;

    @Test
    void every_report_gives_back_any_name_and_adds_no_element_or_line() {
        Reports plain = Reports.of("plain", dir.resolve("plain"));
        ForAll.of("the reports of a result with any name", Gen::name).tries(300).check(name -> {
            Reports reports = Reports.of(name, dir.resolve("hostile"));
            reports.checkJson(name, name);
            reports.checkHtml(name, name, plain);
            reports.checkSummary(plain);
        });
    }

    @Test
    void a_name_with_a_lone_surrogate_is_written_with_a_question_mark_in_its_place() {
        ForAll.of("the reports of a result with a lone surrogate in its name", Gen::withLoneSurrogate).tries(100)
                .check(name -> {
                    String written = new String(name.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)
                            .replace('\ufffd', '?');
                    Reports reports = Reports.of(name, dir.resolve("lone"));
                    reports.checkJson(name, written);
                });
    }

    // ---- the cases the properties found, kept as examples ----

    /** Found by the property: a comment opener and a script tag in a name hid the rest of the page in a script. */
    @Test
    void a_comment_and_script_opener_in_a_name_does_not_swallow_the_page() {
        Reports plain = Reports.of("plain", dir.resolve("plain"));
        String name = "<!--<script>";
        Reports reports = Reports.of(name, dir.resolve("comment"));

        reports.checkHtml(name, name, plain);
        assertThat(reports.html).doesNotContain(name);
    }

    /** Found by the property: a carriage return or an escape sequence in a name reached the console as it was. */
    @Test
    void control_characters_in_a_name_do_not_reach_the_console() {
        Reports plain = Reports.of("plain", dir.resolve("plain"));
        Reports reports = Reports.of("a\rb\u001b[2Jc\u2028d\u0085e", dir.resolve("console"));

        reports.checkSummary(plain);
        assertThat(reports.summary).contains("a b [2Jc d e");
    }

    /**
     * Found by the property: a lone surrogate made every report file fail to write, through the real run report. In
     * target/, not a temporary directory: the end of the test plan renders every directory the run wrote to again.
     */
    @Test
    void a_lone_surrogate_in_a_name_still_leaves_every_report_file() throws IOException {
        Path run = Path.of("target", "hostile-names-report").toAbsolutePath();
        RunReportAccess.write(run, List.of(Reports.record("half an emoji \ud83d")));
        RunReportAccess.render(run);

        for (String file : List.of("brigade-results.json", "jmh-results.json", "bencher.json", "report.html",
                "summary.md")) {
            assertThat(run.resolve(file)).exists();
        }
        assertThat(Files.readString(run.resolve("brigade-results.json"))).contains("half an emoji ?");
    }

    /** The files rendered from one result whose test and invocation are both named {@code name}. */
    private record Reports(String results, String jmh, String bencher, String html, String summary) {

        static Reports of(String name, Path dir) {
            Map<String, Object> record = record(name);
            try {
                List<Object> all = READ.listFrom(JSON.std.asString(List.of(record)));
                Map<String, Object> root = new LinkedHashMap<>();
                root.put("brigade", "0.1.0");
                root.put("createdAt", "2026-11-30T00:00:00Z");
                root.put("machine", Map.of("os", "Linux", "cpus", 2));
                root.put("results", all);
                return new Reports(written(dir, "brigade-results.json", OUT.asString(root) + "\n"),
                        written(dir, "jmh-results.json", JSON.std.asString(JmhFormat.entries(all)) + "\n"),
                        written(dir, "bencher.json", JSON.std.asString(BencherFormat.benchmarks(all)) + "\n"),
                        written(dir, "report.html", new HtmlReport().render(root)),
                        ConsoleSummary.render(all.stream().map(RunReportAccess::object).toList(), true));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static Map<String, Object> record(String name) {
            double[] rounds = IntStream.range(0, 20).mapToDouble(i -> 1_000 + 10 * i).toArray();
            Estimate e = Estimate.of("ns", rounds);
            RunStats stats = new RunStats(300_000_000L, 1_000_000_000L, 20, 2_000, 1_000, "linux");
            MemoryResult memory = new MemoryResult(TaskKind.VIRTUAL, 400, Estimate.ofInterval("B", 3_300, 2_400,
                    4_000, 0.1, 4), Estimate.ofInterval("B", 1_400, 1_300, 1_500, 0.05, 4), 0.97, 0.99,
                    // four populations: a chart (three or fewer are a table), whose data carry the name
                    List.of(new MemoryResult.Point(100, 100_000_000, 20_000_000),
                            new MemoryResult.Point(200, 100_300_000, 20_140_000),
                            new MemoryResult.Point(300, 100_700_000, 20_280_000),
                            new MemoryResult.Point(400, 101_000_000, 20_420_000)));
            BrigadeResult brigade = new BrigadeResult(TaskKind.VIRTUAL, "QUEUE", 400, false, 1_000_000, e,
                    e.times(2), Estimate.of("1", 0.001, 0.002, 0.003, 0.002, 0.002, 0.001),
                    Estimate.of("B", 64, 64, 64, 64, 64, 64), memory,
                    OptionalLong.empty(), stats);
            Map<String, Object> budget = new LinkedHashMap<>();
            budget.put("metric", "nanosPerHop");
            budget.put("limit", 2_000.0);
            budget.put("verdict", "fail");
            return RunReport.record(TEST_CLASS + "#" + name, name, brigade, false, List.of(budget), List.of());
        }

        /** Writes {@code content} as the run report does, and reads the file back. */
        private static String written(Path dir, String file, String content) throws IOException {
            LockedFile.write(dir.resolve(file), content);
            return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
        }

        /** Every JSON file is valid and holds the name as {@code written} (the name, unless it cannot be encoded). */
        @SuppressWarnings("unchecked")
        void checkJson(String name, String written) {
            try {
                Map<String, Object> result = (Map<String, Object>) ((List<Object>) READ.mapFrom(results)
                        .get("results")).get(0);
                assertThat(result.get("test")).isEqualTo(TEST_CLASS + "#" + written);
                assertThat(result.get("invocation")).isEqualTo(written);
                List<Object> entries = READ.listFrom(jmh);
                assertThat(entries).isNotEmpty().allSatisfy(o -> {
                    Map<String, Object> entry = (Map<String, Object>) o;
                    assertThat(entry.get("benchmark")).isEqualTo(TEST_CLASS + "." + written.replace('#', '.'));
                    assertThat(((Map<String, Object>) entry.get("params")).get("invocation")).isEqualTo(written);
                });
                assertThat(READ.mapFrom(bencher)).containsOnlyKeys(TEST_CLASS + "#" + written + " " + written
                        + " brigade VIRTUAL");
            } catch (IOException e) {
                throw new AssertionError("a report of " + ForAll.show(name) + " is not valid JSON: " + e, e);
            }
        }

        /**
         * report.html, parsed as a browser parses it, has the same elements as the page of a plain name, its chart
         * data give the name back, and its table shows it as text (as HTML reads line breaks and NUL).
         */
        void checkHtml(String name, String written, Reports plain) {
            Document page = parse(html);
            assertThat(tags(page)).as("the elements of the page for %s", ForAll.show(name))
                    .isEqualTo(tags(parse(plain.html)));
            Element charts = page.getElementById("charts");
            assertThat(charts).as("the chart data for %s", ForAll.show(name)).isNotNull();
            try {
                List<Object> data = READ.listFrom(charts.data());
                assertThat(data.toString()).contains("VIRTUAL · " + written.replace('\uffff', '\ufffd'));
            } catch (IOException e) {
                throw new AssertionError("the chart data for " + ForAll.show(name) + " is not JSON: " + e, e);
            }
            assertThat(asHtmlReadsIt(page.selectFirst("td.inv").wholeText())).isEqualTo(asHtmlReadsIt(written));
            assertThat(asHtmlReadsIt(page.selectFirst("section h2").wholeText()))
                    .isEqualTo(asHtmlReadsIt(TEST_CLASS + "#" + written));
        }

        /**
         * The console summary has the lines of a plain name's summary, and no control character; a long name may
         * make a failure wrap onto a continuation line (indented by six spaces), which is no line of its own.
         */
        void checkSummary(Reports plain) {
            assertThat(lines(summary)).hasSameSizeAs(lines(plain.summary));
            assertThat(summary.chars().filter(c -> c != '\n' && (Character.isISOControl(c) || c == '\u2028'
                    || c == '\u2029'))).as("control characters in the summary").isEmpty();
        }

        private static List<String> lines(String summary) {
            return Arrays.stream(summary.split("\n", -1)).filter(line -> !line.startsWith("      ")).toList();
        }

        /** The page as a browser reads it; jsoup alone takes U+FFFF for the end of its input, so it gets U+FFFD. */
        private static Document parse(String html) {
            return Jsoup.parse(html.replace('\uffff', '\ufffd'));
        }

        /** The tag names of the page in document order. */
        private static List<String> tags(Document page) {
            List<String> tags = new ArrayList<>();
            page.getAllElements().forEach(e -> tags.add(e.tagName()));
            return tags;
        }

        /** Text as an HTML parser hands it on: CR LF and CR become LF, NUL (and U+FFFF, see parse) dropped. */
        private static String asHtmlReadsIt(String text) {
            return text.replace("\r\n", "\n").replace('\r', '\n').replace("\u0000", "").replace("\ufffd", "")
                    .replace("\uffff", "");
        }
    }
}
