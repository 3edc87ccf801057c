package dev.brigade.junit.internal.fork;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.brigade.fixture.Measurement;
import dev.brigade.fixture.internal.ChildJvm;
import dev.brigade.junit.Constants;
import dev.brigade.junit.internal.config.Configuration;
import dev.brigade.junit.internal.config.ForkSpec;
import dev.brigade.junit.internal.config.MethodPlan;
import dev.brigade.junit.internal.config.Settings;
import dev.brigade.junit.internal.explain.Explained;
import dev.brigade.junit.internal.explain.Explainer;
import dev.brigade.measure.BaseComparison;
import dev.brigade.measure.BaselineComparison;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The parent side of {@code @Fork}: starts a child JVM that runs one invocation (one of its runs) through
 * {@link ForkMain}, passes its output through with a prefix, waits at most the fork timeout, and brings back the
 * outcome and the results.
 * The child is killed with its descendants whatever happens: timeout, interruption, or an error here.
 *
 * <p>Public for {@code lifecycle}, whose {@code InForks} runs the forks.
 */
@API(status = INTERNAL, since = "0.1.0")
public final class ForkRunner {

    /** Lines of the child's error output quoted when it fails. */
    static final int LAST_LINES = 20;

    private ForkRunner() {
    }

    /**
     * What the child reported.
     *
     * <p>Public for {@code lifecycle}, whose {@code InForks} adds it to the invocation.
     *
     * @param results the child's results, decoded
     * @param failure the test's failure in the child, or null when it passed
     * @param entries  the report entries the test itself published in the child ({@code TestReporter}), in order;
     *                 Brigade's own are published from the results
     * @param deferred    the metrics that in-body baseline assertions left to {@code @Baseline} to record, per
     *                    baseline entry
     * @param comparisons the baseline comparisons the test's body made of each result, in the order of
     *                    {@code results}
     * @param base        the comparisons with the base build of each result ({@code @AgainstBase}: both sides ran
     *                    in the child), in the order of {@code results}
     * @param explained   what explains the failed comparisons with the base build of each result, from the child's
     *                    recording, in the order of {@code results} (none for a result without)
     * @param budgets     the lines that explain the failed budgets of each result, by the budget as written, from
     *                    the child's second measurements, in the order of {@code results} (empty for a result
     *                    without)
     */
    @API(status = INTERNAL, since = "0.1.0")
    public record Outcome(List<Measurement> results, Throwable failure, List<Map<String, String>> entries,
                   Map<String, List<String>> deferred, List<List<BaselineComparison>> comparisons,
                   List<List<BaseComparison>> base, List<Explained> explained,
                   List<Map<String, List<String>>> budgets) {
    }

    /**
     * Runs the invocation of {@code kind} ({@code -} for a plain test) in one child, the {@code run}-th of
     * {@code spec.runs()}.
     */
    public static Outcome run(ExtensionContext context, MethodPlan plan, ForkSpec spec, String kind, int run) {
        Path dir;
        try {
            dir = Files.createTempDirectory("brigade-fork");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for the fork's result", e);
        }
        Path out = dir.resolve("outcome.json");
        List<String> command = command(context, plan, spec, kind, run, out);
        String which = spec.runs() == 1 ? "" : " (run " + run + " of " + spec.runs() + ")";
        String where = plan.where() + which;
        String prefix = "[fork " + ("-".equals(kind) ? "" : kind + " ") + context.getRequiredTestMethod().getName()
                + (spec.runs() == 1 ? "" : " run " + run + "/" + spec.runs()) + "] ";
        Process child;
        try {
            child = new ProcessBuilder(command).start();
        } catch (IOException e) {
            deleteQuietly(dir);
            throw new UncheckedIOException("cannot start the fork of " + where + ": " + command, e);
        }
        Deque<String> lastErrors = new ArrayDeque<>();
        Thread stdout = pump(child.getInputStream(), System.out, prefix, null);
        Thread stderr = pump(child.getErrorStream(), System.err, prefix, lastErrors);
        try {
            child.getOutputStream().close();
            Duration timeout = plan.settings().forkTimeout();
            if (!child.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                ChildJvm.kill(child);
                throw new AssertionError("The fork of " + where + " did not finish within " + timeout
                        + " (" + Constants.FORK_TIMEOUT_PROPERTY_NAME + "); it was killed. Last lines of its error"
                        + " output:" + quote(lastErrors, stderr));
            }
            stdout.join(5_000);
            stderr.join(5_000);
            if (child.exitValue() != 0 || !Files.exists(out)) {
                throw new AssertionError("The fork of " + where + " " + exit(child.exitValue())
                        + (Files.exists(out) ? "" : " and reported nothing") + ". Last lines of its error output:"
                        + quote(lastErrors, stderr));
            }
            Map<String, Object> report = JSON.std.mapFrom(Files.readString(out, StandardCharsets.UTF_8));
            List<Measurement> results = new ArrayList<>();
            for (Object r : (List<?>) report.get("results")) {
                results.add(ResultCodec.decode(ResultCodec.asObject(r)));
            }
            Throwable failure = report.get("failure") == null ? null : ForkFailure.decode(ResultCodec.asObject(
                    report.get("failure")));
            if (failure == null && "NOT_RUN".equals(report.get("status"))) {
                failure = new AssertionError("The fork of " + where + " found no test to run: is the class on"
                        + " the class path of the child (" + System.getProperty("java.class.path") + ")?");
            }
            List<Map<String, String>> entries = new ArrayList<>();
            for (Object entry : (List<?>) report.getOrDefault("entries", List.of())) {
                Map<String, String> pairs = new LinkedHashMap<>();
                ResultCodec.asObject(entry).forEach((k, v) -> pairs.put(k, String.valueOf(v)));
                entries.add(pairs);
            }
            Map<String, List<String>> deferred = new LinkedHashMap<>();
            ResultCodec.asObject(report.get("deferred")).forEach((entry, metrics) -> deferred.put(entry,
                    ((List<?>) metrics).stream().map(String::valueOf).toList()));
            // one list per result, in the order of the results (ForkChild.keep)
            List<List<BaselineComparison>> comparisons = new ArrayList<>();
            for (Object ofResult : (List<?>) report.get("comparisons")) {
                comparisons.add(((List<?>) ofResult).stream().map(c -> ResultCodec.regression(ResultCodec.asObject(c)))
                        .toList());
            }
            List<List<BaseComparison>> base = new ArrayList<>();
            for (Object ofResult : (List<?>) report.get("base")) {
                base.add(((List<?>) ofResult).stream().map(c -> ResultCodec.baseComparison(ResultCodec.asObject(c)))
                        .toList());
            }
            List<Explained> explained = new ArrayList<>();
            for (Object ofResult : (List<?>) report.getOrDefault("explained", List.of())) {
                explained.add(ResultCodec.explained(ResultCodec.asObject(ofResult)));
            }
            while (explained.size() < results.size()) {
                explained.add(Explained.none());
            }
            List<Map<String, List<String>>> budgets = new ArrayList<>();
            for (Object ofResult : (List<?>) report.getOrDefault("budgets", List.of())) {
                Map<String, List<String>> byBudget = new LinkedHashMap<>();
                ResultCodec.asObject(ofResult).forEach((budget, lines) -> byBudget.put(String.valueOf(budget),
                        ((List<?>) lines).stream().map(String::valueOf).toList()));
                budgets.add(byBudget);
            }
            while (budgets.size() < results.size()) {
                budgets.add(Map.of());
            }
            return new Outcome(results, failure, entries, deferred, comparisons, base, explained, budgets);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while the fork of " + where + " ran; it was killed", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the outcome of the fork of " + where, e);
        } finally {
            ChildJvm.kill(child);
            deleteQuietly(dir);
        }
    }

    /**
     * How the child ended, from its exit value: on Unix, a process ended by a signal reports 128 plus the signal's
     * number, so 137 is SIGKILL (the OOM killer, {@code kill -9}) and 143 SIGTERM.
     */
    static String exit(int status) {
        boolean unix = !System.getProperty("os.name").startsWith("Windows");
        if (unix && status > 128 && status < 128 + 65) {
            int signal = status - 128;
            String name = switch (signal) {
                case 9 -> " (SIGKILL: killed from outside, by kill -9 or the kernel's OOM killer)";
                case 15 -> " (SIGTERM)";
                case 6 -> " (SIGABRT: the JVM aborted; look for an hs_err_pid file)";
                case 11 -> " (SIGSEGV)";
                default -> "";
            };
            return "was killed by signal " + signal + name + ", exit status " + status + ",";
        }
        return "exited with status " + status;
    }

    /** The child's command line ({@link ChildJvm#command}): {@link ForkMain} with the invocation and settings. */
    private static List<String> command(ExtensionContext context, MethodPlan plan, ForkSpec spec, String kind,
                                        int run, Path out) {
        List<String> args = new ArrayList<>();
        args.add(out.toString());
        args.add(context.getRequiredTestClass().getName());
        args.add(context.getRequiredTestMethod().getName());
        args.add(ForkMain.parameterTypes(context.getRequiredTestMethod()));
        args.add(kind);
        args.add(Configuration.FORK_RUN + "=" + run);
        Settings s = plan.settings();
        args.add(Constants.SCALE_PROPERTY_NAME + "=" + s.scale());
        args.add(Constants.BASELINE_DIR_PROPERTY_NAME + "=" + s.baselineDir());
        args.add(Constants.BASELINE_UPDATE_PROPERTY_NAME + "=" + s.baselineUpdate().value());
        args.add(Constants.BASELINE_RUNS_PROPERTY_NAME + "=" + s.baselineRuns());
        args.add(Constants.BASELINE_TOLERANCE_PROPERTY_NAME + "=" + s.baselineTolerance());
        args.add(Constants.PINNING_DETECT_PROPERTY_NAME + "=" + s.pinningDetect());
        args.add(Constants.REPORT_DIR_PROPERTY_NAME + "=" + s.reportDir());
        args.add(Constants.TIMEOUT_PROPERTY_NAME + "=" + s.timeout().toNanos() + "ns");
        // @AgainstBase: both sides run in the child, against the base build this JVM was given
        for (String key : List.of(Constants.BASE_CLASSPATH_PROPERTY_NAME, Constants.BASE_TOLERANCE_PROPERTY_NAME)) {
            Configuration.of(context).get(key).ifPresent(value -> args.add(key + "=" + value));
        }
        // first, so that a test's own jvmArgs may turn them off
        List<String> jvmArgs = new ArrayList<>(Explainer.PRECISE_SAMPLES);
        jvmArgs.addAll(spec.childArguments());
        return ChildJvm.command(spec.cpus(), jvmArgs, classPath(plan), ForkMain.class.getName(), args);
    }

    /**
     * This JVM's class path, plus the JUnit Platform Launcher when it is not on it: Maven Surefire runs the launcher
     * from a class path of its own, so it is found where this JVM loaded it, or beside the platform engine's jar
     * in a Maven repository layout.
     */
    static String classPath(MethodPlan plan) {
        String classPath = System.getProperty("java.class.path");
        String launcher = "org/junit/platform/launcher/core/LauncherFactory.class";
        List<String> entries = List.of(classPath.split(java.io.File.pathSeparator));
        for (ClassLoader loader : new ClassLoader[] {ClassLoader.getSystemClassLoader(),
                Thread.currentThread().getContextClassLoader(), ForkRunner.class.getClassLoader()}) {
            java.net.URL found = loader == null ? null : loader.getResource(launcher);
            if (found != null && found.getProtocol().equals("jar")) {
                String jar = found.getPath().substring(0, found.getPath().indexOf("!/"));
                String path = Path.of(java.net.URI.create(jar)).toString();
                // Surefire sets java.class.path to the test class path, without its own launcher
                return entries.contains(path) ? classPath : classPath + java.io.File.pathSeparator + path;
            }
            if (found != null) {
                return classPath;
            }
        }
        try {
            Path engine = Path.of(org.junit.platform.engine.TestEngine.class.getProtectionDomain().getCodeSource()
                    .getLocation().toURI());
            Path sibling = Path.of(engine.toString().replace("junit-platform-engine", "junit-platform-launcher"));
            if (!sibling.equals(engine) && Files.isRegularFile(sibling)) {
                return classPath + java.io.File.pathSeparator + sibling;
            }
        } catch (java.net.URISyntaxException | RuntimeException e) {
            // not in a jar of a Maven repository: fall through to the advice
        }
        throw new AssertionError("The fork of " + plan.where() + " needs the JUnit Platform Launcher, which is neither"
                + " on this JVM's class path nor beside junit-platform-engine: add"
                + " org.junit.platform:junit-platform-launcher to the test dependencies");
    }

    private static Thread pump(InputStream in, PrintStream to, String prefix, Deque<String> keep) {
        Thread t = Thread.ofPlatform().daemon().name("brigade-fork-output").start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    to.println(prefix + line);
                    if (keep != null) {
                        synchronized (keep) {
                            keep.addLast(line);
                            if (keep.size() > LAST_LINES) {
                                keep.removeFirst();
                            }
                        }
                    }
                }
            } catch (IOException e) {
                // the child is gone; what it wrote is already passed on
            }
        });
        return t;
    }

    private static String quote(Deque<String> lines, Thread pump) {
        try {
            pump.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (lines) {
            return lines.isEmpty() ? " (none)" : "\n  " + String.join("\n  ", lines);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a temp directory left behind is harmless
        }
    }
}
