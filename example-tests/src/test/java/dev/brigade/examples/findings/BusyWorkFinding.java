package dev.brigade.examples.findings;

import static dev.brigade.examples.findings.Finding.median;
import static dev.brigade.fixture.TaskKind.PLATFORM;
import static dev.brigade.fixture.TaskKind.VIRTUAL;

import dev.brigade.examples.findings.Finding.Rule;
import dev.brigade.fixture.BrigadeFixture;
import dev.brigade.fixture.LinkType;
import dev.brigade.fixture.Session;
import dev.brigade.fixture.SideBySideResult;
import dev.brigade.fixture.SpawnFixture;
import dev.brigade.fixture.SpawnResult;
import dev.brigade.fixture.TaskKind;
import dev.brigade.junit.BrigadeExtension;
import java.time.Duration;
import java.util.List;
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
                                                                      TestReporter reporter) throws Exception {
        brigade.tasks(500).link(LinkType.QUEUE).spin(Duration.ofNanos(10_000));
        Finding finding = new Finding("8 busy-work per hop (10 µs)", "async 11 ms, threads 16 ms per round (1.45×)",
                "PLATFORM/VIRTUAL", Rule.above(1.1));

        for (int trial = 0; trial < Finding.TRIALS; trial++) {
            try (Session platform = brigade.kind(PLATFORM).open(); Session virtual = brigade.kind(VIRTUAL).open()) {
                SideBySideResult r = Finding.sideBySide(1.1).compare(platform, virtual);
                finding.add(r.nanosPerUnit(), "VIRTUAL " + median(r.b().nanosPerUnit()) + ", PLATFORM "
                        + median(r.a().nanosPerUnit()) + " per hop");
            }
        }
        finding.publish(reporter);
    }

    /**
     * Start latency needs its own busy tasks of each kind, so the two kinds cannot share rounds: each trial measures
     * both, one after the other, in turns (PLATFORM first in one trial, VIRTUAL first in the next).
     */
    @Test
    void a_short_task_starts_within_milliseconds_among_busy_tasks_of_either_kind(SpawnFixture spawn,
                                                                               TestReporter reporter)
            throws Exception {
        int busy = 2 * Runtime.getRuntime().availableProcessors();
        long slice = Duration.ofMillis(1).toNanos();
        spawn.tasks(10).timeout(Duration.ofSeconds(30));
        Finding finding = new Finding("8 responsiveness under CPU load", "light tasks keep small tasks responsive",
                "VIRTUAL/PLATFORM", Rule.below(1));

        for (int trial = 0; trial < Finding.SLOW_TRIALS; trial++) {
            List<SpawnResult> both = Finding.inTurns(trial,
                    () -> underLoad(spawn, PLATFORM, Spinners.start(busy, Thread.ofPlatform(), slice)),
                    () -> underLoad(spawn, VIRTUAL, Spinners.start(busy, Thread.ofVirtual(), slice)));
            SpawnResult platform = both.get(0);
            SpawnResult virtual = both.get(1);
            finding.add(virtual.startLatencyNanos(), platform.startLatencyNanos(),
                    "start latency among " + busy + " busy tasks (1 ms slices): VIRTUAL "
                            + median(virtual.startLatencyNanos()) + ", PLATFORM "
                            + median(platform.startLatencyNanos()));
        }
        finding.publish(reporter);
    }

    private static SpawnResult underLoad(SpawnFixture spawn, TaskKind kind, Spinners busy) {
        try (busy) {
            return spawn.kind(kind).run();
        }
    }
}
