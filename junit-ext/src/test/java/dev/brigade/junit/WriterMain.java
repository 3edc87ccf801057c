package dev.brigade.junit;

import dev.brigade.fixture.BrigadeResult;
import dev.brigade.fixture.RunStats;
import dev.brigade.fixture.TaskKind;
import dev.brigade.junit.internal.report.RunReportAccess;
import dev.brigade.measure.Estimate;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A child JVM of {@link KilledWriterTest}: writes baseline entries and renders the run's reports, one after the
 * other, numbered from {@code first}, and says after each write that it is complete; until killed, or {@code last}.
 *
 * <p>{@code WriterMain BASELINE-FILE REPORT-DIR FIRST LAST}.
 */
public final class WriterMain {

    private WriterMain() {
    }

    public static void main(String[] args) {
        Path baseline = Path.of(args[0]);
        Path reports = Path.of(args[1]);
        Estimate e = Estimate.of("ns", 1000, 1010, 990, 1005, 995, 1002);
        for (int n = Integer.parseInt(args[2]); n <= Integer.parseInt(args[3]); n++) {
            MachineFingerprintAccess.record(baseline, "entry " + n, Map.of("nanosPerHop", e));
            System.out.println("baseline " + n);
            BrigadeResult r = new BrigadeResult(TaskKind.VIRTUAL, "QUEUE", 10, false, 100, e, e,
                    Estimate.of("1", 0.01), Estimate.of("B", 64), null, OptionalLong.empty(),
                    new RunStats(1, 2, 6, 4, 5, "linux"));
            RunReportAccess.write(reports, List.of(RunReportAccess.record("com.example.Writer#write" + n,
                    "[VIRTUAL] 10 tasks, QUEUE", r)));
            RunReportAccess.render(reports);
            System.out.println("report " + n);
        }
    }
}
