package dev.brigade.junit.internal.fork;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.brigade.fixture.BrigadeResult;
import dev.brigade.fixture.Cost;
import dev.brigade.fixture.MemoryResult;
import dev.brigade.fixture.PinnedStack;
import dev.brigade.fixture.RunStats;
import dev.brigade.fixture.SpawnResult;
import dev.brigade.fixture.TaskKind;
import dev.brigade.measure.BaseComparison;
import dev.brigade.measure.Estimate;
import dev.brigade.measure.PairedRatio;
import dev.brigade.measure.Regression;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apiguardian.api.API;

/**
 * Results as JSON-ready maps and back, losslessly (rounds included), so a forked JVM's results reach the parent
 * exactly as they were measured. Stateless.
 */
@API(status = INTERNAL, since = "0.1.0")
public final class ResultCodec {

    private ResultCodec() {
    }

    static Map<String, Object> encode(Object result) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (result instanceof BrigadeResult r) {
            m.put("type", "brigade");
            m.put("kind", r.kind().name());
            m.put("link", r.link());
            m.put("tasks", r.tasks());
            m.put("oneThread", r.oneThread());
            m.put("hops", r.hops());
            m.put("nanosPerHop", encode(r.nanosPerHop()));
            m.put("cpuNanosPerHop", encode(r.cpuNanosPerHop()));
            m.put("contextSwitchesPerHop", encode(r.contextSwitchesPerHop()));
            m.put("allocatedBytesPerHop", encode(r.allocatedBytesPerHop()));
            m.put("memoryPerTask", r.memoryPerTask() == null ? null : encode(r.memoryPerTask()));
            m.put("pinnedEvents", r.pinnedEvents().isPresent() ? r.pinnedEvents().getAsLong() : null);
            m.put("stats", stats(r.stats()));
            m.put("pinnedStacks", r.pinnedStacks().stream().map(p -> Map.of("frames", p.frames(), "events",
                    p.events())).toList());
        } else if (result instanceof SpawnResult r) {
            m.put("type", "spawn");
            m.put("kind", r.kind().name());
            m.put("tasks", r.tasks());
            m.put("spawned", r.spawned());
            m.put("nanosPerTask", encode(r.nanosPerTask()));
            m.put("startLatencyNanos", encode(r.startLatencyNanos()));
            m.put("contextSwitchesPerTask", encode(r.contextSwitchesPerTask()));
            m.put("cpuNanosPerTask", encode(r.cpuNanosPerTask()));
            m.put("allocatedBytesPerTask", encode(r.allocatedBytesPerTask()));
            m.put("stats", stats(r.stats()));
        } else if (result instanceof MemoryResult r) {
            m.put("type", "population");
            m.put("kind", r.kind().name());
            m.put("tasks", r.tasks());
            m.put("rssBytesPerTask", encode(r.rssBytesPerTask()));
            m.put("heapBytesPerTask", encode(r.heapBytesPerTask()));
            m.put("rssR2", r.rssR2());
            m.put("heapR2", r.heapR2());
            m.put("points", r.points().stream().map(p -> List.of(p.tasks(), p.rssBytes(), p.heapBytes())).toList());
        } else if (result instanceof Cost c) {
            m.put("type", "cost");
            m.put("fields", List.of(c.wallNanos(), c.userCpuNanos(), c.systemCpuNanos(), c.voluntaryContextSwitches(),
                    c.involuntaryContextSwitches(), c.minorFaults(), c.rssDeltaBytes(), c.allocatedBytes(),
                    c.threadCountDelta(), c.operations()));
        } else {
            throw new IllegalArgumentException("not a Brigade result: " + result);
        }
        return m;
    }

    static Object decode(Map<String, Object> m) {
        return switch ((String) m.get("type")) {
            case "brigade" -> new BrigadeResult(kind(m), (String) m.get("link"), integer(m, "tasks"),
                    (Boolean) m.get("oneThread"), longer(m, "hops"), estimate(m, "nanosPerHop"),
                    estimate(m, "cpuNanosPerHop"), estimate(m, "contextSwitchesPerHop"),
                    estimate(m, "allocatedBytesPerHop"),
                    m.get("memoryPerTask") == null ? null : (MemoryResult) decode(map(m.get("memoryPerTask"))),
                    m.get("pinnedEvents") == null ? OptionalLong.empty() : OptionalLong.of(longer(m, "pinnedEvents")),
                    stats(map(m.get("stats"))), ((List<?>) m.get("pinnedStacks")).stream().map(o -> {
                        Map<String, Object> p = map(o);
                        return new PinnedStack((String) p.get("frames"), longer(p, "events"));
                    }).toList());
            case "spawn" -> new SpawnResult(kind(m), integer(m, "tasks"), longer(m, "spawned"),
                    estimate(m, "nanosPerTask"), estimate(m, "startLatencyNanos"),
                    estimate(m, "contextSwitchesPerTask"), estimate(m, "cpuNanosPerTask"),
                    estimate(m, "allocatedBytesPerTask"), stats(map(m.get("stats"))));
            case "population" -> new MemoryResult(kind(m), integer(m, "tasks"), estimate(m, "rssBytesPerTask"),
                    estimate(m, "heapBytesPerTask"), number(m, "rssR2"), number(m, "heapR2"),
                    ((List<?>) m.get("points")).stream().map(o -> {
                        List<?> p = (List<?>) o;
                        return new MemoryResult.Point(((Number) p.get(0)).intValue(), ((Number) p.get(1)).longValue(),
                                ((Number) p.get(2)).longValue());
                    }).toList());
            case "cost" -> {
                long[] f = ((List<?>) m.get("fields")).stream().mapToLong(o -> ((Number) o).longValue()).toArray();
                yield new Cost(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], (int) f[8], f[9]);
            }
            default -> throw new IllegalArgumentException("unknown result type " + m.get("type"));
        };
    }

    /** An estimate with its rounds, as stored in baseline files too. */
    public static Map<String, Object> encode(Estimate e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("median", e.median());
        m.put("low", e.low());
        m.put("high", e.high());
        m.put("cv", e.cv());
        m.put("samples", e.samples());
        m.put("unit", e.unit());
        m.put("values", Arrays.stream(e.values()).boxed().toList());
        return m;
    }

    /** A baseline comparison, for a fork child to send back what its test's body compared. */
    static Map<String, Object> encode(Regression r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("metric", r.metric());
        m.put("baseline", encode(r.baseline()));
        m.put("current", encode(r.current()));
        m.put("ratio", encode(r.ratio()));
        m.put("tolerance", r.tolerance());
        m.put("regressed", r.regressed());
        m.put("baselineRuns", r.baselineRuns());
        m.put("interval", r.interval().name());
        m.put("runToRunSpread", r.runToRunSpread());
        m.put("currentRuns", r.currentRuns());
        return m;
    }

    /** A comparison with the base build, for a fork child to send back what its pairs of runs gave. */
    static Map<String, Object> encode(BaseComparison c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("metric", c.metric());
        m.put("label", c.label());
        m.put("current", encode(c.current()));
        m.put("base", encode(c.base()));
        PairedRatio r = c.ratio();
        m.put("ratio", List.of(r.median(), r.low(), r.high(), r.pairs(), r.confidence()));
        m.put("tolerance", c.tolerance());
        m.put("failed", c.failed());
        return m;
    }

    static BaseComparison baseComparison(Map<String, Object> m) {
        List<?> r = (List<?>) m.get("ratio");
        PairedRatio ratio = new PairedRatio(((Number) r.get(0)).doubleValue(), ((Number) r.get(1)).doubleValue(),
                ((Number) r.get(2)).doubleValue(), ((Number) r.get(3)).intValue(), ((Number) r.get(4)).doubleValue());
        return new BaseComparison((String) m.get("metric"), (String) m.get("label"), estimate(m, "current"),
                estimate(m, "base"), ratio, number(m, "tolerance"), (Boolean) m.get("failed"));
    }

    static Regression regression(Map<String, Object> m) {
        return new Regression((String) m.get("metric"), estimate(m, "baseline"), estimate(m, "current"),
                estimate(m, "ratio"), number(m, "tolerance"), (Boolean) m.get("regressed"), integer(m, "baselineRuns"),
                Regression.Interval.valueOf((String) m.get("interval")), number(m, "runToRunSpread"),
                integer(m, "currentRuns"));
    }

    private static Estimate estimate(Map<String, Object> parent, String key) {
        Map<String, Object> m = map(parent.get(key));
        double[] values = ((List<?>) m.get("values")).stream().mapToDouble(o -> ((Number) o).doubleValue()).toArray();
        String unit = (String) m.get("unit");
        return values.length > 0 ? Estimate.of(unit, values) : Estimate.ofInterval(unit, number(m, "median"),
                number(m, "low"), number(m, "high"), number(m, "cv"), integer(m, "samples"));
    }

    private static Map<String, Object> stats(RunStats s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("warmupNanos", s.warmupNanos());
        m.put("measuredNanos", s.measuredNanos());
        m.put("rounds", s.rounds());
        m.put("operationsPerRound", s.operationsPerRound());
        m.put("probeNanos", s.probeNanos());
        m.put("probe", s.probe());
        m.put("warmupSettled", s.warmupSettled());
        m.put("precisionTarget", s.precisionTarget());
        m.put("precisionReached", s.precisionReached());
        return m;
    }

    private static RunStats stats(Map<String, Object> m) {
        return new RunStats(longer(m, "warmupNanos"), longer(m, "measuredNanos"), integer(m, "rounds"),
                longer(m, "operationsPerRound"), longer(m, "probeNanos"), (String) m.get("probe"),
                (Boolean) m.get("warmupSettled"), number(m, "precisionTarget"), (Boolean) m.get("precisionReached"));
    }

    private static TaskKind kind(Map<String, Object> m) {
        return TaskKind.valueOf((String) m.get("kind"));
    }

    private static int integer(Map<String, Object> m, String key) {
        return ((Number) m.get(key)).intValue();
    }

    private static long longer(Map<String, Object> m, String key) {
        return ((Number) m.get(key)).longValue();
    }

    private static double number(Map<String, Object> m, String key) {
        return ((Number) m.get(key)).doubleValue();
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }
}
