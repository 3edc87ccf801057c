package dev.brigade.examples.findings;

import static dev.brigade.assertj.BrigadeAssertions.assertThat;
import static dev.brigade.examples.findings.Finding.median;
import static dev.brigade.fixture.TaskKind.PLATFORM;
import static dev.brigade.fixture.TaskKind.VIRTUAL;

import dev.brigade.fixture.BrigadeFixture;
import dev.brigade.fixture.BrigadeResult;
import dev.brigade.fixture.LinkType;
import dev.brigade.fixture.SpawnFixture;
import dev.brigade.fixture.SpawnResult;
import dev.brigade.fixture.TaskKind;
import dev.brigade.junit.BrigadeExtension;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Seed 000: with CPU busy-work in every task, the async brigade ran in 11 ms per iteration against 16 ms for
 * threads; and lightweight tasks keep a program responsive to small tasks while large ones run.
 */
@Tag("findings")
@ExtendWith(BrigadeExtension.class)
class BusyWorkFinding {

    @Test
    void with_busy_work_per_hop_virtual_threads_still_hand_off_faster(BrigadeFixture brigade,
                                                                      TestReporter reporter) {
        brigade.tasks(500).link(LinkType.QUEUE).spin(Duration.ofNanos(10_000)).measureMemory(false);

        BrigadeResult platform = brigade.kind(PLATFORM).run();
        BrigadeResult virtual = brigade.kind(VIRTUAL).run();

        double ratio = platform.nanosPerHop().median() / virtual.nanosPerHop().median();
        new Finding("8 busy-work per hop (10 µs)", "async 11 ms, threads 16 ms per round (1.45×)",
                "VIRTUAL " + median(virtual.nanosPerHop()) + ", PLATFORM " + median(platform.nanosPerHop())
                        + " per hop",
                Finding.verdict(ratio > 1.1, "PLATFORM/VIRTUAL " + Finding.times(ratio, 1))).publish(reporter);
        assertThat(virtual).isFasterThan(platform);
    }

    @Test
    void a_short_task_starts_within_milliseconds_among_busy_tasks_of_either_kind(SpawnFixture spawn,
                                                                               TestReporter reporter) {
        int busy = 2 * Runtime.getRuntime().availableProcessors();
        long slice = Duration.ofMillis(1).toNanos();
        spawn.tasks(10).timeout(Duration.ofSeconds(30));

        SpawnResult platform = underLoad(spawn, PLATFORM, Spinners.start(busy, Thread.ofPlatform(), slice));
        SpawnResult virtual = underLoad(spawn, VIRTUAL, Spinners.start(busy, Thread.ofVirtual(), slice));

        double ratio = virtual.startLatencyNanos().median() / platform.startLatencyNanos().median();
        new Finding("8 responsiveness under CPU load", "light tasks keep small tasks responsive",
                "start latency among " + busy + " busy tasks (1 ms slices): VIRTUAL "
                        + median(virtual.startLatencyNanos()) + ", PLATFORM " + median(platform.startLatencyNanos()),
                Finding.verdict(ratio < 1, "VIRTUAL/PLATFORM " + Finding.times(ratio, 1)))
                .publish(reporter);
        assertThat(platform).startLatency().isAtMost(Duration.ofMillis(500));
        assertThat(virtual).startLatency().isAtMost(Duration.ofMillis(500));
    }

    private static SpawnResult underLoad(SpawnFixture spawn, TaskKind kind, Spinners busy) {
        try (busy) {
            return spawn.kind(kind).run();
        }
    }
}
