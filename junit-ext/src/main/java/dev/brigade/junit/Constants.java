package dev.brigade.junit;

/**
 * The configuration parameters Brigade reads, with their defaults, and the names it uses in JUnit.
 *
 * <p>Set the parameters in {@code src/test/resources/junit-platform.properties}, as Maven Surefire
 * {@code configurationParameters}, or as {@code -D} system properties; JUnit's {@code ExtensionContext} reads them.
 * A value that cannot be read, of any key here, fails each measured test with a {@code Configuration error} naming
 * the key, the value and what to write instead; tests that measure nothing run as usual.
 */
public final class Constants {

    /**
     * Multiplies the warm-up and measurement times of every fixture Brigade injects (from {@link Brigade},
     * {@link Spawn} or a plain test's defaults): {@code 0.1} for a quick smoke run, {@code 3} for a careful nightly
     * one. A number greater than 0; default {@value #SCALE_DEFAULT}. Times a test sets itself on the fixture
     * ({@code brigade.measure(Duration.ofSeconds(1))}) are not scaled.
     */
    public static final String SCALE_PROPERTY_NAME = "brigade.scale";

    /** The default of {@link #SCALE_PROPERTY_NAME}: times as written. */
    public static final double SCALE_DEFAULT = 1.0;

    /**
     * Whether measured tests run: {@code false} skips every {@link Brigade} and {@link Spawn} test and every test
     * that takes a fixture parameter or has a {@link Budget} or a {@link Fork}, with a reason naming this key (for a
     * quick build that checks only function). {@code true} or {@code false}; default {@value #ENABLED_DEFAULT}.
     */
    public static final String ENABLED_PROPERTY_NAME = "brigade.enabled";

    /** The default of {@link #ENABLED_PROPERTY_NAME}: measured tests run. */
    public static final boolean ENABLED_DEFAULT = true;

    /**
     * The directory Brigade writes the run's reports to, relative to the working directory, at the end of the test
     * plan: brigade-results.json, jmh-results.json, bencher.json, summary.md and report.html (see docs/reports.md).
     * Default {@value #REPORT_DIR_DEFAULT}.
     */
    public static final String REPORT_DIR_PROPERTY_NAME = "brigade.report.dir";

    /** The default of {@link #REPORT_DIR_PROPERTY_NAME}. */
    public static final String REPORT_DIR_DEFAULT = "target/brigade";

    /**
     * The directory of the baseline files, one JSON file per test class ({@code <fully.qualified.Class>.json}),
     * relative to the working directory (the module's directory under Maven). Commit it: a baseline is kept per
     * machine fingerprint, so one file serves every machine that recorded one. Default
     * {@value #BASELINE_DIR_DEFAULT}.
     */
    public static final String BASELINE_DIR_PROPERTY_NAME = "brigade.baseline.dir";

    /** The default of {@link #BASELINE_DIR_PROPERTY_NAME}. */
    public static final String BASELINE_DIR_DEFAULT = "src/test/brigade-baselines";

    /**
     * Whether this run records baselines instead of comparing with them. {@code false} compares every result with
     * the runs stored for this machine. {@code true} records this run's results as the only run of their
     * baselines, replacing the entries of the tests that ran and keeping every other test's and machine's;
     * {@code add} appends them as one more recorded run, keeping the newest {@link #BASELINE_RUNS_PROPERTY_NAME}
     * runs. A baseline of two or more runs is compared by a prediction interval from their spread, which includes
     * the noise between runs. When recording, comparisons are skipped (they pass). {@code false}, {@code true} or
     * {@code add}; default {@value #BASELINE_UPDATE_DEFAULT}.
     */
    public static final String BASELINE_UPDATE_PROPERTY_NAME = "brigade.baseline.update";

    /** The default of {@link #BASELINE_UPDATE_PROPERTY_NAME}: compare, never write. */
    public static final String BASELINE_UPDATE_DEFAULT = "false";

    /**
     * How many recorded runs a baseline keeps when {@link #BASELINE_UPDATE_PROPERTY_NAME} is {@code add}: the
     * newest ones; an older run beyond them is dropped. An integer from 1 to 1000; default
     * {@value #BASELINE_RUNS_DEFAULT}.
     */
    public static final String BASELINE_RUNS_PROPERTY_NAME = "brigade.baseline.runs";

    /** The default of {@link #BASELINE_RUNS_PROPERTY_NAME}. */
    public static final int BASELINE_RUNS_DEFAULT = 10;

    /**
     * The base build of {@link AgainstBase} tests: the base build's class directories and the jars that differ from
     * the current build, separated by the platform's path separator (typically the base commit's
     * {@code target/classes} and {@code target/test-classes}). Default {@value #BASE_CLASSPATH_DEFAULT}: none, and
     * {@code @AgainstBase} tests run as ordinary measured tests.
     */
    public static final String BASE_CLASSPATH_PROPERTY_NAME = "brigade.base.classpath";

    /** The default of {@link #BASE_CLASSPATH_PROPERTY_NAME}: none. */
    public static final String BASE_CLASSPATH_DEFAULT = "";

    /**
     * {@code true} fails an {@link AgainstBase} test that compared nothing with the base build (no
     * {@link #BASE_CLASSPATH_PROPERTY_NAME}, or no brigade or spawn ran), for a CI job whose point is the
     * comparison; {@code false} lets such a test pass as an ordinary measured test, its report entry saying that
     * nothing was compared. {@code true} or {@code false}; default {@value #BASE_REQUIRED_DEFAULT}.
     */
    public static final String BASE_REQUIRED_PROPERTY_NAME = "brigade.base.required";

    /** The default of {@link #BASE_REQUIRED_PROPERTY_NAME}: a test without a base build passes, saying so. */
    public static final boolean BASE_REQUIRED_DEFAULT = false;

    /**
     * How much slower than the base build a metric may be before an {@link AgainstBase} comparison fails: a fraction
     * ({@code 0.05}) or a percentage ({@code 5%}). Default {@value #BASE_TOLERANCE_DEFAULT}.
     */
    public static final String BASE_TOLERANCE_PROPERTY_NAME = "brigade.base.tolerance";

    /** The default of {@link #BASE_TOLERANCE_PROPERTY_NAME}: 5 %. */
    public static final double BASE_TOLERANCE_DEFAULT = 0.05;

    /**
     * How much worse than its baseline a metric may be before a comparison fails: a fraction ({@code 0.10}) or a
     * percentage ({@code 10%}), greater than 0 and less than 1. A comparison fails only when the slowdown is beyond
     * the tolerance with 95 % confidence. Default {@value #BASELINE_TOLERANCE_DEFAULT}.
     */
    public static final String BASELINE_TOLERANCE_PROPERTY_NAME = "brigade.baseline.tolerance";

    /** The default of {@link #BASELINE_TOLERANCE_PROPERTY_NAME}: 10 %. */
    public static final double BASELINE_TOLERANCE_DEFAULT = 0.10;

    /**
     * {@code true} records {@code jdk.VirtualThreadPinned} events in every brigade the extension injects, as
     * {@code detectPinning(true)} does (about 0.8 s more per run for JFR's flush). {@code true} or {@code false};
     * default {@value #PINNING_DETECT_DEFAULT}.
     */
    public static final String PINNING_DETECT_PROPERTY_NAME = "brigade.pinning.detect";

    /** The default of {@link #PINNING_DETECT_PROPERTY_NAME}. */
    public static final boolean PINNING_DETECT_DEFAULT = false;

    /**
     * {@code false} runs {@link Fork} tests in the test's own JVM, with a report entry saying so: for a debugger.
     * {@code true} or {@code false}; default {@value #FORK_ENABLED_DEFAULT}.
     */
    public static final String FORK_ENABLED_PROPERTY_NAME = "brigade.fork.enabled";

    /** The default of {@link #FORK_ENABLED_PROPERTY_NAME}. */
    public static final boolean FORK_ENABLED_DEFAULT = true;

    /**
     * How long a forked child JVM may run one invocation before it is killed and the test fails, as a duration
     * ({@code "5min"}, {@code "90s"}). Default {@value #FORK_TIMEOUT_DEFAULT}.
     */
    public static final String FORK_TIMEOUT_PROPERTY_NAME = "brigade.fork.timeout";

    /** The default of {@link #FORK_TIMEOUT_PROPERTY_NAME}. */
    public static final String FORK_TIMEOUT_DEFAULT = "5min";

    /**
     * How long a measured fixture run may go without progress before it fails with a
     * {@code FixtureTimeoutException} that shows every task's stack: no round-trip of a brigade's token, or no batch
     * of a spawn, completed within it. Hung user work or a deadlocked link then ends the test, tears down every task,
     * and lets the next test start. A duration greater than zero ({@code "30s"}, {@code "2min"}), not scaled by
     * {@link #SCALE_PROPERTY_NAME}; a test's own {@code brigade.timeout(...)} on the fixture wins. Default
     * {@value #TIMEOUT_DEFAULT}.
     */
    public static final String TIMEOUT_PROPERTY_NAME = "brigade.timeout";

    /** The default of {@link #TIMEOUT_PROPERTY_NAME}: generous, for slow work and large brigades. */
    public static final String TIMEOUT_DEFAULT = "2min";

    /**
     * What the console summary at the end of the run prints: {@code tests} (the default) — the failures first, then
     * one line per test with its verdict and its kinds' main figures, within 120 columns — or {@code full}, besides
     * that, one line per result and main metric with its interval and verdicts. Read without regard to case; any
     * other value fails each measured test with a {@code Configuration error}. Default {@value #SUMMARY_DEFAULT}.
     */
    public static final String SUMMARY_PROPERTY_NAME = "brigade.summary";

    /** The default of {@link #SUMMARY_PROPERTY_NAME}: the failures and one line per test. */
    public static final String SUMMARY_DEFAULT = "tests";

    /**
     * The JUnit exclusive resource every measured test holds in read-write mode, so that no two measurements run
     * at the same time under {@code junit.jupiter.execution.parallel.enabled=true}. Put
     * {@code @ResourceLock(Constants.MEASUREMENT_LOCK)} on your own tests that must not run during a measurement
     * (a CPU-heavy test, say).
     */
    public static final String MEASUREMENT_LOCK = "dev.brigade.measurement";

    /**
     * The prefix of every report entry Brigade publishes: {@code brigade.<KIND>.<metric>} (for example
     * {@code brigade.VIRTUAL.nanosPerHop}), {@code brigade.one-thread.<metric>} and {@code brigade.cost}.
     */
    public static final String REPORT_ENTRY_PREFIX = "brigade.";

    private Constants() {
    }
}
