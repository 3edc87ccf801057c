package dev.brigade.junit.internal.config;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.brigade.junit.Constants;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Brigade's configuration parameters as read for one test, each checked.
 *
 * <p>Public for {@code lifecycle}, {@code baseline} and {@code fork}, which read the settings of a plan.
 *
 * @param scale     multiplies warm-up and measurement times of injected fixtures
 * @param enabled   whether measured tests run
 * @param reportDir where reports go
 * @param baselineDir       where baseline files are
 * @param baselineUpdate    whether this run compares with baselines, replaces them, or adds a run to them
 * @param baselineRuns      how many recorded runs a baseline keeps when a run is added
 * @param baselineTolerance the slowdown a baseline comparison allows, a fraction
 * @param pinningDetect     whether injected brigades record pinned virtual threads
 * @param forkEnabled       whether {@code @Fork} tests run in a child JVM
 * @param forkTimeout       how long a child JVM may run
 * @param timeout           how long an injected fixture's run may go without progress
 */
@API(status = INTERNAL, since = "0.1.0")
public record Settings(double scale, boolean enabled, Path reportDir, Path baselineDir, BaselineUpdate baselineUpdate,
                int baselineRuns, double baselineTolerance, boolean pinningDetect, boolean forkEnabled,
                Duration forkTimeout, Duration timeout) {

    /** The most recorded runs a baseline may keep: each is stored with its rounds. */
    static final int MAX_BASELINE_RUNS = 1000;

    /**
     * Reads and checks every parameter.
     *
     * @throws org.junit.jupiter.api.extension.ExtensionConfigurationException naming the key and the value
     */
    public static Settings read(ExtensionContext context, String where) {
        return read(Configuration.of(context)::get, where);
    }

    /** {@link #read(ExtensionContext, String)} from any source of parameters, by key. */
    static Settings read(Function<String, Optional<String>> parameters, String where) {
        checkSummary(parameters, where);
        return new Settings(scale(parameters, where), enabled(parameters, where), reportDir(parameters, where),
                path(parameters, where, Constants.BASELINE_DIR_PROPERTY_NAME, Constants.BASELINE_DIR_DEFAULT),
                baselineUpdate(parameters, where), baselineRuns(parameters, where),
                tolerance(ToleranceOf.BASELINE, parameters.apply(Constants.BASELINE_TOLERANCE_PROPERTY_NAME),
                        text -> Constants.BASELINE_TOLERANCE_PROPERTY_NAME + " = \"" + text + "\"", where),
                bool(parameters, where, Constants.PINNING_DETECT_PROPERTY_NAME, Constants.PINNING_DETECT_DEFAULT,
                        "true (record pinned virtual threads) or false"),
                bool(parameters, where, Constants.FORK_ENABLED_PROPERTY_NAME, Constants.FORK_ENABLED_DEFAULT,
                        "true (@Fork tests run in a child JVM) or false (in this one)"),
                duration(parameters, where, Constants.FORK_TIMEOUT_PROPERTY_NAME, Constants.FORK_TIMEOUT_DEFAULT,
                        "\"5min\" or \"90s\""),
                duration(parameters, where, Constants.TIMEOUT_PROPERTY_NAME, Constants.TIMEOUT_DEFAULT,
                        "\"2min\" or \"30s\""));
    }

    /** Whether measured tests run; true when the value cannot be read (the test then fails with the error). */
    public static boolean enabledOrUnreadable(ExtensionContext context) {
        Optional<String> value = Configuration.of(context).get(Constants.ENABLED_PROPERTY_NAME);
        return value.map(v -> !v.trim().equalsIgnoreCase("false")).orElse(Constants.ENABLED_DEFAULT);
    }

    /** {@code d} times the scale, at least 1 ns when {@code d} was not zero (a measurement needs some time). */
    public Duration scaled(Duration d) {
        if (d.isZero() || scale == 1.0) {
            return d;
        }
        double nanos = d.toNanos() * scale;
        if (nanos >= Long.MAX_VALUE) {
            return Duration.ofNanos(Long.MAX_VALUE);
        }
        return Duration.ofNanos(Math.max(1, Math.round(nanos)));
    }

    private static double scale(Function<String, Optional<String>> parameters, String where) {
        Optional<String> value = parameters.apply(Constants.SCALE_PROPERTY_NAME);
        if (value.isEmpty()) {
            return Constants.SCALE_DEFAULT;
        }
        double scale;
        try {
            scale = Double.parseDouble(value.get().trim());
        } catch (NumberFormatException e) {
            scale = Double.NaN;
        }
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw ConfigurationErrors.error(Constants.SCALE_PROPERTY_NAME + " = \"" + value.get() + "\"", where,
                    Constants.SCALE_PROPERTY_NAME + " must be a number greater than 0 that multiplies warm-up and"
                            + " measurement times, like 0.2 for a quick run or 1.0 for the times as written");
        }
        return scale;
    }

    /**
     * Checks {@code brigade.summary}, which only the console summary reads (at the start of the test plan, where it
     * cannot fail a test): a value it cannot read fails each measured test here, as every other key's does.
     */
    private static void checkSummary(Function<String, Optional<String>> parameters, String where) {
        String key = Constants.SUMMARY_PROPERTY_NAME;
        String value = parameters.apply(key).orElse(Constants.SUMMARY_DEFAULT);
        String summary = value.trim().toLowerCase(Locale.ROOT);
        if (!summary.equals("tests") && !summary.equals("full")) {
            throw ConfigurationErrors.error(key + " = \"" + value + "\"", where, key + " must be tests (the failures"
                    + " and one line per test) or full (also a line per result and metric)");
        }
    }

    private static boolean enabled(Function<String, Optional<String>> parameters, String where) {
        return bool(parameters, where, Constants.ENABLED_PROPERTY_NAME, Constants.ENABLED_DEFAULT,
                "true (measured tests run) or false (they are skipped)");
    }

    private static BaselineUpdate baselineUpdate(Function<String, Optional<String>> parameters, String where) {
        String key = Constants.BASELINE_UPDATE_PROPERTY_NAME;
        String value = parameters.apply(key).orElse(Constants.BASELINE_UPDATE_DEFAULT);
        return BaselineUpdate.of(value).orElseThrow(() -> ConfigurationErrors.error(key + " = \"" + value + "\"",
                where, key + " must be false (compare with the recorded baselines), true (record this run's results"
                        + " as the baselines, replacing their runs) or add (add this run's results to the baselines'"
                        + " recorded runs, keeping the newest " + Constants.BASELINE_RUNS_PROPERTY_NAME + ")"));
    }

    private static int baselineRuns(Function<String, Optional<String>> parameters, String where) {
        String key = Constants.BASELINE_RUNS_PROPERTY_NAME;
        Optional<String> value = parameters.apply(key);
        if (value.isEmpty()) {
            return Constants.BASELINE_RUNS_DEFAULT;
        }
        int runs;
        try {
            runs = Integer.parseInt(value.get().trim());
        } catch (NumberFormatException e) {
            runs = 0;
        }
        if (runs < 1 || runs > MAX_BASELINE_RUNS) {
            throw ConfigurationErrors.error(key + " = \"" + value.get() + "\"", where, key + " must be a whole number"
                    + " from 1 to " + MAX_BASELINE_RUNS + ": how many recorded runs a baseline keeps when runs are"
                    + " added, like " + Constants.BASELINE_RUNS_DEFAULT);
        }
        return runs;
    }

    /** A duration greater than zero, read with {@code Durations.parse}; {@code like} gives two examples. */
    private static Duration duration(Function<String, Optional<String>> parameters, String where, String key,
                                     String fallback, String like) {
        String value = parameters.apply(key).orElse(fallback);
        try {
            Duration d = dev.brigade.measure.Durations.parse(value.trim());
            if (d.isZero()) {
                throw new IllegalArgumentException("it is zero");
            }
            return d;
        } catch (IllegalArgumentException e) {
            throw ConfigurationErrors.error(key + " = \"" + value + "\"", where,
                    key + " must be a duration greater than zero, like " + like + " (" + e.getMessage() + ")");
        }
    }

    private static Path reportDir(Function<String, Optional<String>> parameters, String where) {
        return path(parameters, where, Constants.REPORT_DIR_PROPERTY_NAME, Constants.REPORT_DIR_DEFAULT);
    }

    private static Path path(Function<String, Optional<String>> parameters, String where, String key, String fallback) {
        String value = parameters.apply(key).orElse(fallback);
        String what = key + " = \"" + value + "\"";
        if (value.isBlank()) {
            throw ConfigurationErrors.error(what, where, key + " must name a directory, like " + fallback);
        }
        try {
            return Path.of(value.trim());
        } catch (InvalidPathException e) {
            throw ConfigurationErrors.error(what, where,
                    key + " is not a path on this system (" + e.getMessage() + ")");
        }
    }

    static boolean bool(Function<String, Optional<String>> parameters, String where, String key,
                                boolean fallback, String choice) {
        Optional<String> value = parameters.apply(key);
        if (value.isEmpty()) {
            return fallback;
        }
        return switch (value.get().trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ConfigurationErrors.error(key + " = \"" + value.get() + "\"", where,
                    key + " must be " + choice);
        };
    }

    /** What a tolerance is for: the default an empty value takes, and the comparison its error speaks of. */
    enum ToleranceOf {
        /** {@code @Baseline} and {@value Constants#BASELINE_TOLERANCE_PROPERTY_NAME}. */
        BASELINE(Constants.BASELINE_TOLERANCE_DEFAULT, "a baseline comparison"),
        /** {@code @AgainstBase} and {@value Constants#BASE_TOLERANCE_PROPERTY_NAME}. */
        BASE(Constants.BASE_TOLERANCE_DEFAULT, "an @AgainstBase comparison");

        final double fallback;
        private final String comparison;

        ToleranceOf(double fallback, String comparison) {
            this.fallback = fallback;
            this.comparison = comparison;
        }
    }

    /**
     * A tolerance written as a fraction ({@code 0.10}) or a percentage ({@code 10%}), strictly between 0 and 1;
     * {@code of}'s default when empty or blank.
     *
     * @param written the key or attribute with the value as the user wrote it, for the error
     */
    static double tolerance(ToleranceOf of, Optional<String> value, UnaryOperator<String> written, String where) {
        if (value.isEmpty() || value.get().isBlank()) {
            return of.fallback;
        }
        String text = value.get().trim();
        double tolerance;
        try {
            tolerance = text.endsWith("%") ? Double.parseDouble(text.substring(0, text.length() - 1).trim()) / 100
                    : Double.parseDouble(text);
        } catch (NumberFormatException e) {
            tolerance = Double.NaN;
        }
        if (!(tolerance > 0 && tolerance < 1)) {
            throw ConfigurationErrors.error(written.apply(text), where, "a tolerance is the slowdown "
                    + of.comparison + " allows, a fraction greater than 0 and less than 1 ("
                    + String.format(Locale.ROOT, "%.2f", of.fallback) + ") or a percentage ("
                    + Math.round(of.fallback * 100) + "%)");
        }
        return tolerance;
    }
}
