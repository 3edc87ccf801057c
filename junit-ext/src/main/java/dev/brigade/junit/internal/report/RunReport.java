package dev.brigade.junit.internal.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.brigade.fixture.Measurement;
import dev.brigade.junit.internal.base.BaseRuns;
import dev.brigade.junit.internal.baseline.BaselineStore;
import dev.brigade.junit.internal.baseline.LockedFile;
import dev.brigade.junit.internal.baseline.MachineFingerprint;
import dev.brigade.junit.internal.config.MethodPlan;
import dev.brigade.junit.internal.explain.Explained;
import dev.brigade.junit.internal.invocation.CurrentInvocation;
import dev.brigade.junit.internal.invocation.InvocationResults;
import dev.brigade.junit.internal.report.model.Check;
import dev.brigade.junit.internal.report.model.Finding;
import dev.brigade.junit.internal.report.model.Machine;
import dev.brigade.junit.internal.report.model.Result;
import dev.brigade.junit.internal.report.model.Run;
import dev.brigade.junit.internal.report.model.RunJson;
import dev.brigade.junit.internal.verdict.BudgetVerdict;
import dev.brigade.measure.BaseComparison;
import dev.brigade.measure.BaselineComparison;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * Records every result of the run: each measured invocation's records are kept in memory; at the end of the test
 * plan ({@link #finish()}) this JVM writes its part ({@code parts/<run>-<pid>.json}) and renders, under a lock held
 * across JVMs, {@code brigade-results.json}, {@code jmh-results.json}, {@code bencher.json} and {@code report.html}
 * from every part of the same run, so Surefire forks and parallel test classes all land in one set of files. Every
 * file is replaced atomically. Reads immutable results and the verdicts already made; grades nothing. Thread-safe.
 *
 * <p>The run: under Maven Surefire, the Maven JVM that started the forks (its pid and start time), so forks of one
 * build share it and a new build drops the parts of the last; elsewhere this JVM alone.
 *
 * <p>Public for {@code lifecycle}, whose {@code InvocationVerdicts} records each invocation here.
 */
@API(status = INTERNAL, since = "0.1.0")
public final class RunReport {

    /**
     * This JVM's records, by the report directory they go to (one, unless tests set different ones): built from the
     * immutable results when first read, at the end of the test plan, so a run pays for them once and in one go.
     */
    private static final Map<Path, List<Supplier<Result>>> RECORDS = new LinkedHashMap<>();
    /** This JVM's findings ({@link #finding}), by the report directory they go to; guarded by {@link #RECORDS}. */
    private static final Map<Path, List<Finding>> FINDINGS = new LinkedHashMap<>();
    private static final AtomicBoolean WARNED = new AtomicBoolean();
    /** How many of this JVM's records each directory held when it was last rendered. */
    private static final Map<Path, Integer> RENDERED = new ConcurrentHashMap<>();
    /** The nearest existing ancestor of each directory when its first record came: gone at the end, it is skipped. */
    private static final Map<Path, Path> ANCHORS = new ConcurrentHashMap<>();
    /** Time this JVM spent recording results and writing the files, shown in the console summary. */
    private static final AtomicLong SPENT_NANOS = new AtomicLong();
    private static final String RUN = runId();
    /** The report entry key of a finding's claim; its other fields are keys {@code finding.<field>}. */
    static final String FINDING = "finding";

    private RunReport() {
    }

    /**
     * Records the results of one invocation with their budget and baseline verdicts, kept until {@link #finish()};
     * the records themselves are built when first read.
     */
    public static void record(CurrentInvocation current, InvocationResults.Collected collected,
                              List<BudgetVerdict> verdicts) {
        long start = System.nanoTime();
        MethodPlan plan = current.plan();
        String test = current.context().getRequiredTestClass().getName() + "#"
                + current.context().getRequiredTestMethod().getName();
        String invocation = current.context().getDisplayName();
        String notCompared = BaseRuns.newInThisChange(current.context(), current.plan())
                .map(what -> "new in this change").orElse(null);
        List<Supplier<Result>> records = new ArrayList<>();
        for (Measurement result : collected.all()) {
            boolean forked = collected.isForked(result);
            int forkRun = collected.runOf(result);
            List<BaselineComparison> comparisons = current.comparisons().getOrDefault(result, List.of());
            List<BaseComparison> base = current.base().getOrDefault(result, List.of());
            List<Check.Budget> budgets = verdicts.stream().filter(v -> v.result() == result)
                    .map(ReportRecords::budget).toList();
            // read now, while the invocation is current: the baseline's recorded runs, for its history chart
            List<BaselineStore.RecordedRun> history = comparisons.isEmpty() ? List.of()
                    : BaselineStore.history(current, result);
            records.add(once(() -> ReportRecords.of(test, invocation, result, forked, forkRun, budgets, comparisons,
                    base, history, notCompared, current.explained().getOrDefault(result, Explained.none()))));
        }
        add(plan.settings().reportDir().toAbsolutePath().normalize(), records);
        SPENT_NANOS.addAndGet(System.nanoTime() - start);
    }

    /**
     * Records a finding: a claim and its verdict on this machine, as a test published it in a report entry with
     * the key {@value #FINDING} (see {@link ConsoleSummary}); kept until {@link #finish()}.
     */
    static void finding(Path dir, String test, Map<String, String> entry) {
        Finding f = new Finding(test, entry.get(FINDING), entry.get(FINDING + ".seed"),
                entry.get(FINDING + ".measured"), entry.get(FINDING + ".verdict"), integer(entry, "held"),
                integer(entry, "trials"), entry.get(FINDING + ".ratio"));
        Path normalized = dir.toAbsolutePath().normalize();
        ANCHORS.computeIfAbsent(normalized, RunReport::nearestExisting);
        synchronized (RECORDS) {
            RECORDS.computeIfAbsent(normalized, d -> new ArrayList<>());
            FINDINGS.computeIfAbsent(normalized, d -> new ArrayList<>()).add(f);
        }
    }

    private static Integer integer(Map<String, String> entry, String field) {
        String value = entry.get(FINDING + "." + field);
        return value == null ? null : Integer.valueOf(value);
    }

    /** This JVM's findings so far, for the console summary. */
    static List<Finding> findings() {
        synchronized (RECORDS) {
            return FINDINGS.values().stream().flatMap(List::stream).toList();
        }
    }

    /** The time this JVM spent on the reports so far: keeping results, building the records, rendering the files. */
    static Duration spent() {
        return Duration.ofNanos(SPENT_NANOS.get());
    }

    /**
     * The run this JVM belongs to: {@code <pid>_<start>} ({@link #runOf}) of the Maven JVM under Surefire, else of
     * this one.
     */
    static String run() {
        return RUN;
    }

    /** This JVM's records so far, for the console summary. */
    static List<Result> records() {
        long start = System.nanoTime();
        try {
            synchronized (RECORDS) {
                return built(RECORDS.values().stream().flatMap(List::stream).toList());
            }
        } finally {
            SPENT_NANOS.addAndGet(System.nanoTime() - start);
        }
    }

    private static List<Result> built(List<Supplier<Result>> records) {
        return records.stream().map(Supplier::get).toList();
    }

    /** Builds the record when first asked for, and remembers it. */
    private static Supplier<Result> once(Supplier<Result> build) {
        return new Supplier<>() {
            private Result built;

            @Override
            public synchronized Result get() {
                if (built == null) {
                    built = build.get();
                }
                return built;
            }
        };
    }

    /**
     * The record of one result with budget verdicts as JSON trees ({@code metric}, {@code limit}, {@code verdict}),
     * as a JSON tree through {@link RunJson}: for tests that write a result's record by hand.
     */
    static Map<String, Object> record(String test, String invocation, Measurement result, boolean forked,
                                      List<Map<String, Object>> budgets, List<BaselineComparison> baselines) {
        return RunJson.tree(ReportRecords.of(test, invocation, result, forked, 0,
                budgets.stream().map(RunJson::budget).toList(), baselines, List.of(), List.of(), null,
                Explained.none()));
    }

    /**
     * Adds {@code records} to this JVM's part of the run, kept in memory until the files are rendered at the end of
     * the test plan: a JVM that dies before then leaves no part, and the run's files are those of the JVMs that
     * finished.
     */
    static void write(Path dir, List<Result> records) {
        add(dir, records.stream().<Supplier<Result>>map(r -> () -> r).toList());
    }

    private static void add(Path dir, List<Supplier<Result>> records) {
        ANCHORS.computeIfAbsent(dir, RunReport::nearestExisting);
        synchronized (RECORDS) {
            RECORDS.computeIfAbsent(dir, d -> new ArrayList<>()).addAll(records);
        }
    }

    private static Path part(Path dir) {
        return dir.resolve("parts").resolve(RUN + "-" + ProcessHandle.current().pid() + ".json");
    }

    /**
     * Renders the run's files from every part of the run in each report directory this JVM wrote to: called once
     * at the end of the test plan, by every JVM of the run, so the last one to finish leaves the whole run.
     */
    static void finish() {
        long start = System.nanoTime();
        for (Path dir : dirs()) {
            // a directory already rendered with every record, or one whose tree was deleted since its first record
            // (a test's temporary directory), is left alone, not created again
            Path anchor = ANCHORS.get(dir);
            if (!Integer.valueOf(size(dir)).equals(RENDERED.get(dir)) && (anchor == null || Files.exists(anchor))) {
                render(dir);
            }
        }
        SPENT_NANOS.addAndGet(System.nanoTime() - start);
    }

    /** {@code dir} itself or its nearest ancestor that exists now. */
    private static Path nearestExisting(Path dir) {
        Path p = dir;
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        return p == null ? dir.getRoot() : p;
    }

    private static int size(Path dir) {
        synchronized (RECORDS) {
            return RECORDS.getOrDefault(dir, List.of()).size() + FINDINGS.getOrDefault(dir, List.of()).size();
        }
    }

    /** The report directories this JVM wrote to. */
    static List<Path> dirs() {
        synchronized (RECORDS) {
            return List.copyOf(RECORDS.keySet());
        }
    }

    /**
     * Renders brigade-results.json, jmh-results.json, bencher.json and report.html of {@code dir} from this JVM's
     * records and the parts of the run's other JVMs; jmh-results.json and bencher.json are compact, for tools.
     */
    static void render(Path dir) {
        try {
            LockedFile.update(dir.resolve("brigade-results.json"), previous -> {
                try {
                    List<Result> ours = ours(dir);
                    List<Finding> ourFindings = ourFindings(dir);
                    RENDERED.put(dir, ours.size() + ourFindings.size());
                    List<Result> all = new ArrayList<>(ours);
                    List<Finding> findings = new ArrayList<>(ourFindings);
                    others(dir, all, findings);
                    MachineFingerprint here = MachineFingerprint.current();
                    Machine machine = new Machine(here.cpuModel(), here.cpus(), here.os(),
                            Runtime.version().toString(), here.flags(), System.getProperty("os.arch"), here.id());
                    Run run = new Run("0.1.0", Instant.now().toString(), machine, all, findings);
                    // the tests are over: the files are rendered side by side, written one by one
                    try (ExecutorService renderers = Executors.newFixedThreadPool(2)) {
                        Future<String> part = renderers.submit(() -> RunJson.part(RUN, ours, ourFindings));
                        Map<ReportFormat, Future<String>> formats = new LinkedHashMap<>();
                        for (ReportFormat format : ReportFormat.ALL) {
                            formats.put(format, renderers.submit(() -> format.render(run)));
                        }
                        String results = RunJson.results(run);
                        Files.createDirectories(part(dir).getParent());
                        LockedFile.write(part(dir), part.get());
                        for (Map.Entry<ReportFormat, Future<String>> format : formats.entrySet()) {
                            LockedFile.write(dir.resolve(format.getKey().fileName()), format.getValue().get());
                        }
                        return results;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while rendering the reports", e);
                    } catch (ExecutionException e) {
                        throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (RuntimeException e) {
            warn(dir, e);
        }
    }

    private static List<Result> ours(Path dir) {
        synchronized (RECORDS) {
            return built(RECORDS.getOrDefault(dir, List.of()));
        }
    }

    private static List<Finding> ourFindings(Path dir) {
        synchronized (RECORDS) {
            return List.copyOf(FINDINGS.getOrDefault(dir, List.of()));
        }
    }

    /**
     * Adds the records and findings of the run's other JVMs, from their parts; parts of earlier runs, and temporary
     * files of JVMs killed while writing theirs, are deleted.
     */
    private static void others(Path dir, List<Result> all, List<Finding> findings) throws IOException {
        Path parts = dir.resolve("parts");
        if (!Files.isDirectory(parts)) {
            return;
        }
        Path own = part(dir);
        List<Path> files;
        try (Stream<Path> list = Files.list(parts)) {
            files = list.sorted().toList();
        }
        for (Path part : files) {
            String name = part.getFileName().toString();
            if (LockedFile.isTemporary(part)) {
                // a part being written when its JVM was killed: every part is written under the lock held here
                Files.deleteIfExists(part);
                continue;
            }
            if (!name.endsWith(".json") || part.equals(own)) {
                continue;
            }
            if (!name.startsWith(RUN + "-")) {
                Files.deleteIfExists(part);
                continue;
            }
            RunJson.Part other = RunJson.part(Files.readString(part, StandardCharsets.UTF_8));
            all.addAll(other.results());
            findings.addAll(other.findings());
        }
    }

    private static void warn(Path dir, Exception e) {
        if (WARNED.compareAndSet(false, true)) {
            System.err.println("[brigade] WARNING: cannot write the reports to " + dir.toAbsolutePath() + " ("
                    + e.getMessage() + "); tests are not affected. Set brigade.report.dir to a writable directory.");
        }
    }

    private static String runId() {
        boolean surefire = System.getProperty("surefire.test.class.path") != null
                || System.getProperty("surefire.real.class.path") != null;
        ProcessHandle owner = surefire ? ProcessHandle.current().parent().orElse(ProcessHandle.current())
                : ProcessHandle.current();
        return runOf(owner);
    }

    /**
     * The run a process leads: {@code <pid>_<start>}, its start in clock ticks since boot on Linux, else in epoch
     * milliseconds. Not {@link ProcessHandle.Info#startInstant()} on Linux: the JDK adds the boot time, which each JVM
     * reads once from {@code /proc/stat}, and that moves by a second between JVMs on some kernels (CI saw two Surefire
     * forks agree and the Maven JVM's own reading differ by 1,000 ms), so two forks of one build could name two runs
     * and delete each other's parts.
     */
    static String runOf(ProcessHandle process) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"),
                    StandardCharsets.US_ASCII);
            // fields after the command name, which is in parentheses and may hold spaces: state is field 3, start 22
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            return process.pid() + "_" + Long.parseLong(fields[22 - 3]);
        } catch (IOException | RuntimeException notLinux) {
            return process.pid() + "_" + process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        }
    }
}
