package dev.brigade.junit;

import static dev.brigade.fixture.TaskKind.ASYNC;
import static dev.brigade.fixture.TaskKind.PLATFORM;
import static dev.brigade.fixture.TaskKind.VIRTUAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.brigade.fixture.BrigadeFixture;
import dev.brigade.fixture.FixtureTimeoutException;
import dev.brigade.fixture.SpawnFixture;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;

/** {@code brigade.timeout}: work that blocks forever ends its test after the timeout, and every task is gone. */
class TimeoutTest {

    /** The margin a timed-out test may take beyond the timeout: stacks, teardown, a loaded 2-core machine. */
    static final Duration MARGIN = Duration.ofSeconds(5);

    /** Nobody counts it down. */
    static final CountDownLatch NEVER = new CountDownLatch(1);

    /** Blocks until interrupted (as the fixture's teardown does), then keeps the interrupt. */
    static void blockForever() {
        try {
            NEVER.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @TestKit.TestCase
    static class Hangs {
        @Brigade(tasks = 20, kinds = {VIRTUAL, PLATFORM, ASYNC}, warmup = "100ms", measure = "1s")
        void brigade(BrigadeFixture brigade) {
            brigade.measureMemory(false).work(TimeoutTest::blockForever).run();
        }

        @Test
        @ExtendWith(BrigadeExtension.class)
        void spawn(SpawnFixture spawn) {
            spawn.tasks(20).body(TimeoutTest::blockForever).run();
        }
    }

    @Test
    void work_that_blocks_forever_fails_after_brigade_timeout_and_leaves_no_thread() {
        List<String> before = Leftovers.brigadeThreads();

        EngineExecutionResults results = TestKit.run(Hangs.class, Constants.TIMEOUT_PROPERTY_NAME, "1s");

        results.testEvents().assertStatistics(s -> s.started(4).failed(4));
        results.testEvents().assertThatEvents()
                .haveExactly(3, event(test("brigade"), finishedWithFailure(instanceOf(FixtureTimeoutException.class),
                        message(m -> m.startsWith("no hop completed for 1000 ms: ")))))
                .haveExactly(1, event(test("spawn"), finishedWithFailure(instanceOf(FixtureTimeoutException.class),
                        message(m -> m.startsWith("no batch completed for 1000 ms: ")))));
        for (Event finished : results.testEvents().finished().list()) {
            Duration took = Duration.between(results.testEvents().started().list().stream()
                    .filter(s -> s.getTestDescriptor().equals(finished.getTestDescriptor())).findFirst().orElseThrow()
                    .getTimestamp(), finished.getTimestamp());
            // printed for scripts/repeat-tests.sh; 30 fresh-JVM runs (2026-12-05): 1,010-1,043 ms
            System.out.println("[observed] TimeoutTest." + finished.getTestDescriptor().getDisplayName()
                    .replaceAll("\\W", "") + "TimedOutAfterMillis " + took.toMillis());
            assertThat(took).as("%s took", finished.getTestDescriptor().getDisplayName())
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(1)).isLessThan(Duration.ofSeconds(1).plus(MARGIN));
        }
        assertThat(Leftovers.brigadeThreads()).isEqualTo(before);
    }

    @TestKit.TestCase
    static class OwnTimeout {
        @Test
        @ExtendWith(BrigadeExtension.class)
        void setsItsOwn(BrigadeFixture brigade) {
            brigade.tasks(20).measureMemory(false).timeout(Duration.ofMillis(300)).work(TimeoutTest::blockForever)
                    .run();
        }
    }

    @Test
    void a_timeout_the_test_sets_on_its_fixture_wins_over_brigade_timeout() {
        EngineExecutionResults results = TestKit.run(OwnTimeout.class, Constants.TIMEOUT_PROPERTY_NAME, "2min");

        results.testEvents().assertThatEvents().haveExactly(1, event(test("setsItsOwn"), finishedWithFailure(
                instanceOf(FixtureTimeoutException.class), message(m -> m.startsWith("no hop completed for 300 ms")))));
    }
}
