package dev.brigade.examples.findings;

import static dev.brigade.assertj.BrigadeAssertions.assertThat;
import static dev.brigade.examples.findings.Finding.median;
import static dev.brigade.examples.findings.Finding.times;
import static dev.brigade.fixture.TaskKind.ASYNC;
import static dev.brigade.fixture.TaskKind.PLATFORM;
import static dev.brigade.fixture.TaskKind.VIRTUAL;

import dev.brigade.fixture.BrigadeFixture;
import dev.brigade.fixture.BrigadeResult;
import dev.brigade.fixture.LinkType;
import dev.brigade.junit.BrigadeExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Seed 001: a hand-off between async tasks costs about 0.2 µs against 1.7 µs between kernel threads; the
 * advantage goes away when the switch is due to I/O readiness, and when the program is pinned to one core.
 */
@Tag("findings")
@ExtendWith(BrigadeExtension.class)
class SwitchCostFinding {

    @Test
    void over_queues_a_virtual_or_async_hop_costs_less_than_a_platform_one(BrigadeFixture brigade,
                                                                            TestReporter reporter) {
        brigade.tasks(500).link(LinkType.QUEUE).measureMemory(false);

        BrigadeResult floor = brigade.runOneThread();
        BrigadeResult platform = brigade.kind(PLATFORM).run();
        BrigadeResult virtual = brigade.kind(VIRTUAL).run();
        BrigadeResult async = brigade.kind(ASYNC).run();

        double advantage = platform.nanosPerHop().median() / virtual.nanosPerHop().median();
        new Finding("1 hop cost, QUEUE links", "async 0.2 µs, threads 1.7 µs (8.5×)",
                "VIRTUAL " + median(virtual.nanosPerHop()) + ", ASYNC " + median(async.nanosPerHop())
                        + ", PLATFORM " + median(platform.nanosPerHop()) + ", floor " + median(floor.nanosPerHop()),
                Finding.verdict(advantage > 2, "PLATFORM/VIRTUAL " + times(platform.nanosPerHop().median(),
                        virtual.nanosPerHop().median()))).publish(reporter);
        assertThat(virtual).isFasterThan(platform).byAtLeast(2.0);
        assertThat(async).isFasterThan(platform).byAtLeast(2.0);
    }

    @Test
    void over_pipes_the_advantage_of_virtual_threads_goes(BrigadeFixture brigade, TestReporter reporter) {
        brigade.tasks(500).link(LinkType.PIPE).measureMemory(false);

        BrigadeResult floor = brigade.runOneThread();
        BrigadeResult platform = brigade.kind(PLATFORM).run();
        BrigadeResult virtual = brigade.kind(VIRTUAL).run();
        BrigadeResult async = brigade.kind(ASYNC).run();

        double advantage = platform.nanosPerHop().median() / virtual.nanosPerHop().median();
        new Finding("1 hop cost, PIPE links", "async and threads converge at 1.7 µs",
                "VIRTUAL " + median(virtual.nanosPerHop()) + ", ASYNC " + median(async.nanosPerHop())
                        + ", PLATFORM " + median(platform.nanosPerHop()) + ", floor " + median(floor.nanosPerHop()),
                advantage > 2 / 3.0 && advantage < 1.5 ? "holds: PLATFORM/VIRTUAL " + Finding.times(advantage, 1)
                        : advantage <= 2 / 3.0 ? "contradicted: virtual threads are slower over pipes,"
                        + " PLATFORM/VIRTUAL " + Finding.times(advantage, 1)
                        : "contradicted: PLATFORM/VIRTUAL still " + Finding.times(advantage, 1)).publish(reporter);
        // ASYNC stages run on one thread: no wake-up crosses a CPU, whatever the machine
        assertThat(async).isFasterThan(platform);
    }

    @Test
    void pinned_to_one_cpu_platform_threads_hand_off_faster(BrigadeFixture brigade, TestReporter reporter) {
        brigade.tasks(500).link(LinkType.QUEUE).measureMemory(false).freshJvm(true);

        BrigadeResult platformFree = brigade.kind(PLATFORM).cpus("").run();
        BrigadeResult asyncFree = brigade.kind(ASYNC).cpus("").run();
        BrigadeResult platformPinned = brigade.kind(PLATFORM).cpus("0").run();
        BrigadeResult asyncPinned = brigade.kind(ASYNC).cpus("0").run();

        double free = platformFree.nanosPerHop().median() / asyncFree.nanosPerHop().median();
        double pinned = platformPinned.nanosPerHop().median() / asyncPinned.nanosPerHop().median();
        new Finding("1 hop cost, pinned to CPU 0", "pinning removes the async advantage",
                "PLATFORM/ASYNC free " + Finding.times(free, 1) + ", pinned " + Finding.times(pinned, 1)
                        + " (PLATFORM " + median(platformFree.nanosPerHop()) + " → "
                        + median(platformPinned.nanosPerHop()) + ")",
                pinned < 1.5 ? "holds: pinned " + Finding.times(pinned, 1)
                        : (pinned < free ? "partly" : "contradicted") + ": pinned PLATFORM/ASYNC still "
                        + Finding.times(pinned, 1)).publish(reporter);
        assertThat(platformPinned).isFasterThan(platformFree);
    }
}
