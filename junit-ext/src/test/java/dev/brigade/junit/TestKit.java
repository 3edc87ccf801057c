package dev.brigade.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** Runs test-case classes through the Jupiter engine, with implicit configuration parameters off. */
final class TestKit {

    /** The parameter that lets {@link TestCase} classes run; without it (in an IDE run of the package) they skip. */
    static final String IN_TEST_KIT = "brigade.test.inTestKit";

    private TestKit() {
    }

    /**
     * Runs the classes with small times ({@code brigade.scale = 1}) and the given extra parameters (key, value, ...).
     */
    static EngineExecutionResults run(List<Class<?>> classes, String... parameters) {
        Map<String, String> params = new HashMap<>();
        params.put(IN_TEST_KIT, "true");
        for (int i = 0; i < parameters.length; i += 2) {
            params.put(parameters[i], parameters[i + 1]);
        }
        return EngineTestKit.engine("junit-jupiter")
                .enableImplicitConfigurationParameters(false)
                .configurationParameters(params)
                .selectors(classes.stream().map(c -> selectClass(c))
                        .toArray(org.junit.platform.engine.DiscoverySelector[]::new))
                .execute();
    }

    static EngineExecutionResults run(Class<?> testCase, String... parameters) {
        return run(List.of(testCase), parameters);
    }

    /** Report entries by the display name of the test that published them, in order. */
    static Map<String, List<ReportEntry>> entries(EngineExecutionResults results) {
        Map<String, List<ReportEntry>> entries = new LinkedHashMap<>();
        for (Event event : results.allEvents().reportingEntryPublished().list()) {
            entries.computeIfAbsent(event.getTestDescriptor().getDisplayName(), k -> new ArrayList<>())
                    .add(event.getRequiredPayload(ReportEntry.class));
        }
        return entries;
    }

    /** Every key-value of the report entries of one test, merged (later keys win). */
    static Map<String, String> keyValues(List<ReportEntry> entries) {
        Map<String, String> all = new LinkedHashMap<>();
        entries.forEach(e -> all.putAll(e.getKeyValuePairs()));
        return all;
    }

    /** Display names of the tests, in the order they finished. */
    static List<String> testNames(EngineExecutionResults results) {
        return results.testEvents().finished().list().stream().map(e -> e.getTestDescriptor().getDisplayName())
                .toList();
    }

    static List<String> list(String... s) {
        return Arrays.asList(s);
    }

    /** Marks a class run only by {@link TestKit}: skipped when an IDE runs it directly. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @ExtendWith(OnlyInTestKit.class)
    @interface TestCase {
    }

    /** Enables {@link TestCase} classes only inside {@link TestKit#run}. */
    static final class OnlyInTestKit implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return context.getConfigurationParameter(IN_TEST_KIT).isPresent()
                    || context.getConfigurationParameter("brigade.fork.child").isPresent()
                    ? ConditionEvaluationResult.enabled("run by TestKit")
                    : ConditionEvaluationResult.disabled("a test case for EngineTestKit; its test runs it");
        }
    }
}
