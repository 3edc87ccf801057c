package dev.brigade.junit.internal.fork;

import dev.brigade.fixture.Measurement;
import dev.brigade.fixture.internal.MeasurementCodec;
import dev.brigade.junit.internal.explain.Explained;
import dev.brigade.measure.BaseComparison;
import dev.brigade.measure.BaselineComparison;
import dev.brigade.measure.Estimate;
import dev.brigade.measure.PairedRatio;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a {@code @Fork} child sends back besides its results — its baseline comparisons, comparisons with the base
 * build and what explains a failed one — as JSON-ready maps and back, losslessly; the results themselves go through
 * fixtures' one codec, {@link MeasurementCodec}. Stateless.
 */
final class ResultCodec {

    private ResultCodec() {
    }

    static Map<String, Object> encode(Measurement result) {
        return MeasurementCodec.encode(result);
    }

    static Measurement decode(Map<String, Object> m) {
        return MeasurementCodec.decode(m);
    }

    /** An estimate with its rounds, as stored in baseline files too. */
    static Map<String, Object> encode(Estimate e) {
        return MeasurementCodec.encode(e);
    }

    /** A baseline comparison, for a fork child to send back what its test's body compared. */
    static Map<String, Object> encode(BaselineComparison r) {
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
        m.put("pairRatios", r.pairRatios());
        m.put("tolerance", c.tolerance());
        m.put("failed", c.failed());
        return m;
    }

    /** What explains a failed comparison with the base build: its lines and the files the child's recording left. */
    static Map<String, Object> encode(Explained e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lines", e.lines());
        e.recording().ifPresent(r -> m.put("recording", r.toString()));
        m.put("stacks", e.stacks().stream().map(Path::toString).toList());
        return m;
    }

    static Explained explained(Map<String, Object> m) {
        return new Explained(((List<?>) m.get("lines")).stream().map(String::valueOf).toList(),
                Optional.ofNullable((String) m.get("recording")).map(Path::of),
                ((List<?>) m.get("stacks")).stream().map(s -> Path.of((String) s)).toList());
    }

    static BaseComparison baseComparison(Map<String, Object> m) {
        List<?> r = (List<?>) m.get("ratio");
        PairedRatio ratio = new PairedRatio(((Number) r.get(0)).doubleValue(), ((Number) r.get(1)).doubleValue(),
                ((Number) r.get(2)).doubleValue(), ((Number) r.get(3)).intValue(), ((Number) r.get(4)).doubleValue(),
                ((List<?>) m.getOrDefault("pairRatios", List.of())).stream().map(v -> ((Number) v).doubleValue())
                        .toList());
        return new BaseComparison((String) m.get("metric"), (String) m.get("label"), estimate(m, "current"),
                estimate(m, "base"), ratio, number(m, "tolerance"), (Boolean) m.get("failed"));
    }

    static BaselineComparison regression(Map<String, Object> m) {
        return new BaselineComparison((String) m.get("metric"), estimate(m, "baseline"), estimate(m, "current"),
                estimate(m, "ratio"), number(m, "tolerance"), (Boolean) m.get("regressed"), integer(m, "baselineRuns"),
                BaselineComparison.Interval.valueOf((String) m.get("interval")), number(m, "runToRunSpread"),
                integer(m, "currentRuns"));
    }

    private static Estimate estimate(Map<String, Object> parent, String key) {
        return MeasurementCodec.estimate(parent, key);
    }

    private static int integer(Map<String, Object> m, String key) {
        return ((Number) m.get(key)).intValue();
    }

    private static double number(Map<String, Object> m, String key) {
        return ((Number) m.get(key)).doubleValue();
    }

    /** A JSON object of the child's file as jackson-jr read it: an unchecked cast, the codec's one. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> asObject(Object o) {
        return (Map<String, Object>) o;
    }
}
