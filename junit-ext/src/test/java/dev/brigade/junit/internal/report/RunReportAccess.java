package dev.brigade.junit.internal.report;

import dev.brigade.junit.internal.report.model.RunJson;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Test access to the run report's package-private parts. Tests hold records as the JSON trees brigade-results.json
 * holds (what they assert on): they cross into the report through its codec, {@link RunJson}.
 */
public final class RunReportAccess {

    private RunReportAccess() {
    }

    /** A JSON object as jackson-jr reads it, for a test to look into. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(Object tree) {
        return (Map<String, Object>) tree;
    }

    public static String run() {
        return RunReport.run();
    }

    /** The run {@code process} leads, as its Surefire forks name it. */
    public static String runOf(ProcessHandle process) {
        return RunReport.runOf(process);
    }

    public static void write(Path dir, List<Map<String, Object>> records) {
        RunReport.write(dir, records.stream().map(RunJson::result).toList());
    }

    /** What the end of the test plan does: renders the run's files. */
    public static void render(Path dir) {
        RunReport.render(dir.toAbsolutePath().normalize());
    }

    public static Map<String, Object> record(String test, String invocation, dev.brigade.fixture.Measurement result) {
        return RunReport.record(test, invocation, result, false, List.of(), List.of());
    }

    /** The record of {@code result} with budget verdicts as given ({@code metric}, {@code limit}, {@code verdict}). */
    public static Map<String, Object> record(String test, String invocation, dev.brigade.fixture.Measurement result,
                                             List<Map<String, Object>> budgets) {
        return RunReport.record(test, invocation, result, false, budgets, List.of());
    }

    public static java.time.Duration spent() {
        return RunReport.spent();
    }

    /** This JVM's records so far, as they go into brigade-results.json. */
    public static List<Map<String, Object>> records() {
        return RunReport.records().stream().map(RunJson::tree).toList();
    }

    public static String summary(List<Map<String, Object>> records) {
        return ConsoleSummary.render(records);
    }

    public static String summary(List<Map<String, Object>> records, boolean full) {
        return ConsoleSummary.render(records, full);
    }
}
