package dev.brigade.junit.internal;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.brigade.fixture.BrigadeResult;
import dev.brigade.fixture.Cost;
import dev.brigade.fixture.MemoryResult;
import dev.brigade.fixture.SpawnResult;
import dev.brigade.fixture.TaskKind;
import dev.brigade.measure.Estimate;
import dev.brigade.measure.Regression;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * Records every result of the run: after each measured invocation this JVM rewrites its part
 * ({@code parts/<run>-<pid>.json}); at the end of the test plan ({@link #finish()}) it renders, under a lock held
 * across JVMs, {@code brigade-results.json}, {@code jmh-results.json}, {@code bencher.json} and {@code report.html}
 * from every part of the same run, so Surefire forks and parallel test classes all land in one set of files. Every
 * file is replaced atomically. Reads immutable results and the verdicts already made; grades nothing. Thread-safe.
 *
 * <p>The run: under Maven Surefire, the Maven JVM that started the forks (its pid and start time), so forks of one
 * build share it and a new build drops the parts of the last; elsewhere this JVM alone.
 */
public final class RunReport {

    /** This JVM's records, by the report directory they go to (one, unless tests set different ones). */
    private static final Map<java.nio.file.Path, List<Map<String, Object>>> RECORDS = new LinkedHashMap<>();
    private static final AtomicBoolean WARNED = new AtomicBoolean();
    private static final String RUN = runId();
    private static final JSON OUT = JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT);

    private RunReport() {
    }

    /** Records the results of one invocation with their budget and baseline verdicts, and rewrites the files. */
    static void record(CurrentInvocation current, InvocationResults.Collected collected) {
        MethodPlan plan = current.plan();
        TaskKind invocationKind = TestState.kind(current.context());
        String test = current.context().getRequiredTestClass().getName() + "#"
                + current.context().getRequiredTestMethod().getName();
        String invocation = current.context().getDisplayName();
        List<Map<String, Object>> records = new ArrayList<>();
        for (Object result : collected.all()) {
            records.add(record(test, invocation, result, collected.isForked(result), budgets(plan, invocationKind,
                    result), current.comparisons().getOrDefault(result, List.of())));
        }
        List<Map<String, Object>> all;
        Path dir = plan.settings().reportDir().toAbsolutePath().normalize();
        synchronized (RECORDS) {
            List<Map<String, Object>> ours = RECORDS.computeIfAbsent(dir, d -> new ArrayList<>());
            ours.addAll(records);
            all = List.copyOf(ours);
        }
        write(dir, all);
    }

    /** The run this JVM belongs to: {@code <pid>_<start millis>} of the Maven JVM under Surefire, else of this one. */
    static String run() {
        return RUN;
    }

    /** This JVM's records so far, for the console summary. */
    static List<Map<String, Object>> records() {
        synchronized (RECORDS) {
            return RECORDS.values().stream().flatMap(List::stream).toList();
        }
    }

    static Map<String, Object> record(String test, String invocation, Object result, boolean forked,
                                      List<Map<String, Object>> budgets, List<Regression> baselines) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("test", test);
        m.put("invocation", invocation);
        Map<String, Estimate> metrics;
        if (result instanceof BrigadeResult r) {
            m.put("fixture", "brigade");
            m.put("kind", r.label());
            m.put("link", r.link());
            m.put("tasks", r.tasks());
            metrics = r.metrics();
        } else if (result instanceof SpawnResult r) {
            m.put("fixture", "spawn");
            m.put("kind", r.kind().name());
            m.put("tasks", r.tasks());
            metrics = r.metrics();
        } else if (result instanceof MemoryResult r) {
            m.put("fixture", "population");
            m.put("kind", r.kind().name());
            m.put("tasks", r.tasks());
            metrics = r.metrics();
        } else {
            Cost c = (Cost) result;
            m.put("fixture", "cost");
            m.put("kind", "cost");
            m.put("tasks", 0);
            metrics = new LinkedHashMap<>();
            metrics.put("wallNanos", Estimate.of("ns", c.wallNanos()));
            metrics.put("cpuNanos", Estimate.of("ns", c.cpuNanos()));
            metrics.put("contextSwitches", Estimate.of("1", c.contextSwitches()));
            metrics.put("allocatedBytes", Estimate.of("B", c.allocatedBytes()));
        }
        m.put("forked", forked);
        MemoryResult memory = result instanceof MemoryResult r ? r
                : result instanceof BrigadeResult r ? r.memoryPerTask() : null;
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
            b.put("verdict", r.regressed() ? "fail" : "pass");
            return b;
        }).toList();
        if (!comparisons.isEmpty()) {
            m.put("baseline", comparisons.get(0));
        }
        m.put("baselines", comparisons);
        return m;
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

    /** The verdict of every budget limit that applies to {@code result}. */
    private static List<Map<String, Object>> budgets(MethodPlan plan, TaskKind invocationKind, Object result) {
        List<Map<String, Object>> verdicts = new ArrayList<>();
        for (BudgetSpec budget : plan.budgets()) {
            if (invocationKind != null && invocationKind != budget.kind()) {
                continue;
            }
            for (BudgetSpec.SetLimit set : budget.limits()) {
                Object target = target(set.limit(), budget.kind(), result);
                if (target == null) {
                    continue;
                }
                String verdict;
                try {
                    set.limit().check(target, set.value());
                    verdict = "pass";
                } catch (AssertionError e) {
                    verdict = "fail";
                }
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("metric", set.limit().metric());
                v.put("limit", Limit.valueOf(set.value()));
                v.put("verdict", verdict);
                verdicts.add(v);
            }
        }
        return verdicts;
    }

    private static Object target(Limit limit, TaskKind kind, Object result) {
        return switch (limit.source()) {
            case BRIGADE -> result instanceof BrigadeResult r && !r.oneThread() && r.kind() == kind ? r : null;
            case SPAWN -> result instanceof SpawnResult r && r.kind() == kind ? r : null;
            case MEMORY -> result instanceof MemoryResult r && r.kind() == kind ? r
                    : result instanceof BrigadeResult r && !r.oneThread() && r.kind() == kind ? r.memoryPerTask() : null;
        };
    }

    /** Writes this JVM's part of the run; a directory that cannot be written gives one warning. */
    static void write(Path dir, List<Map<String, Object>> records) {
        try {
            Path parts = dir.resolve("parts");
            Files.createDirectories(parts);
            LockedFile.write(parts.resolve(RUN + "-" + ProcessHandle.current().pid() + ".json"),
                    JSON.std.asString(Map.of("run", RUN, "results", records)));
        } catch (IOException | RuntimeException e) {
            warn(dir, e);
        }
    }

    /**
     * Renders the run's files from every part of the run in each report directory this JVM wrote to: called once
     * at the end of the test plan, by every JVM of the run, so the last one to finish leaves the whole run.
     */
    static void finish() {
        List<Path> dirs;
        synchronized (RECORDS) {
            dirs = List.copyOf(RECORDS.keySet());
        }
        dirs.forEach(RunReport::render);
    }

    /** Renders brigade-results.json, jmh-results.json, bencher.json and report.html of {@code dir} from its parts. */
    static void render(Path dir) {
        Path parts = dir.resolve("parts");
        try {
            LockedFile.update(dir.resolve("brigade-results.json"), previous -> {
                try {
                    List<Object> all = new ArrayList<>();
                    try (Stream<Path> files = Files.list(parts)) {
                        for (Path part : files.sorted().toList()) {
                            String name = part.getFileName().toString();
                            if (!name.endsWith(".json")) {
                                continue;
                            }
                            if (!name.startsWith(RUN + "-")) {
                                Files.deleteIfExists(part);
                                continue;
                            }
                            all.addAll((List<?>) JSON.std.mapFrom(Files.readString(part)).get("results"));
                        }
                    }
                    Map<String, Object> machine = new LinkedHashMap<>(MachineFingerprint.current().describe());
                    machine.put("arch", System.getProperty("os.arch"));
                    machine.put("jdk", Runtime.version().toString());
                    machine.put("fingerprint", MachineFingerprint.current().id());
                    Map<String, Object> root = new LinkedHashMap<>();
                    root.put("brigade", "0.1.0");
                    root.put("createdAt", Instant.now().toString());
                    root.put("machine", machine);
                    root.put("results", all);
                    LockedFile.write(dir.resolve("bencher.json"), OUT.asString(ExternalFormats.bencher(all)) + "\n");
                    LockedFile.write(dir.resolve("jmh-results.json"), OUT.asString(ExternalFormats.jmh(all)) + "\n");
                    LockedFile.write(dir.resolve("report.html"), HtmlReport.render(root));
                    return OUT.asString(root) + "\n";
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (RuntimeException e) {
            warn(dir, e);
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
        return owner.pid() + "_" + owner.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }
}
