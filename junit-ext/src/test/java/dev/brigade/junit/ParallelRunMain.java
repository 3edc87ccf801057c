package dev.brigade.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.util.Arrays;
import java.util.Map;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * A child JVM of {@link ParallelForksTest}, standing in for one Surefire fork: runs the selected test classes (or
 * {@code Class#method(types)}) through the JUnit Platform Launcher with parallel execution, recording baselines,
 * and exits with 1 when a test failed. The launcher runs Brigade's end-of-plan listener, as under Surefire.
 *
 * <p>{@code ParallelRunMain REPORT-DIR BASELINE-DIR SELECTOR...}.
 */
public final class ParallelRunMain {

    private ParallelRunMain() {
    }

    public static void main(String[] args) {
        DiscoverySelector[] selectors = Arrays.stream(args).skip(2)
                .map(s -> s.contains("#") ? selectMethod(s) : selectClass(s)).toArray(DiscoverySelector[]::new);
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectors)
                .configurationParameters(Map.of(TestKit.IN_TEST_KIT, "true",
                        Constants.REPORT_DIR_PROPERTY_NAME, args[0],
                        Constants.BASELINE_DIR_PROPERTY_NAME, args[1],
                        Constants.BASELINE_UPDATE_PROPERTY_NAME, "true",
                        "junit.jupiter.execution.parallel.enabled", "true",
                        "junit.jupiter.execution.parallel.mode.default", "concurrent",
                        "junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
                        "junit.jupiter.execution.parallel.config.strategy", "fixed",
                        "junit.jupiter.execution.parallel.config.fixed.parallelism", "4"))
                .build(), summary);
        summary.getSummary().printTo(new java.io.PrintWriter(System.out, true));
        summary.getSummary().printFailuresTo(new java.io.PrintWriter(System.out, true), 20);
        System.exit(summary.getSummary().getTotalFailureCount() == 0
                && summary.getSummary().getTestsSucceededCount() > 0 ? 0 : 1);
    }
}
