package dev.brigade.examples;

import static dev.brigade.assertj.BrigadeAssertions.assertThat;
import static dev.brigade.fixture.TaskKind.ASYNC;
import static dev.brigade.fixture.TaskKind.PLATFORM;
import static dev.brigade.fixture.TaskKind.VIRTUAL;

import dev.brigade.fixture.BrigadeFixture;
import dev.brigade.fixture.BrigadeResult;
import dev.brigade.fixture.LinkType;
import dev.brigade.junit.Brigade;
import dev.brigade.junit.Budget;
import dev.brigade.junit.BrigadeExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A hand-off between tasks through a queue, the three task kinds side by side, with a budget per kind.
 *
 * <p>The budgets are wide on purpose: an absolute limit is a decision per machine (a platform-thread queue hop cost
 * 17.3–25.3 µs on one 2-vCPU VM and 9.8–14.8 µs on another of the same kind: docs/findings.md). The comparison in
 * one run is what travels.
 */
class QueueHandOffTest {

    @Brigade(tasks = 100, kinds = {VIRTUAL, PLATFORM, ASYNC}, link = LinkType.QUEUE, warmup = "300ms", measure = "1s")
    @Budget(kind = VIRTUAL, perHop = "200us", contextSwitchesPerHop = 0.5)
    @Budget(kind = PLATFORM, perHop = "2ms")
    @Budget(kind = ASYNC, perHop = "200us")
    void queueHandOff(BrigadeFixture brigade) {
        BrigadeResult r = brigade.run();

        assertThat(r).cpuPerHop().isAtMost(Duration.ofMillis(2));
    }

    @Test
    @ExtendWith(BrigadeExtension.class)
    void virtualThreadsHandOffFasterThanPlatformThreads(BrigadeFixture brigade) {
        brigade.tasks(100).link(LinkType.QUEUE).measureMemory(false);

        BrigadeResult virtual = brigade.kind(VIRTUAL).run();
        BrigadeResult platform = brigade.kind(PLATFORM).run();

        assertThat(virtual).isFasterThan(platform).byAtLeast(1.5);
    }
}
