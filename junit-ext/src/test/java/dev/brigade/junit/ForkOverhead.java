package dev.brigade.junit;

import static dev.brigade.fixture.TaskKind.VIRTUAL;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.brigade.fixture.BrigadeFixture;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Issue 6's figure: what {@code @Fork} adds to an invocation (JVM start, class loading, the launcher), measured as
 * the wall time of the same 500 ms brigade test forked and in-process, alternating, 7 times each.
 *
 * <p>{@code flock /tmp/brigade.lock ./mvnw -q -o -pl junit-ext test-compile exec:exec@fork-overhead}
 */
public final class ForkOverhead {

    private ForkOverhead() {
    }

    /** The measured test: a brigade of 100 virtual threads, 200 ms warm-up, 300 ms measurement. */
    @TestKit.TestCase
    @Fork
    public static class Measured {
        @Brigade(tasks = 100, kinds = VIRTUAL, warmup = "200ms", measure = "300ms")
        void handOff(BrigadeFixture brigade) {
            brigade.measureMemory(false).run();
        }
    }

    public static void main(String[] args) {
        int rounds = 7;
        double[] forked = new double[rounds];
        double[] inProcess = new double[rounds];
        run("false");
        for (int i = 0; i < rounds; i++) {
            forked[i] = run("true");
            inProcess[i] = run("false");
        }
        Arrays.sort(forked);
        Arrays.sort(inProcess);
        System.out.printf(Locale.ROOT, "forked: median %.2f s (%s)%nin-process: median %.2f s (%s)%nfork adds %.2f s%n",
                forked[rounds / 2], Arrays.toString(forked), inProcess[rounds / 2], Arrays.toString(inProcess),
                forked[rounds / 2] - inProcess[rounds / 2]);
    }

    private static double run(String forkEnabled) {
        long start = System.nanoTime();
        var results = EngineTestKit.engine("junit-jupiter").enableImplicitConfigurationParameters(false)
                .configurationParameters(Map.of(TestKit.IN_TEST_KIT, "true", Constants.FORK_ENABLED_PROPERTY_NAME,
                        forkEnabled))
                .selectors(selectClass(Measured.class)).execute();
        results.testEvents().assertStatistics(s -> s.succeeded(1));
        return (System.nanoTime() - start) / 1e9;
    }
}
