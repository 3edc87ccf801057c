package dev.brigade.junit.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.brigade.fixture.MemoryResult;
import dev.brigade.fixture.TaskKind;
import dev.brigade.measure.Estimate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A memory fit whose interval includes zero is noise, not a figure: every place a user reads — report entries,
 * the console summary, the HTML report, brigade-results.json's {@code belowResolution} — says "below resolution at
 * N tasks" with the interval and a hint, and shows no negative figure. The estimates are the ones issue 22 saw in
 * the example suite's report.
 */
class BelowResolutionTest {

    private static final MemoryResult NOISE = new MemoryResult(TaskKind.VIRTUAL, 200,
            Estimate.ofInterval("B", 0, 0, 0, 0, 5), Estimate.ofInterval("B", -3_502, -19_149, 12_083, 0.5, 5), 0, 0.1,
            List.of(new MemoryResult.Point(50, 190_000_000, 20_000_000), new MemoryResult.Point(100, 190_000_000,
                    19_400_000), new MemoryResult.Point(150, 190_000_000, 19_600_000),
                    new MemoryResult.Point(200, 190_000_000, 19_800_000)));

    @Test
    void the_report_entry_says_below_resolution_instead_of_a_negative_figure() {
        Map<String, String> entry = ReportEntries.entry(NOISE);

        assertThat(entry.get("brigade.VIRTUAL.heapBytesPerTask"))
                .startsWith("below resolution at 200 tasks: at most 11.8 KiB").doesNotContain("-")
                .contains("ten times the tasks would resolve about");
        assertThat(entry.get("brigade.VIRTUAL.rssBytesPerTask")).startsWith("below resolution at 200 tasks")
                .doesNotContain("0 B");
    }

    @Test
    void results_json_console_and_html_read_the_same_words_and_no_negative_median() throws Exception {
        Map<String, Object> record = RunReport.record("com.example.MemoryTest#parked", "[VIRTUAL]", NOISE, false,
                List.of(), List.of());
        Map<String, Object> heap = RunReportAccess.object(RunReportAccess.object(record.get("metrics"))
                .get("heapBytesPerTask"));
        String words = NOISE.describe(NOISE.heapBytesPerTask());

        assertThat(heap).containsEntry("belowResolution", words);
        assertThat(ConsoleSummary.render(List.of(record), true)).contains(words).doesNotContain("-3.42 KiB")
                .doesNotContain("0 B [0–0]");
        assertThat(ConsoleSummary.render(List.of(record))).contains("rssBytesPerTask VIRTUAL below resolution")
                .doesNotContain("-3.42 KiB");

        Map<String, Object> root = new LinkedHashMap<>();
        root.put("createdAt", "2026-12-03T00:00:00Z");
        root.put("machine", Map.of("os", "Linux"));
        root.put("results", List.of(RunReportAccess.object(JSON.std.anyFrom(JSON.std.asString(record)))));
        String html = new HtmlReport().render(root);
        assertThat(html).contains(HtmlReport.escape(words)).doesNotContain("-3.42 KiB");
    }

    @Test
    void the_memory_chart_draws_memory_added_since_the_smallest_population() throws Exception {
        Map<String, Object> record = RunReport.record("com.example.MemoryTest#parked", "[VIRTUAL]", NOISE, false,
                List.of(), List.of());
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("createdAt", "2026-12-03T00:00:00Z");
        root.put("machine", Map.of("os", "Linux"));
        root.put("results", List.of(record));
        String html = new HtmlReport().render(root);

        // the smallest population (50 tasks) is the zero line: 19.4 MB - 20 MB = -600,000 B at 100 tasks
        assertThat(html).contains("[50,0.0,0.0]").contains("[100,0.0,-600000.0]").contains("\"smallest\":50")
                .doesNotContain("190000000");
    }

    @Test
    void a_fit_of_three_points_is_a_table_of_each_populations_memory() throws Exception {
        MemoryResult three = new MemoryResult(TaskKind.VIRTUAL, 200, NOISE.rssBytesPerTask(),
                NOISE.heapBytesPerTask(), 0, 0.1, NOISE.points().subList(0, 3));
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("createdAt", "2026-12-03T00:00:00Z");
        root.put("machine", Map.of("os", "Linux"));
        root.put("results", List.of(RunReport.record("com.example.MemoryTest#parked", "[VIRTUAL]", three, false,
                List.of(), List.of())));

        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(new HtmlReport().render(root));

        assertThat(page.select("figure.memory canvas")).isEmpty();
        assertThat(page.select("figure.memory table tbody tr")).extracting(org.jsoup.nodes.Element::text)
                .containsExactly("50 181 MiB 19.1 MiB", "100 181 MiB 18.5 MiB", "150 181 MiB 18.7 MiB");
        assertThat(page.select("figure.memory table").text()).doesNotContain("-");
    }
}
