package dev.brigade.junit.internal.fork;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.brigade.fixture.Measurement;
import dev.brigade.fixture.internal.MeasurementCodec;
import dev.brigade.measure.BaseComparison;
import dev.brigade.measure.Estimate;
import dev.brigade.measure.PairedRatio;
import dev.brigade.measure.Regression;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * What a {@code @Fork} child sends back besides its results — its baseline comparisons and comparisons with the base
 * build — as JSON-ready maps and back, losslessly; the results themselves go through fixtures' one codec,
 * {@link MeasurementCodec}. Stateless.
 */
@API(status = INTERNAL, since = "0.1.0")
public final class ResultCodec {

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
        m.put("pairRatios", r.pairRatios());
        m.put("tolerance", c.tolerance());
        m.put("failed", c.failed());
        return m;
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

    static Regression regression(Map<String, Object> m) {
        return new Regression((String) m.get("metric"), estimate(m, "baseline"), estimate(m, "current"),
                estimate(m, "ratio"), number(m, "tolerance"), (Boolean) m.get("regressed"), integer(m, "baselineRuns"),
                Regression.Interval.valueOf((String) m.get("interval")), number(m, "runToRunSpread"),
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

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }
}
