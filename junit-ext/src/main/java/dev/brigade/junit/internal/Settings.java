package dev.brigade.junit.internal;

import dev.brigade.junit.Constants;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Brigade's configuration parameters as read for one test, each checked.
 *
 * @param scale     multiplies warm-up and measurement times of injected fixtures
 * @param enabled   whether measured tests run
 * @param reportDir where reports go
 */
record Settings(double scale, boolean enabled, Path reportDir) {

    /**
     * Reads and checks every parameter.
     *
     * @throws org.junit.jupiter.api.extension.ExtensionConfigurationException naming the key and the value
     */
    public static Settings read(ExtensionContext context, String where) {
        return new Settings(scale(context, where), enabled(context, where), reportDir(context, where));
    }

    /** Whether measured tests run; true when the value cannot be read (the test then fails with the error). */
    public static boolean enabledOrUnreadable(ExtensionContext context) {
        Optional<String> value = context.getConfigurationParameter(Constants.ENABLED_PROPERTY_NAME);
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

    private static double scale(ExtensionContext context, String where) {
        Optional<String> value = context.getConfigurationParameter(Constants.SCALE_PROPERTY_NAME);
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

    private static boolean enabled(ExtensionContext context, String where) {
        Optional<String> value = context.getConfigurationParameter(Constants.ENABLED_PROPERTY_NAME);
        if (value.isEmpty()) {
            return Constants.ENABLED_DEFAULT;
        }
        return switch (value.get().trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ConfigurationErrors.error(Constants.ENABLED_PROPERTY_NAME + " = \"" + value.get() + "\"",
                    where, Constants.ENABLED_PROPERTY_NAME + " must be true (measured tests run) or false (they are"
                            + " skipped)");
        };
    }

    private static Path reportDir(ExtensionContext context, String where) {
        String value = context.getConfigurationParameter(Constants.REPORT_DIR_PROPERTY_NAME)
                .orElse(Constants.REPORT_DIR_DEFAULT);
        String what = Constants.REPORT_DIR_PROPERTY_NAME + " = \"" + value + "\"";
        if (value.isBlank()) {
            throw ConfigurationErrors.error(what, where, Constants.REPORT_DIR_PROPERTY_NAME
                    + " must name a directory, like " + Constants.REPORT_DIR_DEFAULT);
        }
        try {
            return Path.of(value.trim());
        } catch (InvalidPathException e) {
            throw ConfigurationErrors.error(what, where, Constants.REPORT_DIR_PROPERTY_NAME
                    + " is not a path on this system (" + e.getMessage() + ")");
        }
    }
}
