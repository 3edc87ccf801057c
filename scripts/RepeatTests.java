import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Arrays;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.engine.TestExecutionResult;

/**
 * One run of the tests named on the command line ({@code Class} or {@code Class#method}) through the JUnit Platform
 * launcher, in this JVM: a line per test with its outcome and, for a failure, its message's first line. Started once
 * per repetition by scripts/repeat-tests.sh, so that each run has a fresh JVM as a Surefire fork has.
 */
public class RepeatTests {
    public static void main(String[] args) {
        var request = LauncherDiscoveryRequestBuilder.request().selectors(Arrays.stream(args)
                .map(a -> a.contains("#") ? selectMethod(a) : selectClass(a)).toList()).build();
        Launcher launcher = LauncherFactory.create();
        int[] failed = {0};
        launcher.execute(request, new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (!id.isTest()) {
                    return;
                }
                String message = result.getThrowable().map(t -> String.valueOf(t.getMessage()).lines()
                        .map(String::strip).filter(l -> !l.isEmpty()).limit(6).reduce((x, y) -> x + " | " + y)
                        .orElse(t.toString())).orElse("");
                if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                    failed[0]++;
                }
                System.out.println("[repeat] " + result.getStatus() + "\t" + id.getUniqueId()
                        .replaceAll(".*\\[class:([^\\]]*)\\].*\\[(?:method|test-template):([^(\\]]*).*", "$1#$2")
                        + "\t" + message);
            }
        });
        System.exit(failed[0] == 0 ? 0 : 1);
    }
}
