package dev.brigade.junit.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.brigade.fixture.BrigadeResult;
import dev.brigade.fixture.MemoryResult;
import dev.brigade.fixture.RunStats;
import dev.brigade.fixture.SpawnResult;
import dev.brigade.fixture.TaskKind;
import dev.brigade.junit.internal.report.model.RunJson;
import dev.brigade.measure.BaselineComparison;
import dev.brigade.measure.Estimate;
import dev.brigade.measure.Metric;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TimeZone;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every output format of fixed results against its golden file, under English, German (decimal commas) and Hindi
 * (other digits) default locales and three time zones: the files must not change with either. Regenerate the
 * golden files with {@code -Dbrigade.golden.update=true} after a deliberate change, and read the diff.
 */
class GoldenFormatsTest {

    private static final JSON OUT = JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT);

    private static List<Object> records() {
        double[] rounds = IntStream.range(0, 20).mapToDouble(i -> 1_000 + 10 * i).toArray();
        Estimate e = Estimate.of("ns", rounds);
        RunStats stats = new RunStats(300_000_000L, 1_000_000_000L, 20, 2_000, 1_000, "linux");
        MemoryResult memory = new MemoryResult(TaskKind.VIRTUAL, 400, Estimate.ofInterval("B", 3_300, 2_400, 4_000,
                0.1, 4), Estimate.ofInterval("B", 1_400, 1_300, 1_500, 0.05, 4), 0.97, 0.99,
                List.of(new MemoryResult.Point(100, 100_000_000, 20_000_000), new MemoryResult.Point(400, 101_000_000,
                        20_420_000)));
        BrigadeResult brigade = new BrigadeResult(TaskKind.VIRTUAL, "QUEUE", 400, false, 1_000_000, e, e.times(2),
                Estimate.of("1", 0.001, 0.002, 0.003, 0.002, 0.002, 0.001), Estimate.of("B", 64, 64, 64, 64, 64, 64),
                memory, OptionalLong.empty(), stats);
        SpawnResult spawn = new SpawnResult(TaskKind.PLATFORM, 1_000, 20_000, e.times(100), e.times(20),
                Estimate.of("1", 2, 2, 2, 2, 2, 3), e.times(50), Estimate.of("B", 512, 512, 512, 512, 512, 512), stats);
        List<Object> records = new ArrayList<>();
        Map<String, Object> budget = new java.util.LinkedHashMap<>();
        budget.put("metric", "nanosPerHop");
        budget.put("limit", 2_000.0);
        budget.put("verdict", "pass");
        BaselineComparison baseline = BaselineComparison.of(Metric.NANOS_PER_HOP,
                List.of(e.times(0.95), e, e.times(1.05)), e, 0.10);
        records.add(RunReport.record("com.example.HandOffTest#handOff", "[VIRTUAL] 400 tasks, QUEUE", brigade, false,
                List.of(budget), List.of(baseline)));
        records.add(RunReport.record("com.example.SpawnTest#spawn", "quote \" <b>ünï</b>", spawn, true, List.of(),
                List.of()));
        return records;
    }

    @ParameterizedTest
    @ValueSource(strings = {"en-US|UTC", "de-DE|Europe/Berlin", "hi-IN-u-nu-deva|Asia/Kolkata"})
    void every_format_matches_its_golden_file_in_any_locale_and_time_zone(String setting) throws IOException {
        Locale locale = Locale.getDefault();
        TimeZone zone = TimeZone.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag(setting.split("\\|")[0]));
            TimeZone.setDefault(TimeZone.getTimeZone(setting.split("\\|")[1]));
            List<Object> records = JSON.std.listFrom(JSON.std.asString(records()));
            List<Map<String, Object>> maps = records.stream().map(RunReportAccess::object).toList();

            golden("bencher.json", OUT.asString(BencherFormat.benchmarks(records)) + "\n");
            golden("jmh-results.json", OUT.asString(JmhFormat.entries(records)) + "\n");
            golden("summary.txt", ConsoleSummary.render(maps));
            golden("summary.md", SummaryMarkdown.render(records.stream().map(RunJson::result).toList()));
            golden("results.json", OUT.asString(records) + "\n");
        } finally {
            Locale.setDefault(locale);
            TimeZone.setDefault(zone);
        }
    }

    /** The environment's own fields (JDK path and version) are masked; everything else must match to the byte. */
    private static void golden(String name, String actual) throws IOException {
        String masked = actual.replace(System.getProperty("java.home"), "<java.home>")
                .replace(Runtime.version().toString(), "<jdk>").replace(System.getProperty("java.vm.name"), "<vm>")
                .replace(System.getProperty("java.vm.version"), "<vm.version>").replace(System.lineSeparator(), "\n");
        Path file = Path.of("src/test/resources/golden", name);
        if (Boolean.getBoolean("brigade.golden.update")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, masked, StandardCharsets.UTF_8);
            return;
        }
        try (InputStream in = GoldenFormatsTest.class.getResourceAsStream("/golden/" + name)) {
            assertThat(in).as("golden file " + file + " (create it with -Dbrigade.golden.update=true)").isNotNull();
            assertThat(masked).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
