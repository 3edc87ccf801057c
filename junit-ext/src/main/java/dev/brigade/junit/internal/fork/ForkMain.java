package dev.brigade.junit.internal.fork;

import static org.apiguardian.api.API.Status.INTERNAL;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.brigade.junit.Constants;
import dev.brigade.junit.internal.baseline.BaselineStore;
import dev.brigade.junit.internal.config.Configuration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.apiguardian.api.API;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The main class of a {@code @Fork} child JVM: runs one test method through the JUnit Platform Launcher (the
 * extension, seeing {@value Configuration#FORK_CHILD}, runs only the invocation of the requested kind, in this JVM),
 * then writes its outcome and results to a file for the parent, atomically: a child killed midway leaves no file.
 *
 * <p>{@code ForkMain OUT CLASS METHOD PARAMETER-TYPES KIND [KEY=VALUE ...]}.
 *
 * <p>Public as the main class of a {@code @Fork} child JVM; {@code report} tells its JVMs from a test JVM by it.
 */
@API(status = INTERNAL, since = "0.1.0")
public final class ForkMain {

    private ForkMain() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        Map<String, String> parameters = new HashMap<>();
        parameters.put(Configuration.FORK_CHILD, args[4]);
        for (String kv : Arrays.asList(args).subList(5, args.length)) {
            int eq = kv.indexOf('=');
            parameters.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        AtomicReference<TestExecutionResult> outcome = new AtomicReference<>();
        List<Map<String, String>> entries = new CopyOnWriteArrayList<>();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectMethod(args[1], args[2], args[3]))
                .configurationParameters(parameters).build(), new TestExecutionListener() {
                    @Override
                    public void reportingEntryPublished(TestIdentifier test, ReportEntry entry) {
                        // the test's own entries, and those of the baselines its body compared with (the parent
                        // publishes Brigade's other entries from the results, and compares a declared @Baseline)
                        if (entry.getKeyValuePairs().keySet().stream().noneMatch(key ->
                                key.startsWith(Constants.REPORT_ENTRY_PREFIX)
                                        && !key.startsWith(BaselineStore.ENTRY_PREFIX))) {
                            entries.add(entry.getKeyValuePairs());
                        }
                    }

                    @Override
                    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                        if (test.isTest() || result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                            outcome.compareAndSet(null, result.getStatus() == TestExecutionResult.Status.SUCCESSFUL
                                    && !test.isTest() ? null : result);
                        }
                    }
                });
        Map<String, Object> report = new LinkedHashMap<>();
        TestExecutionResult result = outcome.get();
        report.put("status", result == null ? "NOT_RUN" : result.getStatus().name());
        if (result != null) {
            result.getThrowable().ifPresent(t -> report.put("failure", ForkFailure.encode(t)));
        }
        report.put("results", ForkChild.results().stream().map(ResultCodec::encode).toList());
        report.put("entries", entries);
        report.put("deferred", ForkChild.deferred());
        report.put("comparisons", ForkChild.comparisons().stream().map(list -> list.stream().map(ResultCodec::encode)
                .toList()).toList());
        report.put("base", ForkChild.base().stream().map(list -> list.stream().map(ResultCodec::encode).toList())
                .toList());
        report.put("explained", ForkChild.explained().stream().map(ResultCodec::encode).toList());
        report.put("budgets", ForkChild.budgets());
        Path temp = Files.createTempFile(out.toAbsolutePath().getParent(), "fork", ".tmp");
        Files.writeString(temp, JSON.std.asString(report), StandardCharsets.UTF_8);
        Files.move(temp, out, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        System.out.flush();
        System.exit(0);
    }

    /** The parameter types of a method as the launcher's method selector takes them. */
    static String parameterTypes(java.lang.reflect.Method method) {
        return String.join(",", Arrays.stream(method.getParameterTypes()).map(Class::getName).toList());
    }

}
