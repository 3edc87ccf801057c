package dev.brigade.junit;

import static dev.brigade.fixture.TaskKind.PLATFORM;
import static dev.brigade.fixture.TaskKind.VIRTUAL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.brigade.fixture.BrigadeFixture;
import dev.brigade.fixture.CostMeter;
import dev.brigade.fixture.SpawnFixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Under JUnit's parallel execution, measured tests run one at a time (their bodies' time spans do not overlap), and
 * unmeasured tests still run in parallel (two of them meet at a barrier, which only works when both run at once).
 */
class ParallelExecutionTest {

    /** The [start, end] of every measured test body, in System.nanoTime. */
    static final Queue<long[]> MEASURED = new ConcurrentLinkedQueue<>();
    static final CyclicBarrier UNMEASURED_MEET = new CyclicBarrier(2);

    static void measured(Runnable body) {
        long start = System.nanoTime();
        body.run();
        MEASURED.add(new long[] {start, System.nanoTime()});
    }

    @TestKit.TestCase
    static class Templates {
        @Brigade(tasks = 20, kinds = {VIRTUAL, PLATFORM}, warmup = "0ms", measure = "50ms")
        void first(BrigadeFixture brigade) {
            measured(() -> brigade.measureMemory(false).run());
        }

        @Brigade(tasks = 20, kinds = {VIRTUAL, PLATFORM}, warmup = "0ms", measure = "50ms")
        void second(BrigadeFixture brigade) {
            measured(() -> brigade.measureMemory(false).run());
        }

        @Spawn(tasks = 20, kinds = VIRTUAL, warmup = "0ms", measure = "50ms")
        void spawn(SpawnFixture spawn) {
            measured(spawn::run);
        }
    }

    @TestKit.TestCase
    @ExtendWith(BrigadeExtension.class)
    static class Plain {
        @Test
        void first(BrigadeFixture brigade) {
            measured(() -> brigade.tasks(20).warmup(Duration.ZERO).measure(Duration.ofMillis(50))
                    .measureMemory(false).run());
        }

        @Test
        void second(BrigadeFixture brigade) {
            measured(() -> brigade.tasks(20).warmup(Duration.ZERO).measure(Duration.ofMillis(50))
                    .measureMemory(false).run());
        }

        @Test
        void cost(CostMeter meter) {
            measured(() -> meter.measure(() -> {
                long end = System.nanoTime() + 20_000_000L;
                while (System.nanoTime() < end) {
                    Thread.onSpinWait();
                }
            }));
        }
    }

    @TestKit.TestCase
    static class Unmeasured {
        @Test
        void one() throws Exception {
            UNMEASURED_MEET.await(30, TimeUnit.SECONDS);
        }

        @Test
        void other() throws Exception {
            UNMEASURED_MEET.await(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void measured_tests_never_overlap_and_unmeasured_ones_still_run_in_parallel() {
        MEASURED.clear();
        UNMEASURED_MEET.reset();

        EngineExecutionResults results = TestKit.run(List.of(Templates.class, Plain.class, Unmeasured.class),
                "junit.jupiter.execution.parallel.enabled", "true",
                "junit.jupiter.execution.parallel.mode.default", "concurrent",
                "junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
                "junit.jupiter.execution.parallel.config.strategy", "fixed",
                "junit.jupiter.execution.parallel.config.fixed.parallelism", "4");

        results.testEvents().assertStatistics(s -> s.started(10).succeeded(10));
        List<long[]> spans = new ArrayList<>(MEASURED);
        assertThat(spans).hasSize(8);
        spans.sort(Comparator.comparingLong(span -> span[0]));
        for (int i = 1; i < spans.size(); i++) {
            assertThat(spans.get(i)[0]).as("start of measured test %d after the end of the one before", i)
                    .isGreaterThanOrEqualTo(spans.get(i - 1)[1]);
        }
    }
}
