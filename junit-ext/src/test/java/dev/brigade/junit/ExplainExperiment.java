package dev.brigade.junit;

import dev.brigade.junit.internal.explain.Explainer;
import dev.brigade.junit.internal.explain.Explanation;
import dev.brigade.junit.internal.explain.Sampler;
import example.explain.ExplainBuilds;
import example.explain.ExplainCases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Issue 29's experiment: what the explanation of an {@code @AgainstBase} comparison finds and costs, each comparison
 * in its own JVM under {@code /tmp/brigade-machine.lock}, the conditions rotating from JVM to JVM.
 *
 * <p>{@code flock /tmp/brigade-machine.lock java -cp <test class path> dev.brigade.junit.ExplainExperiment prepare
 * <work>} compiles the base builds into {@code <work>}; then {@code scripts/explain-experiment.sh} runs the children
 * ({@code ExplainExperiment child <condition> <base classes> <reports>}), one fresh JVM each, in batches under the
 * lock, and {@code scripts/explain-table.py} sums their rows (docs/methodology.md has the commands). A condition is a kind, {@code V} (virtual) or {@code P} (platform), a dash and one of {@code aa} (identical base
 * build, recording on: the explanation of the passing pair is made anyway, and its methods marked beyond noise
 * counted), {@code aa-off} (the same with {@code -XX:-FlightRecorder}: no recording), {@code slow} (the base build's
 * {@code Codec.encode} does a third of the steps: does the explanation's first method name it?), {@code alloc} (the
 * base build's {@code encode} allocates no frame: does the first allocation site name it?), {@code slow3}
 * ({@code slow} measured 3 s, platform only). A/A children run the
 * test twice, the second time in a JVM whose JFR has started: the cost of a recording beyond JFR's start. Each row:
 * condition, verdict, the ratio's report entry, the test's wall time (ms), the second run's (ms, A/A), the
 * explanation's time (ms), methods marked, methods tested, the first method line, the first allocation site line.
 * {@link ExplainCases} holds the tests: 20 tasks, measure 1 s.
 */
public final class ExplainExperiment {

    private ExplainExperiment() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("child")) {
            child(args[1], Path.of(args[2]), Path.of(args[3]));
            return;
        }
        if (args[0].equals("reanalyse")) {
            // the recordings an experiment left, explained again by the code on the class path, one row each
            try (var dirs = Files.list(Path.of(args[1]))) {
                for (Path reports : dirs.filter(d -> d.getFileName().toString().startsWith("reports-")).sorted()
                        .toList()) {
                    Path jfr;
                    try (var files = Files.list(reports)) {
                        jfr = files.filter(f -> f.toString().endsWith(".jfr")).findFirst().orElse(null);
                    }
                    if (jfr != null) {
                        // each side's CPU time per hop is not in the recording: the current side's is taken as
                        // the comparison's ratio (argument 2, default 1) times the base side's
                        double ratio = args.length > 2 ? Double.parseDouble(args[2]) : 1;
                        Explanation e = Explainer.explain(jfr, 0, ratio, 1, 0, 0, "hop", sampler(jfr));
                        System.out.println(reports.getFileName().toString().substring(8) + "\t" + e.marked() + "\t"
                                + e.tested() + "\t" + (e.methods().isEmpty() ? "-" : e.methods().get(0).method()));
                    }
                }
            }
            return;
        }
        if (args[0].equals("prepare")) {
            Path work = Path.of(args[1]);
            ExplainBuilds.codec(work.resolve("same"), 3_000, 3_000, true, ExplainCases.class);
            ExplainBuilds.codec(work.resolve("slow"), 1_000, 3_000, true, ExplainCases.class);
            ExplainBuilds.codec(work.resolve("alloc"), 3_000, 3_000, false, ExplainCases.class);
            return;
        }
        throw new IllegalArgumentException("give child, prepare or reanalyse; scripts/explain-experiment.sh runs"
                + " the children in batches under the machine lock");
    }

    /**
     * The sampler a test of the recording's kind is explained with ({@link Sampler#of}), or
     * {@code -Dbrigade.experiment.sampler=EXECUTION|CPU_TIME}.
     */
    private static Sampler sampler(Path jfr) {
        String forced = System.getProperty("brigade.experiment.sampler");
        if (forced != null) {
            return Sampler.valueOf(forced);
        }
        return jfr.getFileName().toString().endsWith("-PLATFORM.jfr") ? Sampler.CPU_TIME : Sampler.EXECUTION;
    }

    private static void child(String condition, Path base, Path reports) throws Exception {
        String what = condition.substring(2);
        boolean platform = condition.startsWith("P");
        String method = (what.equals("alloc") ? "allocation" : "time") + (platform ? "Platform" : "")
                + (what.equals("slow3") ? "Long" : "");
        String kind = platform ? "PLATFORM" : "VIRTUAL";
        long start = System.nanoTime();
        EngineExecutionResults results = ExplanationTest.run(ExplainCases.class, method, base, reports);
        double testMillis = (System.nanoTime() - start) / 1e6;
        double againMillis = 0;
        if (what.startsWith("aa")) {
            long again = System.nanoTime();
            ExplanationTest.run(ExplainCases.class, method, base, reports.resolveSibling(reports.getFileName() + "-2"));
            againMillis = (System.nanoTime() - again) / 1e6;
        }
        String verdict = results.testEvents().failed().count() > 0 ? "fail" : "pass";
        String metric = what.equals("alloc") ? "allocatedBytesPerHop" : "nanosPerHop";
        String entry = TestKit.keyValues(TestKit.entries(results).values().stream().flatMap(List::stream).toList())
                .getOrDefault("brigade.base." + kind + "." + metric, "-");
        String firstMethod = "-";
        String firstSite = "-";
        int marked = -1;
        int tested = -1;
        double explainMillis = 0;
        Path jfr = reports.resolve(ExplainCases.class.getName() + "." + method + "-" + kind + ".jfr");
        if (verdict.equals("fail")) {
            String message = results.testEvents().failed().list().get(0).getRequiredPayload(TestExecutionResult.class)
                    .getThrowable().orElseThrow().getMessage();
            List<String> lines = message.lines().toList();
            for (int i = 0; i < lines.size() - 1; i++) {
                if (lines.get(i).startsWith("  where the time moved")) {
                    firstMethod = lines.get(i + 1).strip();
                }
                if (lines.get(i).startsWith("  allocation sites that moved")) {
                    firstSite = lines.get(i + 1).strip();
                }
            }
        }
        if (Files.exists(jfr)) {
            // the explanation again, timed, with the marks of every tested method (a passing A/A pair too)
            long t = System.nanoTime();
            Explanation e = Explainer.explain(jfr, 0, 1, 1, 0, 0, "hop", sampler(jfr));
            explainMillis = (System.nanoTime() - t) / 1e6;
            marked = e.marked();
            tested = e.tested();
            if (firstMethod.equals("-") && !e.methods().isEmpty()) {
                firstMethod = e.methods().get(0).method();
            }
        }
        System.out.println(String.format(Locale.ROOT, "ROW\t%s\t%s\t%.0f\t%.0f\t%.0f\t%d\t%d\t%s\t%s", verdict,
                entry, testMillis, againMillis, explainMillis, marked, tested, firstMethod, firstSite));
    }
}
