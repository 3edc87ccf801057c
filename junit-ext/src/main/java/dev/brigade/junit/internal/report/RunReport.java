package dev.brigade.junit.internal.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.brigade.fixture.BrigadeResult;
import dev.brigade.fixture.Cost;
import dev.brigade.fixture.Measurement;
import dev.brigade.fixture.MemoryResult;
import dev.brigade.fixture.SpawnResult;
import dev.brigade.junit.internal.baseline.BaselineComparisons;
import dev.brigade.junit.internal.baseline.LockedFile;
import dev.brigade.junit.internal.baseline.MachineFingerprint;
import dev.brigade.junit.internal.config.MethodPlan;
import dev.brigade.junit.internal.lifecycle.CurrentInvocation;
import dev.brigade.junit.internal.lifecycle.InvocationResults;
import dev.brigade.junit.internal.verdict.BudgetVerdict;
import dev.brigade.measure.BaseComparison;
import dev.brigade.measure.Estimate;
import dev.brigade.measure.Regression;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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
 */
@API(status = INTERNAL, since = "0.1.0")
public final class RunReport {

    /**
     * This JVM's records, by the report directory they go to (one, unless tests set different ones): built from the
     * immutable results when first read, at the end of the test plan, so a run pays for them once and in one go.
     */
    private static final Map<Path, List<Supplier<Map<String, Object>>>> RECORDS = new LinkedHashMap<>();
    /** This JVM's findings ({@link #finding}), by the report directory they go to; guarded by {@link #RECORDS}. */
    private static final Map<Path, List<Map<String, Object>>> FINDINGS = new LinkedHashMap<>();
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
    private static final JSON OUT = JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT);

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
        List<Supplier<Map<String, Object>>> records = new ArrayList<>();
        for (Measurement result : collected.all()) {
            boolean forked = collected.isForked(result);
            int forkRun = collected.runOf(result);
            List<Regression> comparisons = current.comparisons().getOrDefault(result, List.of());
            List<BaseComparison> base = current.base().getOrDefault(result, List.of());
            List<Map<String, Object>> budgets = verdicts.stream().filter(v -> v.result() == result)
                    .map(RunReport::budget).toList();
            // read now, while the invocation is current: the baseline's recorded runs, for its history chart
            List<BaselineComparisons.RecordedRun> history = comparisons.isEmpty() ? List.of()
                    : BaselineComparisons.history(current, result);
            records.add(once(() -> withHistory(withBase(record(test, invocation, result, forked, forkRun, budgets,
                    comparisons), base), history)));
        }
        add(plan.settings().reportDir().toAbsolutePath().normalize(), records);
        SPENT_NANOS.addAndGet(System.nanoTime() - start);
    }

    /**
     * Records a finding: a claim and its verdict on this machine, as a test published it in a report entry with
     * the key {@value #FINDING} (see {@link ConsoleSummary}); kept until {@link #finish()}.
     */
    static void finding(Path dir, String test, Map<String, String> entry) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("test", test);
        f.put("claim", entry.get(FINDING));
        entry.forEach((key, value) -> {
            if (key.startsWith(FINDING + ".")) {
                String name = key.substring(FINDING.length() + 1);
                f.put(name, name.equals("held") || name.equals("trials") ? Integer.valueOf(value) : value);
            }
        });
        Path normalized = dir.toAbsolutePath().normalize();
        ANCHORS.computeIfAbsent(normalized, RunReport::nearestExisting);
        synchronized (RECORDS) {
            RECORDS.computeIfAbsent(normalized, d -> new ArrayList<>());
            FINDINGS.computeIfAbsent(normalized, d -> new ArrayList<>()).add(f);
        }
    }

    /** This JVM's findings so far, for the console summary. */
    static List<Map<String, Object>> findings() {
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
    static List<Map<String, Object>> records() {
        long start = System.nanoTime();
        try {
            synchronized (RECORDS) {
                return built(RECORDS.values().stream().flatMap(List::stream).toList());
            }
        } finally {
            SPENT_NANOS.addAndGet(System.nanoTime() - start);
        }
    }

    private static List<Map<String, Object>> built(List<Supplier<Map<String, Object>>> records) {
        return records.stream().map(Supplier::get).toList();
    }

    /** Builds the record when first asked for, and remembers it. */
    private static Supplier<Map<String, Object>> once(Supplier<Map<String, Object>> build) {
        return new Supplier<>() {
            private Map<String, Object> built;

            @Override
            public synchronized Map<String, Object> get() {
                if (built == null) {
                    built = build.get();
                }
                return built;
            }
        };
    }

    static Map<String, Object> record(String test, String invocation, Measurement result, boolean forked,
                                      List<Map<String, Object>> budgets, List<Regression> baselines) {
        return record(test, invocation, result, forked, 0, budgets, baselines);
    }

    /**
     * The record of one result; {@code forkRun} is the run of {@code @Fork(runs = ...)} that measured it, from 1,
     * or 0 for a result of an invocation of one run (then not written).
     */
    static Map<String, Object> record(String test, String invocation, Measurement result, boolean forked, int forkRun,
                                      List<Map<String, Object>> budgets, List<Regression> baselines) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("test", test);
        m.put("invocation", invocation);
        m.put("fixture", result.fixture());
        m.put("kind", result.label());
        switch (result) {
            case BrigadeResult r -> {
                m.put("link", r.link());
                m.put("tasks", r.tasks());
            }
            case SpawnResult r -> m.put("tasks", r.tasks());
            case MemoryResult r -> m.put("tasks", r.tasks());
            case Cost c -> m.put("tasks", 0);
        }
        Map<String, Estimate> metrics = result.metrics();
        m.put("forked", forked);
        if (forkRun > 0) {
            m.put("forkRun", forkRun);
        }
        MemoryResult memory = switch (result) {
            case MemoryResult r -> r;
            case BrigadeResult r -> r.memoryPerTask();
            case SpawnResult r -> null;
            case Cost c -> null;
        };
        if (memory != null && !memory.points().isEmpty()) {
            m.put("fit", fit(memory));
        }
        Map<String, Object> values = new LinkedHashMap<>();
        metrics.forEach((name, e) -> {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("median", e.median());
            v.put("low", e.low());
            v.put("high", e.high());
            v.put("cv", e.cv());
            v.put("samples", e.samples());
            v.put("unit", e.unit());
            v.put("outliers", e.outliers());
            v.put("bimodal", e.bimodal());
            v.put("values", Arrays.stream(e.values()).boxed().toList());
            if (memory != null && memory.metrics().containsKey(name) && !MemoryResult.resolved(e)) {
                v.put("belowResolution", memory.describe(e));
            }
            values.put(name, v);
        });
        m.put("metrics", values);
        m.put("budgets", budgets);
        List<Map<String, Object>> comparisons = baselines.stream().map(r -> {
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("metric", r.metric());
            b.put("ratio", r.ratio().median());
            b.put("low", r.ratio().low());
            b.put("high", r.ratio().high());
            b.put("tolerance", r.tolerance());
            b.put("runs", r.baselineRuns());
            if (r.currentRuns() > 1) {
                b.put("currentRuns", r.currentRuns());
            }
            b.put("interval", r.interval().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            if (r.interval() == Regression.Interval.PREDICTION || r.interval() == Regression.Interval.TWO_SAMPLE) {
                b.put("spread", r.runToRunSpread());
            }
            if (Double.isFinite(r.failsAbove())) {
                b.put("failsAbove", r.failsAbove());
            }
            b.put("verdict", r.regressed() ? "fail" : "pass");
            return b;
        }).toList();
        if (!comparisons.isEmpty()) {
            m.put("baseline", comparisons.get(0));
        }
        m.put("baselines", comparisons);
        return m;
    }

    /** {@code record} with its comparisons with the base build ({@code base}), when there are any. */
    private static Map<String, Object> withBase(Map<String, Object> record, List<BaseComparison> base) {
        if (!base.isEmpty()) {
            record.put("base", base.stream().map(c -> {
                Map<String, Object> b = new LinkedHashMap<>();
                b.put("metric", c.metric());
                b.put("ratio", c.ratio().median());
                b.put("low", c.ratio().low());
                b.put("high", c.ratio().high());
                b.put("pairs", c.ratio().pairs());
                if (!c.ratio().pairRatios().isEmpty()) {
                    b.put("ratios", c.ratio().pairRatios());
                }
                b.put("current", c.current().median());
                b.put("base", c.base().median());
                b.put("tolerance", c.tolerance());
                b.put("failsAbove", c.failsAbove());
                b.put("verdict", c.failed() ? "fail" : "pass");
                return b;
            }).toList());
        }
        return record;
    }

    /**
     * {@code record} with each baseline comparison's {@code history}: the medians (and intervals) of the baseline's
     * recorded runs of its metric on this machine, oldest first, with when each was recorded.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> withHistory(Map<String, Object> record, List<BaselineComparisons.RecordedRun> runs) {
        if (runs.isEmpty()) {
            return record;
        }
        for (Object o : (List<Object>) record.get("baselines")) {
            Map<String, Object> comparison = (Map<String, Object>) o;
            List<Object> history = new ArrayList<>();
            for (BaselineComparisons.RecordedRun run : runs) {
                Estimate e = run.metrics().get((String) comparison.get("metric"));
                if (e != null) {
                    Map<String, Object> h = new LinkedHashMap<>();
                    if (run.recordedAt() != null) {
                        h.put("recordedAt", run.recordedAt());
                    }
                    h.put("median", e.median());
                    h.put("low", e.low());
                    h.put("high", e.high());
                    history.add(h);
                }
            }
            comparison.put("history", history);
        }
        return record;
    }

    /** The points of a memory fit and its two lines (slope per task, intercept), for the report's chart. */
    private static Map<String, Object> fit(MemoryResult memory) {
        Map<String, Object> fit = new LinkedHashMap<>();
        fit.put("points", memory.points().stream().map(p -> List.of(p.tasks(), p.rssBytes(), p.heapBytes())).toList());
        double meanTasks = memory.points().stream().mapToDouble(MemoryResult.Point::tasks).average().orElse(0);
        double meanRss = memory.points().stream().mapToDouble(MemoryResult.Point::rssBytes).average().orElse(0);
        double meanHeap = memory.points().stream().mapToDouble(MemoryResult.Point::heapBytes).average().orElse(0);
        fit.put("rssSlope", memory.rssBytesPerTask().median());
        fit.put("rssIntercept", meanRss - memory.rssBytesPerTask().median() * meanTasks);
        fit.put("heapSlope", memory.heapBytesPerTask().median());
        fit.put("heapIntercept", meanHeap - memory.heapBytesPerTask().median() * meanTasks);
        fit.put("rssR2", memory.rssR2());
        fit.put("heapR2", memory.heapR2());
        return fit;
    }

    /** A budget's verdict as the files write it: metric, limit in the metric's unit, pass or fail. */
    private static Map<String, Object> budget(BudgetVerdict verdict) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("metric", verdict.metric());
        v.put("limit", verdict.limit());
        v.put("verdict", verdict.passed() ? "pass" : "fail");
        return v;
    }

    /**
     * Adds {@code records} to this JVM's part of the run, kept in memory until the files are rendered at the end of
     * the test plan: a JVM that dies before then leaves no part, and the run's files are those of the JVMs that
     * finished.
     */
    static void write(Path dir, List<Map<String, Object>> records) {
        add(dir, records.stream().<Supplier<Map<String, Object>>>map(r -> () -> r).toList());
    }

    private static void add(Path dir, List<Supplier<Map<String, Object>>> records) {
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
                    List<Map<String, Object>> ours = ours(dir);
                    List<Map<String, Object>> ourFindings = ourFindings(dir);
                    RENDERED.put(dir, ours.size() + ourFindings.size());
                    List<Object> all = new ArrayList<>(ours);
                    List<Object> findings = new ArrayList<>(ourFindings);
                    others(dir, all, findings);
                    Map<String, Object> machine = new LinkedHashMap<>(MachineFingerprint.current().describe());
                    machine.put("arch", System.getProperty("os.arch"));
                    machine.put("jdk", Runtime.version().toString());
                    machine.put("fingerprint", MachineFingerprint.current().id());
                    Map<String, Object> root = new LinkedHashMap<>();
                    root.put("brigade", "0.1.0");
                    root.put("createdAt", Instant.now().toString());
                    root.put("machine", machine);
                    root.put("results", all);
                    root.put("findings", findings);
                    // the tests are over: the files are rendered side by side, written one by one
                    try (ExecutorService renderers = Executors.newFixedThreadPool(2)) {
                        Future<String> part = renderers.submit(() -> JSON.std.asString(Map.of("run", RUN,
                                "results", ours, "findings", ourFindings)));
                        Map<ReportFormat, Future<String>> formats = new LinkedHashMap<>();
                        for (ReportFormat format : ReportFormat.ALL) {
                            formats.put(format, renderers.submit(() -> format.render(root)));
                        }
                        String results = OUT.asString(root) + "\n";
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

    private static List<Map<String, Object>> ours(Path dir) {
        synchronized (RECORDS) {
            return built(RECORDS.getOrDefault(dir, List.of()));
        }
    }

    private static List<Map<String, Object>> ourFindings(Path dir) {
        synchronized (RECORDS) {
            return List.copyOf(FINDINGS.getOrDefault(dir, List.of()));
        }
    }

    /**
     * Adds the records and findings of the run's other JVMs, from their parts; parts of earlier runs, and temporary
     * files of JVMs killed while writing theirs, are deleted.
     */
    private static void others(Path dir, List<Object> all, List<Object> findings) throws IOException {
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
            Map<String, Object> other = JSON.std.mapFrom(Files.readString(part, StandardCharsets.UTF_8));
            all.addAll((List<?>) other.get("results"));
            findings.addAll((List<?>) other.getOrDefault("findings", List.of()));
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
