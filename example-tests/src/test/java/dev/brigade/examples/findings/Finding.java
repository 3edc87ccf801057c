package dev.brigade.examples.findings;

import dev.brigade.fixture.SideBySide;
import dev.brigade.measure.Estimate;
import dev.brigade.measure.PairedRatio;
import dev.brigade.measure.Units;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.TestReporter;

/**
 * One row of the findings table: what a seed claims, what this machine measured in a few trials, and whether the
 * claim holds here. A claim is a ratio of two sides (PLATFORM / VIRTUAL, say) against a line ({@link Rule}); each
 * trial measures the ratio with an interval, and its verdict is {@link Verdict#HOLDS} when the whole interval is
 * on the claim's side of the line, {@link Verdict#CONTRADICTED} when the whole interval is on the other side, and
 * {@link Verdict#UNCLEAR} when it spans the line. The row's verdict is the one most trials gave, with how many
 * ({@code holds (2 of 3)}), so a reader sees which claims are robust on their machine.
 *
 * <p>A verdict is a result, never a failure: a seed's claim may hold on one machine and not on another, and that
 * is what the suite exists to tell. {@link #publish} fails the test only when a trial's measurement is broken
 * (no trial, a ratio that is not a positive finite number); the rest is data, published as a report entry
 * ({@code finding}) that {@link FindingsTable} prints at the end of the run. Not thread-safe: one test uses it.
 */
final class Finding {

    /** The report entry key {@link FindingsTable} collects. */
    static final String KEY = "finding";
    /**
     * Trials of a claim measured in one JVM side by side (cheap); system property {@code brigade.findings.trials}.
     * Three by default, so that CI measures the findings in its time (the published table took five).
     */
    static final int TRIALS = Integer.getInteger("brigade.findings.trials", 3);
    /** Trials of a claim that needs fresh JVMs or a search (dear). */
    static final int SLOW_TRIALS = Math.max(1, Math.min(3, TRIALS));

    /** What a trial's verdict is. */
    enum Verdict {
        HOLDS, CONTRADICTED, UNCLEAR;

        String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The line a claim draws for its ratio. */
    interface Rule {

        /** The verdict on a ratio whose interval is {@code [low, high]}. */
        Verdict of(double low, double high);

        /** The claim holds when the ratio is above {@code line}. */
        static Rule above(double line) {
            return (low, high) -> low > line ? Verdict.HOLDS : high < line ? Verdict.CONTRADICTED : Verdict.UNCLEAR;
        }

        /** The claim holds when the ratio is below {@code line}. */
        static Rule below(double line) {
            return (low, high) -> high < line ? Verdict.HOLDS : low > line ? Verdict.CONTRADICTED : Verdict.UNCLEAR;
        }

        /** The claim holds when the ratio lies between {@code from} and {@code to}. */
        static Rule between(double from, double to) {
            return (low, high) -> low > from && high < to ? Verdict.HOLDS
                    : high < from || low > to ? Verdict.CONTRADICTED : Verdict.UNCLEAR;
        }
    }

    /** One trial: the ratio the claim speaks of, with its interval, and what was measured for people. */
    private record Trial(double ratio, double low, double high, String interval, String measured, Verdict verdict) {
    }

    private final String claim;
    private final String seed;
    private final String ratioName;
    private final Rule rule;
    private final List<Trial> trials = new ArrayList<>();

    /**
     * @param claim     the claim, short: {@code 1 hop cost, QUEUE links}
     * @param seed      the seed's own figure
     * @param ratioName the ratio the claim speaks of: {@code PLATFORM/VIRTUAL}
     * @param rule      where the ratio must lie for the claim to hold
     */
    Finding(String claim, String seed, String ratioName, Rule rule) {
        this.claim = claim;
        this.seed = seed;
        this.ratioName = ratioName;
        this.rule = rule;
    }

    /**
     * A trial measured side by side: the paired ratio and what each side measured. With too few pairs for a 95 %
     * interval ({@link PairedRatio#reachesConfidence()}) the trial is {@code unclear}, whatever its range.
     */
    Finding add(PairedRatio ratio, String measured) {
        boolean confident = ratio.reachesConfidence();
        return add(ratio.median(), ratio.low(), ratio.high(), ratio.pairs() + " pairs"
                + (confident ? "" : ", too few for 95 %"), measured, confident);
    }

    /**
     * A trial measured one side after the other: the ratio of the two estimates with its interval
     * ({@link Estimate#ratio}), or, when the denominator's interval reaches zero (a fit below its resolution), a
     * conservative one that is unbounded above.
     */
    Finding add(Estimate numerator, Estimate denominator, String measured) {
        if (denominator.low() > 0 && numerator.low() >= 0) {
            Estimate ratio = Estimate.ratio(numerator, denominator);
            return add(ratio.median(), ratio.low(), ratio.high(), "", measured, true);
        }
        double infinity = Double.POSITIVE_INFINITY;
        double low = numerator.low() <= 0 ? 0 : denominator.high() <= 0 ? infinity
                : numerator.low() / denominator.high();
        double median = denominator.median() <= 0 ? infinity : Math.max(0, numerator.median() / denominator.median());
        return add(Math.max(low, median), low, infinity, "", measured, true);
    }

    private Finding add(double ratio, double low, double high, String sampleSize, String measured,
                        boolean confident) {
        if (!(low >= 0 && low <= ratio && ratio <= high)) {
            throw new AssertionError("a broken measurement for \"" + claim + "\": " + ratioName + " " + ratio + " ["
                    + low + "–" + high + "] after " + trials.size() + " trials (" + measured + ")");
        }
        String interval = times(ratio) + " [" + number(low) + "–" + number(high) + "]"
                + (sampleSize.isEmpty() ? "" : ", " + sampleSize);
        trials.add(new Trial(ratio, low, high, interval, measured, confident ? rule.of(low, high) : Verdict.UNCLEAR));
        return this;
    }

    /** A ratio for people, {@code 7.68×}, or {@code ∞} for one without an upper bound. */
    static String times(double ratio) {
        return Double.isInfinite(ratio) ? "∞" : Units.formatRatio(ratio);
    }

    private static String number(double value) {
        return Double.isInfinite(value) ? "∞" : Units.format(value, "1");
    }

    /** The verdict most trials gave ({@code unclear} on a tie between two others). */
    private Verdict verdict() {
        Map<Verdict, Integer> counts = counts();
        int most = counts.values().stream().max(Integer::compare).orElse(0);
        List<Verdict> top = counts.keySet().stream().filter(v -> counts.get(v) == most).toList();
        return top.size() == 1 ? top.get(0) : Verdict.UNCLEAR;
    }

    private Map<Verdict, Integer> counts() {
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        trials.forEach(t -> counts.merge(t.verdict, 1, Integer::sum));
        return counts;
    }

    /** The trial whose ratio is the median of all trials' (the lower middle one for an even count). */
    private Trial median() {
        List<Trial> sorted = trials.stream().sorted(Comparator.comparingDouble(Trial::ratio)).toList();
        return sorted.get((sorted.size() - 1) / 2);
    }

    /**
     * Publishes the row as a report entry of the running test: {@value #KEY} holds the claim, and {@code finding.seed},
     * {@code finding.measured}, {@code finding.verdict}, {@code finding.held}, {@code finding.trials} and
     * {@code finding.ratio} the rest, which is how Brigade's reports (brigade-results.json, report.html) and
     * {@link FindingsTable} find it.
     *
     * @throws AssertionError when no trial was measured
     */
    void publish(TestReporter reporter) {
        if (trials.isEmpty()) {
            throw new AssertionError("a broken measurement for \"" + claim + "\": no trial was measured");
        }
        Verdict verdict = verdict();
        Trial median = median();
        double least = trials.stream().mapToDouble(Trial::ratio).min().orElseThrow();
        double most = trials.stream().mapToDouble(Trial::ratio).max().orElseThrow();
        String measured = median.measured + (trials.size() > 1 ? "; " + ratioName + " in " + trials.size()
                + " trials " + (times(least).equals(times(most)) ? "" : number(least) + "–") + times(most) : "");
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put(KEY, claim);
        entry.put(KEY + ".seed", seed);
        entry.put(KEY + ".measured", measured);
        entry.put(KEY + ".verdict", verdict.word());
        entry.put(KEY + ".held", Integer.toString(counts().getOrDefault(verdict, 0)));
        entry.put(KEY + ".trials", Integer.toString(trials.size()));
        entry.put(KEY + ".ratio", ratioName + " " + median.interval);
        reporter.publishEntry(entry);
    }

    /** A row of the table from a published entry: claim, seed, measured, and the verdict with its count and ratio. */
    static String[] row(Map<String, String> entry) {
        return new String[] {entry.get(KEY), entry.get(KEY + ".seed"), entry.get(KEY + ".measured"),
            entry.get(KEY + ".verdict") + " (" + entry.get(KEY + ".held") + " of " + entry.get(KEY + ".trials")
                    + "): " + entry.get(KEY + ".ratio")};
    }

    /** One side of a trial measured on its own: a fixture run, a search. */
    @FunctionalInterface
    interface Side<T> {
        T measure() throws Exception;
    }

    /**
     * Both sides of a trial that cannot share rounds, one after the other, in turns: {@code a} first in even
     * trials, {@code b} first in odd ones, so neither always has the warmer JVM; returns {@code [a, b]}.
     */
    static <T> List<T> inTurns(int trial, Side<T> a, Side<T> b) throws Exception {
        if (trial % 2 == 0) {
            T first = a.measure();
            return List.of(first, b.measure());
        }
        T second = b.measure();
        return List.of(a.measure(), second);
    }

    /** A median with its unit, e.g. {@code 1.21 µs}. */
    static String median(Estimate e) {
        return Units.format(e.median(), e.unit());
    }

    /**
     * A side-by-side comparison for one trial, its times scaled with {@link #scale()}: 300 ms of warm-up and 1 s
     * of measurement per side at full scale, rounds of a tenth of that (at most 50 ms), stopping once the ratio is
     * decided at {@code lines}.
     */
    static SideBySide sideBySide(double... lines) {
        double scale = Math.min(1, scale());
        Duration measure = Duration.ofMillis(Math.round(1_000 * scale));
        return SideBySide.create().warmup(Duration.ofMillis(Math.round(300 * scale))).measure(measure)
                .round(Duration.ofMillis(Math.min(50, measure.toMillis() / 10))).decideAt(lines);
    }

    /**
     * {@code brigade.scale} as this suite runs with it (a system property, else {@code junit-platform.properties}):
     * the findings scale their population sizes with it as the extension scales warm-up and measurement times.
     */
    static double scale() {
        String value = System.getProperty("brigade.scale");
        if (value == null) {
            try (InputStream in = Finding.class.getResourceAsStream("/junit-platform.properties")) {
                Properties properties = new Properties();
                if (in != null) {
                    properties.load(in);
                }
                value = properties.getProperty("brigade.scale", "1");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Double.parseDouble(value.trim());
    }

    /** {@code n} scaled by {@link #scale()}, at least {@code min}. */
    static int scaled(int n, int min) {
        return (int) Math.max(min, Math.round(n * Math.min(1, scale())));
    }
}
