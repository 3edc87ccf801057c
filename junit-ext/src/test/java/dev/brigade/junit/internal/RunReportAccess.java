package dev.brigade.junit.internal;

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

    public static String summary(List<Map<String, Object>> records) {
        return ConsoleSummary.render(records);
    }
}
