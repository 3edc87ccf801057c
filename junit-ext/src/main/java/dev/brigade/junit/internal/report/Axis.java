package dev.brigade.junit.internal.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The value axis of a chart of {@code report.html}: its ends and its ticks, the one rule every chart's axis follows
 * ({@code report.js} draws what this gives and decides nothing). The axis holds every value drawn with a margin, so
 * that no value sits on the chart's border; its ticks are 1–2–5 steps in the unit a person reads ({@code 0, 20 KiB,
 * 40 KiB}, {@code 0, 50 µs, 100 µs}), on a logarithmic axis the 1, 2 and 5 of each decade (only the 1s over a wide
 * range). Values that dip below zero by less than a step get room below the zero tick, without a negative tick.
 *
 * @param min    the lower end, in the values' unit (nanoseconds, bytes, a ratio, a count)
 * @param max    the upper end
 * @param ticks  the values of the ticks, from {@code min} to {@code max}
 * @param labels each tick's label, in the order of {@code ticks}
 * @param log    whether the axis is logarithmic
 */
record Axis(double min, double max, List<Double> ticks, List<String> labels, boolean log) {

    /** The least room left between the values and an end of a linear axis, as a share of the values' range. */
    static final double MARGIN = 0.05;
    /** The least factor between the values and an end of a logarithmic axis. */
    static final double LOG_MARGIN = 1.1;
    /** The most steps a linear axis is divided in, before rounding its ends to a step (at least 3). */
    private static final int STEPS = 7;
    /** The most ticks a logarithmic axis shows at 1, 2 and 5 of each decade; beyond, the 1s only. */
    private static final int MOST_LOG_TICKS = 8;

    Axis {
        ticks = List.copyOf(ticks);
        labels = List.copyOf(labels);
    }

    /**
     * A linear axis holding {@code values} (every point, interval end and line drawn), in {@code unit} ({@code ns},
     * {@code B}, {@code ×} or a count), from zero when {@code fromZero} and no value is below it.
     */
    static Axis linear(List<Double> values, String unit, boolean fromZero) {
        double low = values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double high = values.stream().mapToDouble(Double::doubleValue).max().orElse(1);
        if (fromZero) {
            low = Math.min(low, 0);
            high = Math.max(high, 0);
        }
        double span = high - low;
        if (!(span > 0)) {
            span = high == 0 ? 1 : Math.abs(high);
        }
        double margin = span * MARGIN;
        double top = high + margin;
        double bottom = fromZero && low == 0 ? 0 : low - margin;
        Scale scale = Scale.of(Math.max(Math.abs(top), Math.abs(bottom)), unit);
        double step = niceStep((top - bottom) / scale.divisor / STEPS);
        long first = (long) Math.floor(bottom / scale.divisor / step);
        long last = (long) Math.ceil(top / scale.divisor / step);
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
        // values that dip below zero by less than a step (a fitted line's end) get room below zero but no negative
        // tick: the axis ends at their margin, its ticks from 0
        boolean dip = first == -1 && bottom < 0 && top > 0 && -bottom < step * scale.divisor;
        List<Double> ticks = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (long k = dip ? 0 : first; k <= last; k++) {
            double inUnit = k * step;
            ticks.add(inUnit * scale.divisor);
            labels.add(k == 0 ? "0" : String.format(Locale.ROOT, "%." + decimals + "f", inUnit) + scale.suffix);
        }
        return new Axis(dip ? bottom : ticks.get(0), ticks.get(ticks.size() - 1), ticks, labels, false);
    }

    /**
     * A logarithmic axis holding {@code values}, all above zero: its ends the 1, 2 or 5 (in the unit a person reads
     * at that size) at least {@value #LOG_MARGIN}× beyond the values.
     */
    static Axis logarithmic(List<Double> values, String unit) {
        double low = values.stream().mapToDouble(Double::doubleValue).min().orElseThrow() / LOG_MARGIN;
        double high = values.stream().mapToDouble(Double::doubleValue).max().orElseThrow() * LOG_MARGIN;
        List<Double> all = candidates(low, high, unit, false);
        if (all.size() > MOST_LOG_TICKS) {
            all = candidates(low, high, unit, true);
        }
        List<String> labels = all.stream().map(v -> {
            Scale scale = Scale.of(v, unit);
            return String.format(Locale.ROOT, "%s", number(v / scale.divisor)) + scale.suffix;
        }).toList();
        return new Axis(all.get(0), all.get(all.size() - 1), all, labels, true);
    }

    /** The axis as {@code report.js} reads it. */
    Map<String, Object> json() {
        Map<String, Object> axis = new LinkedHashMap<>();
        axis.put("min", min);
        axis.put("max", max);
        axis.put("ticks", ticks);
        axis.put("labels", labels);
        axis.put("log", log);
        return axis;
    }

    /** The least 1, 2 or 5 times a power of ten at or above {@code raw}. */
    static double niceStep(double raw) {
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double mantissa = raw / power;
        // a little slack, so that 2.0000000001 counts as 2
        double nice = mantissa <= 1 + 1e-9 ? 1 : mantissa <= 2 + 1e-9 ? 2 : mantissa <= 5 + 1e-9 ? 5 : 10;
        return nice * power;
    }

    /**
     * The 1-2-5 values (or the 1s, when {@code ones}) of each scale of {@code unit} from the last at or below {@code
     * low} to the first at or above {@code high}.
     */
    private static List<Double> candidates(double low, double high, String unit, boolean ones) {
        List<Double> all = new ArrayList<>();
        double[] mantissas = ones ? new double[] {1} : new double[] {1, 2, 5};
        List<Scale> scales = Scale.all(unit);
        for (int i = 0; i < scales.size(); i++) {
            double divisor = scales.get(i).divisor;
            int from = (int) Math.floor(Math.log10(low / divisor)) - 1;
            int to = (int) Math.ceil(Math.log10(high / divisor)) + 1;
            for (int e = from; e <= to; e++) {
                for (double m : mantissas) {
                    double inUnit = m * Math.pow(10, e);
                    // the same mantissa in each scale of the unit, from 1 to below 1000 of it: 1 KiB is 1024 B,
                    // and no 1000 B beside it
                    boolean fits = (inUnit < 1000 - 1e-9 || i == scales.size() - 1) && (inUnit >= 1 - 1e-9 || i == 0);
                    double v = inUnit * divisor;
                    if (fits && !all.contains(v)) {
                        all.add(v);
                    }
                }
            }
        }
        all.sort(Double::compare);
        int first = 0;
        while (first + 1 < all.size() && all.get(first + 1) <= low) {
            first++;
        }
        int last = all.size() - 1;
        while (last - 1 >= 0 && all.get(last - 1) >= high) {
            last--;
        }
        return List.copyOf(all.subList(first, last + 1));
    }

    /** {@code 2}, {@code 0.5}, {@code 500}: a 1-2-5 value without trailing zeros. */
    private static String number(double v) {
        return java.math.BigDecimal.valueOf(v).round(new java.math.MathContext(3)).stripTrailingZeros()
                .toPlainString();
    }

    /**
     * How values of some size are read: divided by {@code divisor}, followed by {@code suffix}; the scales of {@code
     * dev.brigade.measure.Units}, so an axis reads as the figures beside it.
     */
    private record Scale(double divisor, String suffix) {

        private static final double KIB = 1024;

        static Scale of(double reference, String unit) {
            double abs = Math.abs(reference);
            List<Scale> all = all(unit);
            Scale chosen = all.get(0);
            for (Scale s : all) {
                // the largest scale the value reaches one of (with slack for a value computed as 1000 × 1e3)
                if (abs >= s.divisor * (1 - 1e-9)) {
                    chosen = s;
                }
            }
            return chosen;
        }

        static List<Scale> all(String unit) {
            return switch (unit) {
                case "ns" -> List.of(new Scale(1, " ns"), new Scale(1e3, " µs"), new Scale(1e6, " ms"),
                        new Scale(1e9, " s"));
                case "B" -> List.of(new Scale(1, " B"), new Scale(KIB, " KiB"), new Scale(KIB * KIB, " MiB"),
                        new Scale(KIB * KIB * KIB, " GiB"));
                case "×" -> List.of(new Scale(1, "×"));
                default -> List.of(new Scale(1, ""));
            };
        }
    }
}
