package dev.brigade.junit.internal.report.model;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.apiguardian.api.API;

/**
 * The one JSON codec of the run's records: {@code brigade-results.json} (its schema is
 * {@code docs/brigade-results.schema.json}, a contract: renaming a key here is a change of it) and the parts each JVM
 * of a run writes, read back through the same methods. Writes a record as a tree of ordered maps and lists that
 * Jackson jr prints, and reads such a tree back, so a record survives the trip to the byte. The only place of the
 * reports that reads JSON. Stateless.
 *
 * <p>Public for {@code report}, which writes and reads the run's files through it.
 */
@API(status = INTERNAL, since = "0.1.0")
public final class RunJson {

    private static final JSON PRETTY = JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT);

    private RunJson() {
    }

    /**
     * The parts of a run one JVM wrote: its results and findings.
     *
     * <p>Public for {@code report}, which writes and merges the parts.
     */
    @API(status = INTERNAL, since = "0.1.0")
    public record Part(List<Result> results, List<Finding> findings) {
    }

    // ---- writing ----

    /** {@code brigade-results.json} of {@code run}: pretty-printed, ending in a line break. */
    public static String results(Run run) throws IOException {
        return PRETTY.asString(tree(run)) + "\n";
    }

    /** The part of run {@code run} one JVM wrote: compact, for the JVM that renders the run's files. */
    public static String part(String run, List<Result> results, List<Finding> findings) throws IOException {
        Map<String, Object> part = new LinkedHashMap<>();
        part.put("run", run);
        part.put("results", results.stream().map(RunJson::tree).toList());
        part.put("findings", findings.stream().map(RunJson::tree).toList());
        return JSON.std.asString(part);
    }

    /** {@code run} as a tree: {@code brigade}, {@code createdAt}, {@code machine}, {@code results}, findings. */
    public static Map<String, Object> tree(Run run) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("brigade", run.brigade());
        root.put("createdAt", run.createdAt());
        root.put("machine", tree(run.machine()));
        root.put("results", run.results().stream().map(RunJson::tree).toList());
        root.put("findings", run.findings().stream().map(RunJson::tree).toList());
        return root;
    }

    private static Map<String, Object> tree(Machine machine) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cpuModel", machine.cpuModel());
        m.put("cpus", machine.cpus());
        m.put("os", machine.os());
        m.put("jdk", machine.jdk());
        m.put("flags", machine.flags());
        m.put("arch", machine.arch());
        m.put("fingerprint", machine.fingerprint());
        return m;
    }

    /** One result as {@code results[i]} of {@code brigade-results.json}. */
    public static Map<String, Object> tree(Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("test", r.test());
        m.put("invocation", r.invocation());
        m.put("fixture", r.fixture());
        m.put("kind", r.kind());
        if (r.link() != null) {
            m.put("link", r.link());
        }
        m.put("tasks", r.tasks());
        m.put("forked", r.forked());
        if (r.forkRun() > 0) {
            m.put("forkRun", r.forkRun());
        }
        if (r.fit() != null) {
            m.put("fit", tree(r.fit()));
        }
        Map<String, Object> metrics = new LinkedHashMap<>();
        r.metrics().forEach((name, figure) -> metrics.put(name, tree(figure)));
        m.put("metrics", metrics);
        m.put("budgets", r.budgets().stream().map(RunJson::tree).toList());
        List<Map<String, Object>> baselines = r.baselines().stream().map(RunJson::tree).toList();
        if (!baselines.isEmpty()) {
            m.put("baseline", baselines.get(0));
        }
        m.put("baselines", baselines);
        if (!r.base().isEmpty()) {
            m.put("base", r.base().stream().map(RunJson::tree).toList());
        }
        if (r.notCompared() != null) {
            m.put("notCompared", r.notCompared());
        }
        if (r.explanation() != null) {
            m.put("explanation", tree(r.explanation()));
        }
        return m;
    }

    private static Map<String, Object> tree(Explanation e) {
        Map<String, Object> explanation = new LinkedHashMap<>();
        explanation.put("headline", e.headline());
        explanation.put("lines", e.lines());
        putIfPresent(explanation, "recording", e.recording());
        if (!e.stacks().isEmpty()) {
            explanation.put("stacks", e.stacks());
        }
        if (e.flame() != null) {
            explanation.put("flame", tree(e.flame()));
        }
        return explanation;
    }

    /** A flame graph's tree as brigade-results.json holds it, also the JSON the page draws it from. */
    public static Map<String, Object> tree(Flame flame) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("samplesCurrent", flame.samplesCurrent());
        m.put("samplesBase", flame.samplesBase());
        m.put("prunedBelowShare", flame.prunedBelowShare());
        m.put("maxFrames", flame.maxFrames());
        m.put("framesLeftOut", flame.framesLeftOut());
        m.put("root", tree(flame.root()));
        return m;
    }

    /** A frame as {@code name}, {@code current}, {@code base} and, when it calls any, {@code children}. */
    private static Map<String, Object> tree(Flame.Frame frame) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", frame.name());
        m.put("current", frame.current());
        m.put("base", frame.base());
        if (!frame.children().isEmpty()) {
            m.put("children", frame.children().stream().map(RunJson::tree).toList());
        }
        return m;
    }

    private static Map<String, Object> tree(Fit fit) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("points", fit.points().stream().map(p -> List.of(p.tasks(), p.rssBytes(), p.heapBytes())).toList());
        m.put("rssSlope", fit.rssSlope());
        m.put("rssIntercept", fit.rssIntercept());
        m.put("heapSlope", fit.heapSlope());
        m.put("heapIntercept", fit.heapIntercept());
        m.put("rssR2", fit.rssR2());
        m.put("heapR2", fit.heapR2());
        return m;
    }

    private static Map<String, Object> tree(Figure e) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("median", e.median());
        v.put("low", e.low());
        v.put("high", e.high());
        v.put("cv", e.cv());
        v.put("samples", e.samples());
        v.put("unit", e.unit());
        v.put("outliers", e.outliers());
        v.put("bimodal", e.bimodal());
        v.put("values", e.values());
        if (e.belowResolution() != null) {
            v.put("belowResolution", e.belowResolution());
        }
        return v;
    }

    private static Map<String, Object> tree(Check.Budget b) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("metric", b.metric());
        v.put("limit", b.limit());
        v.put("verdict", json(b.verdict()));
        if (b.explanation() != null) {
            v.put("explanation", tree(b.explanation()));
        }
        return v;
    }

    private static Map<String, Object> tree(Check.Baseline b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("metric", b.metric());
        m.put("ratio", b.ratio());
        m.put("low", b.low());
        m.put("high", b.high());
        m.put("tolerance", b.tolerance());
        m.put("runs", b.runs());
        if (b.currentRuns() > 1) {
            m.put("currentRuns", b.currentRuns());
        }
        m.put("interval", b.interval());
        b.spread().ifPresent(spread -> m.put("spread", spread));
        b.failsAbove().ifPresent(failsAbove -> m.put("failsAbove", failsAbove));
        m.put("verdict", json(b.verdict()));
        if (b.history() != null) {
            m.put("history", b.history().stream().map(h -> {
                Map<String, Object> run = new LinkedHashMap<>();
                if (h.recordedAt() != null) {
                    run.put("recordedAt", h.recordedAt());
                }
                run.put("median", h.median());
                run.put("low", h.low());
                run.put("high", h.high());
                return run;
            }).toList());
        }
        return m;
    }

    private static Map<String, Object> tree(Check.Base c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("metric", c.metric());
        m.put("ratio", c.ratio());
        m.put("low", c.low());
        m.put("high", c.high());
        m.put("pairs", c.pairs());
        if (!c.ratios().isEmpty()) {
            m.put("ratios", c.ratios());
        }
        m.put("current", c.current());
        m.put("base", c.base());
        m.put("tolerance", c.tolerance());
        m.put("failsAbove", c.failsAbove());
        m.put("verdict", json(c.verdict()));
        return m;
    }

    /** One finding as {@code findings[i]}: only the fields the test published. */
    public static Map<String, Object> tree(Finding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("test", f.test());
        m.put("claim", f.claim());
        putIfPresent(m, "seed", f.seed());
        putIfPresent(m, "measured", f.measured());
        putIfPresent(m, "verdict", f.verdict());
        putIfPresent(m, "held", f.held());
        putIfPresent(m, "trials", f.trials());
        putIfPresent(m, "ratio", f.ratio());
        return m;
    }

    private static void putIfPresent(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    /** {@code pass} or {@code fail}: a verdict as the file spells it. */
    private static String json(Verdict verdict) {
        return verdict.name().toLowerCase(Locale.ROOT);
    }

    // ---- reading ----

    /** A part one JVM wrote ({@link #part(String, List, List)}). */
    public static Part part(String json) throws IOException {
        Map<?, ?> m = object(JSON.std.anyFrom(json));
        return new Part(array(m.get("results")).stream().map(RunJson::result).toList(),
                array(m.get("findings")).stream().map(RunJson::finding).toList());
    }

    /** A run from its tree, as {@link #tree(Run)} writes it; a missing machine field is null. */
    public static Run run(Object tree) {
        Map<?, ?> m = object(tree);
        Map<?, ?> machine = m.get("machine") == null ? Map.of() : object(m.get("machine"));
        return new Run(string(m, "brigade"), string(m, "createdAt"), new Machine(string(machine, "cpuModel"),
                machine.get("cpus") instanceof Number cpus ? cpus.intValue() : null, string(machine, "os"),
                text(machine, "jdk"), string(machine, "flags"), string(machine, "arch"),
                string(machine, "fingerprint")),
                array(m.get("results")).stream().map(RunJson::result).toList(),
                array(m.get("findings")).stream().map(RunJson::finding).toList());
    }

    /** A result from its tree, as {@link #tree(Result)} writes it. */
    public static Result result(Object tree) {
        Map<?, ?> m = object(tree);
        Map<String, Figure> metrics = new LinkedHashMap<>();
        object(m.get("metrics")).forEach((name, figure) -> metrics.put(String.valueOf(name), figure(figure)));
        return new Result(string(m, "test"), string(m, "invocation"), string(m, "fixture"), string(m, "kind"),
                string(m, "link"), (int) number(m, "tasks"), Boolean.TRUE.equals(m.get("forked")),
                m.get("forkRun") == null ? 0 : (int) number(m, "forkRun"),
                m.get("fit") == null ? null : fit(m.get("fit")), metrics,
                array(m.get("budgets")).stream().map(RunJson::budget).toList(),
                array(m.get("baselines")).stream().map(RunJson::baseline).toList(),
                array(m.get("base")).stream().map(RunJson::base).toList(), string(m, "notCompared"),
                m.get("explanation") == null ? null : explanation(object(m.get("explanation"))));
    }

    private static Explanation explanation(Map<?, ?> m) {
        return new Explanation(string(m, "headline"), array(m.get("lines")).stream().map(String::valueOf).toList(),
                string(m, "recording"), array(m.get("stacks")).stream().map(String::valueOf).toList(),
                m.get("flame") == null ? null : flame(object(m.get("flame"))));
    }

    private static Flame flame(Map<?, ?> m) {
        return new Flame((int) number(m, "samplesCurrent"), (int) number(m, "samplesBase"),
                number(m, "prunedBelowShare"), (int) number(m, "maxFrames"), (int) number(m, "framesLeftOut"), frame(object(m.get("root"))));
    }

    private static Flame.Frame frame(Map<?, ?> m) {
        return new Flame.Frame(string(m, "name"), (int) number(m, "current"), (int) number(m, "base"),
                array(m.get("children")).stream().map(c -> frame(object(c))).toList());
    }

    private static Fit fit(Object tree) {
        Map<?, ?> m = object(tree);
        List<Fit.Point> points = new ArrayList<>();
        for (Object o : array(m.get("points"))) {
            List<?> p = array(o);
            points.add(new Fit.Point((int) whole(p.get(0)), whole(p.get(1)), whole(p.get(2))));
        }
        return new Fit(points, number(m, "rssSlope"), number(m, "rssIntercept"), number(m, "heapSlope"),
                number(m, "heapIntercept"), number(m, "rssR2"), number(m, "heapR2"));
    }

    private static Figure figure(Object tree) {
        Map<?, ?> m = object(tree);
        return new Figure(number(m, "median"), number(m, "low"), number(m, "high"), number(m, "cv"),
                (int) number(m, "samples"), string(m, "unit"),
                m.get("outliers") == null ? 0 : (int) number(m, "outliers"), Boolean.TRUE.equals(m.get("bimodal")),
                numbers(m.get("values")), string(m, "belowResolution"));
    }

    /** A budget's verdict from its tree: {@code metric}, {@code limit}, {@code verdict}, maybe {@code explanation}. */
    public static Check.Budget budget(Object tree) {
        Map<?, ?> m = object(tree);
        return new Check.Budget(string(m, "metric"), number(m, "limit"), verdict(m),
                m.get("explanation") == null ? null : explanation(object(m.get("explanation"))));
    }

    private static Check.Baseline baseline(Object tree) {
        Map<?, ?> m = object(tree);
        List<Check.Recorded> history = null;
        if (m.get("history") != null) {
            history = array(m.get("history")).stream().map(o -> {
                Map<?, ?> h = object(o);
                return new Check.Recorded(string(h, "recordedAt"), number(h, "median"), number(h, "low"),
                        number(h, "high"));
            }).toList();
        }
        return new Check.Baseline(string(m, "metric"), number(m, "ratio"), number(m, "low"), number(m, "high"),
                number(m, "tolerance"), m.get("runs") == null ? 1 : (int) number(m, "runs"),
                m.get("currentRuns") == null ? 1 : (int) number(m, "currentRuns"), string(m, "interval"),
                optional(m, "spread"), optional(m, "failsAbove"), verdict(m), history);
    }

    private static Check.Base base(Object tree) {
        Map<?, ?> m = object(tree);
        return new Check.Base(string(m, "metric"), number(m, "ratio"), number(m, "low"), number(m, "high"),
                (int) number(m, "pairs"), numbers(m.get("ratios")), number(m, "current"), number(m, "base"),
                number(m, "tolerance"), number(m, "failsAbove"), verdict(m));
    }

    /** A finding from its tree, as {@link #tree(Finding)} writes it. */
    public static Finding finding(Object tree) {
        Map<?, ?> m = object(tree);
        return new Finding(string(m, "test"), string(m, "claim"), string(m, "seed"), string(m, "measured"),
                string(m, "verdict"), integer(m, "held"), integer(m, "trials"), string(m, "ratio"));
    }

    private static Verdict verdict(Map<?, ?> m) {
        String verdict = string(m, "verdict");
        return switch (verdict == null ? "" : verdict) {
            case "pass" -> Verdict.PASS;
            case "fail" -> Verdict.FAIL;
            default -> throw new IllegalArgumentException("a verdict is \"pass\" or \"fail\", but was " + verdict);
        };
    }

    private static Map<?, ?> object(Object tree) {
        if (tree instanceof Map<?, ?> m) {
            return m;
        }
        throw new IllegalArgumentException("expected a JSON object, but was " + tree);
    }

    /** A JSON array; an absent one is empty. */
    private static List<?> array(Object tree) {
        if (tree == null) {
            return List.of();
        }
        if (tree instanceof List<?> list) {
            return list;
        }
        throw new IllegalArgumentException("expected a JSON array, but was " + tree);
    }

    private static String string(Map<?, ?> m, String key) {
        return m.get(key) instanceof String s ? s : null;
    }

    /** A string, or a number written where a string is expected (the machine's JDK as its feature number). */
    private static String text(Map<?, ?> m, String key) {
        return m.get(key) == null ? null : String.valueOf(m.get(key));
    }

    private static Integer integer(Map<?, ?> m, String key) {
        return m.get(key) == null ? null : (int) number(m.get(key));
    }

    private static double number(Map<?, ?> m, String key) {
        if (!m.containsKey(key)) {
            throw new IllegalArgumentException("no \"" + key + "\" in " + m.keySet());
        }
        return number(m.get(key));
    }

    private static OptionalDouble optional(Map<?, ?> m, String key) {
        return m.get(key) == null ? OptionalDouble.empty() : OptionalDouble.of(number(m, key));
    }

    /** A number; Jackson writes one that is not finite as a string ({@code "NaN"}, {@code "Infinity"}). */
    private static double number(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof String s) {
            return Double.parseDouble(s);
        }
        throw new IllegalArgumentException("expected a number, but was " + value);
    }

    /** A whole number, kept whole past 2^53 (bytes). */
    private static long whole(Object value) {
        return value instanceof Number n && !(value instanceof Double) ? n.longValue() : (long) number(value);
    }

    private static List<Double> numbers(Object tree) {
        return array(tree).stream().map(RunJson::number).toList();
    }
}
