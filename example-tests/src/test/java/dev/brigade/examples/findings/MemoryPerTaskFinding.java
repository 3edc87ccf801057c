package dev.brigade.examples.findings;

import static dev.brigade.fixture.TaskKind.PLATFORM;
import static dev.brigade.fixture.TaskKind.VIRTUAL;

import dev.brigade.examples.findings.Finding.Rule;
import dev.brigade.fixture.MemoryResult;
import dev.brigade.fixture.SpawnFixture;
import dev.brigade.junit.BrigadeExtension;
import dev.brigade.measure.Estimate;
import dev.brigade.measure.Units;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Seed 001: a parked async task holds a few hundred bytes (0.4 KiB resident) against about 9.5 KiB of user memory
 * for a thread (20 KiB with the kernel's share): a twentieth. Each kind's memory is fitted in fresh JVMs, so the
 * kinds cannot share rounds: each trial weighs both, in turns (VIRTUAL first in one trial, PLATFORM in the next),
 * and the ratio's interval comes from the two fits' intervals.
 */
@Tag("findings")
@ExtendWith(BrigadeExtension.class)
class MemoryPerTaskFinding {

    @Test
    void a_parked_virtual_thread_weighs_a_fraction_of_a_platform_thread(SpawnFixture spawn, TestReporter reporter)
            throws Exception {
        int population = Finding.scaled(8_000, 4_000);
        spawn.freshJvms(true);
        Finding finding = new Finding("3 memory per parked task", "async 0.4 KiB, thread 9.5 KiB RSS (20×)",
                "PLATFORM/VIRTUAL RSS", Rule.above(5));

        for (int trial = 0; trial < Finding.SLOW_TRIALS; trial++) {
            List<MemoryResult> both = Finding.inTurns(trial, () -> spawn.kind(VIRTUAL).parked(population),
                    () -> spawn.kind(PLATFORM).parked(population));
            MemoryResult virtual = both.get(0);
            MemoryResult platform = both.get(1);
            // the build's one memory fit in fresh JVMs (verify runs none): each population size in a JVM of its own,
            // each size twice, and no child JVM left behind; a broken measurement, where the ratio is data
            Assertions.assertThat(List.of(virtual, platform)).allSatisfy(m -> Assertions.assertThat(m.points())
                    .extracting(MemoryResult.Point::tasks).hasSize(8).contains(population));
            Assertions.assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)).isEmpty();
            finding.add(platform.rssBytesPerTask(), virtual.rssBytesPerTask(),
                    "VIRTUAL " + bytes(virtual) + ", PLATFORM " + bytes(platform) + " (fresh JVMs, up to "
                            + population + " tasks)");
        }
        finding.publish(reporter);
    }

    private static String bytes(MemoryResult r) {
        return perTask(r.rssBytesPerTask()) + " RSS, " + perTask(r.heapBytesPerTask()) + " heap";
    }

    /** The median, or "below resolution" for a fit whose interval reaches zero: never a negative figure. */
    private static String perTask(Estimate e) {
        return MemoryResult.resolved(e) ? Units.format(e.median(), "B") : "below resolution";
    }
}
