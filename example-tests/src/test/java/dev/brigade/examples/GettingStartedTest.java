package dev.brigade.examples;

import static dev.brigade.assertj.BrigadeAssertions.assertThat;
import static dev.brigade.fixture.TaskKind.PLATFORM;
import static dev.brigade.fixture.TaskKind.VIRTUAL;

import dev.brigade.fixture.BrigadeFixture;
import dev.brigade.fixture.BrigadeResult;
import dev.brigade.fixture.LinkType;
import dev.brigade.junit.Brigade;
import dev.brigade.junit.BrigadeExtension;
import dev.brigade.junit.Budget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The first test of docs/getting-started.md: a hand-off per kind with a budget, and two kinds compared in one run. */
class GettingStartedTest {

    @Brigade(tasks = 100, kinds = {VIRTUAL, PLATFORM}, link = LinkType.QUEUE, warmup = "300ms", measure = "1s")
    @Budget(kind = VIRTUAL, perHop = "200us")
    void hand_off_through_a_queue(BrigadeFixture brigade) {
        BrigadeResult result = brigade.run();

        assertThat(result).contextSwitchesPerHop().isAtMost(5.0);
    }

    @Test
    @ExtendWith(BrigadeExtension.class)
    void virtual_threads_hand_off_faster_than_platform_threads(BrigadeFixture brigade) {
        brigade.tasks(100).link(LinkType.QUEUE).measureMemory(false);

        BrigadeResult virtual = brigade.kind(VIRTUAL).run();
        BrigadeResult platform = brigade.kind(PLATFORM).run();

        assertThat(virtual).isFasterThan(platform).byAtLeast(1.5);
    }
}
