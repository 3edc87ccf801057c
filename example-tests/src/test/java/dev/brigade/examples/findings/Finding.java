package dev.brigade.examples.findings;

import dev.brigade.measure.Estimate;
import dev.brigade.measure.Units;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.junit.jupiter.api.TestReporter;

/**
 * One row of the findings table: what a seed claims, what this machine measured, and whether the claim holds
 * here. A finding test publishes it as a report entry ({@code finding}); {@link FindingsTable} prints the rows at
 * the end of the run. The verdict is computed from the figures, never written by hand.
 *
 * @param claim    the claim, short: {@code 1 hop cost, QUEUE}
 * @param seed     the seed's own figure
 * @param measured what this machine measured
 * @param verdict  {@code holds}, {@code contradicted} or {@code partly}, with the figure that decides it
 */
record Finding(String claim, String seed, String measured, String verdict) {

    /** The report entry key {@link FindingsTable} collects. */
    static final String KEY = "finding";
    static final String SEPARATOR = " ¦ ";

    /** Publishes this finding as a report entry of the running test. */
    void publish(TestReporter reporter) {
        reporter.publishEntry(KEY, String.join(SEPARATOR, claim, seed, measured, verdict));
    }

    /** {@code holds} when {@code condition}, else {@code contradicted}, followed by why. */
    static String verdict(boolean condition, String why) {
        return (condition ? "holds: " : "contradicted: ") + why;
    }

    /** A median with its unit, e.g. {@code 1.21 µs}. */
    static String median(Estimate e) {
        return Units.format(e.median(), e.unit());
    }

    /** A ratio of two medians, e.g. {@code 20.3×}. */
    static String times(double numerator, double denominator) {
        return Units.formatRatio(numerator / denominator);
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
