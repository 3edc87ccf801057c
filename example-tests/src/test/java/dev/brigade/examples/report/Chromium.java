package dev.brigade.examples.report;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's headless Chromium for the report's browser tests. Without it a browser test skips on a developer's
 * machine but fails under {@code CI=true}, where a skip would leave the report's scripts untested in a green build.
 * (junit-ext's tests have the same class: test classes are not shared between modules.)
 */
final class Chromium {

    /** The system property naming another Chromium than {@code /usr/bin/chromium} (a path that is absent hides it). */
    static final String PROPERTY = "brigade.test.chromium";

    private Chromium() {
    }

    /** Where the tests look for Chromium. */
    static Path path() {
        return Path.of(System.getProperty(PROPERTY, "/usr/bin/chromium"));
    }

    /**
     * Chromium, when it is there; else the test fails under {@code CI=true} (the environment variable) and skips
     * elsewhere.
     */
    static Path required() {
        Path chromium = path();
        if (Files.isExecutable(chromium)) {
            return chromium;
        }
        String missing = "Debian's chromium is not at " + chromium + " (.ci/run installs it; -D" + PROPERTY
                + "=<path> names another)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            return fail(missing + ": under CI=true a browser test fails rather than skip");
        }
        return Assumptions.abort(missing);
    }

    /** Headless Chromium, offline, with a profile of its own under {@code profiles}, started with {@code arguments}. */
    static Process start(Path profiles, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(required().toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir="
                        + Files.createTempDirectory(profiles, "chromium")));
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }
}
