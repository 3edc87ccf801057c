package dev.brigade.junit;

import static dev.brigade.fixture.TaskKind.VIRTUAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.test;

import dev.brigade.fixture.BrigadeResult;
import dev.brigade.fixture.Cost;
import dev.brigade.fixture.CostMeter;
import dev.brigade.fixture.MemoryResult;
import dev.brigade.fixture.SpawnFixture;
import dev.brigade.fixture.SpawnResult;
import dev.brigade.fixture.BrigadeFixture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * {@code @Fork} on a class, with every kind of result but the brigade's template one coming back from one child JVM:
 * a {@code @Spawn} result, a {@code parked()} memory fit and a {@link CostMeter} cost (the decoding of each in
 * {@code MeasurementCodec}), and a plain fixture's brigade that shows {@code brigade.pinning.detect} reached the
 * child. One child for all of it: each child JVM costs about two seconds.
 */
class ForkedClassTest {

    static final String MARKER = "-Dbrigade.test.forkedClass=yes";

    @TestKit.TestCase
    @Fork(jvmArgs = MARKER)
    static class ForkedOnTheClass {
        @Spawn(tasks = 20, kinds = VIRTUAL, warmup = "0ms", measure = "100ms")
        void everyResult(SpawnFixture spawn, CostMeter meter, BrigadeFixture brigade, TestReporter reporter) {
            if (!"yes".equals(System.getProperty("brigade.test.forkedClass"))) {
                throw new AssertionError("not in the child: @Fork on the class was not applied");
            }
            System.out.println("in the child " + ProcessHandle.current().pid());
            SpawnResult spawned = spawn.run();
            MemoryResult parked = spawn.parked(400);
            Cost cost = meter.measure(10, () -> spawned.toString().hashCode());
            BrigadeResult handedOff = brigade.tasks(2).warmup(Duration.ZERO).measure(Duration.ofMillis(100))
                    .measureMemory(false).run();
            if (handedOff.pinnedEvents().isEmpty()) {
                throw new AssertionError("pinning detection is off in the child: brigade.pinning.detect was not"
                        + " forwarded");
            }
            // what the child saw, rendered here, to compare with what the parent decoded
            reporter.publishEntry(Map.of("child.pid", Long.toString(ProcessHandle.current().pid()),
                    "child.spawn", spawned.nanosPerTask().toString(),
                    "child.parked", parked.describe(parked.heapBytesPerTask()),
                    "child.cost", cost.toString(),
                    "child.brigade", handedOff.nanosPerHop().toString()));
        }
    }

    @Test
    void a_fork_on_the_class_brings_back_spawn_memory_and_cost_results_as_the_child_saw_them() {
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        EngineExecutionResults results;
        System.setOut(new PrintStream(new Tee(out, captured), true, StandardCharsets.UTF_8));
        try {
            results = TestKit.run(ForkedOnTheClass.class, Constants.PINNING_DETECT_PROPERTY_NAME, "true");
        } finally {
            System.setOut(out);
        }

        results.testEvents().assertThatEvents().haveExactly(1, event(test("everyResult"), finishedSuccessfully()));
        List<ReportEntry> entries = TestKit.entries(results).get("[VIRTUAL] 20 tasks");
        Map<String, String> all = TestKit.keyValues(entries);
        assertThat(all.get("child.pid")).isNotEqualTo(Long.toString(ProcessHandle.current().pid()));
        // one entry per result, in the order the child measured them, each decoded as the child rendered it
        List<Map<String, String>> ofResults = entries.stream().map(ReportEntry::getKeyValuePairs)
                .filter(e -> e.keySet().stream().anyMatch(k -> k.startsWith("brigade."))).toList();
        assertThat(ofResults).hasSize(4);
        assertThat(ofResults.get(0)).containsEntry("brigade.VIRTUAL.nanosPerTask", all.get("child.spawn"))
                .containsKey("brigade.VIRTUAL.startLatencyNanos");
        assertThat(ofResults.get(1)).containsEntry("brigade.VIRTUAL.heapBytesPerTask", all.get("child.parked"))
                .containsKey("brigade.VIRTUAL.rssBytesPerTask");
        assertThat(ofResults.get(2)).containsExactly(Map.entry("brigade.cost", all.get("child.cost")));
        assertThat(ofResults.get(3)).containsEntry("brigade.VIRTUAL.nanosPerHop", all.get("child.brigade"));
        // the child's output, each line with the prefix of its invocation
        assertThat(captured.toString(StandardCharsets.UTF_8).lines())
                .contains("[fork VIRTUAL everyResult] in the child " + all.get("child.pid"));
    }

    /** Writes to two streams: the console, and a buffer the test reads. */
    static final class Tee extends java.io.OutputStream {
        private final PrintStream console;
        private final ByteArrayOutputStream copy;

        Tee(PrintStream console, ByteArrayOutputStream copy) {
            this.console = console;
            this.copy = copy;
        }

        @Override
        public synchronized void write(int b) {
            console.write(b);
            copy.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            console.write(b, off, len);
            copy.write(b, off, len);
        }
    }
}
