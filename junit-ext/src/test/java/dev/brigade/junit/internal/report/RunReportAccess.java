package dev.brigade.junit.internal.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Test access to the run report's package-private parts. */
public final class RunReportAccess {

    private RunReportAccess() {
    }

    public static String run() {
        return RunReport.run();
    }

    public static void write(Path dir, List<Map<String, Object>> records) {
        RunReport.write(dir, records);
    }

    /** What the end of the test plan does: renders the run's files. */
    public static void render(Path dir) {
        RunReport.render(dir.toAbsolutePath().normalize());
    }

    public static Map<String, Object> record(String test, String invocation, Object result) {
        return RunReport.record(test, invocation, result, false, List.of(), List.of());
    }

    public static java.time.Duration spent() {
        return RunReport.spent();
    }

    /** This JVM's records so far, as they go into brigade-results.json. */
    public static List<Map<String, Object>> records() {
        return RunReport.records();
    }

    public static String summary(List<Map<String, Object>> records) {
        return ConsoleSummary.render(records);
    }
}
