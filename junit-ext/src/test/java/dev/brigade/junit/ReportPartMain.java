package dev.brigade.junit;

import dev.brigade.fixture.BrigadeResult;
import dev.brigade.fixture.RunStats;
import dev.brigade.fixture.TaskKind;
import dev.brigade.junit.internal.report.RunReportAccess;
import dev.brigade.measure.Estimate;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/** A child JVM of {@link RunReportTest}: writes its part of the run and renders the files, as a fork would. */
public final class ReportPartMain {

    private ReportPartMain() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        Estimate e = Estimate.of("ns", 1000, 1010, 990, 1005, 995, 1002);
        BrigadeResult r = new BrigadeResult(TaskKind.VIRTUAL, "QUEUE", 10, false, 100, e, e, Estimate.of("1", 0.01),
                Estimate.of("B", 64), null, OptionalLong.empty(), new RunStats(1, 2, 6, 4, 5, "linux"));
        RunReportAccess.write(dir, List.of(RunReportAccess.record("com.example." + args[1] + "#handOff",
                "[VIRTUAL] 10 tasks, QUEUE", r)));
        RunReportAccess.render(dir);
    }
}
