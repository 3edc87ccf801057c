package dev.brigade.examples.findings;

import static dev.brigade.assertj.BrigadeAssertions.assertThat;
import static dev.brigade.fixture.TaskKind.PLATFORM;
import static dev.brigade.fixture.TaskKind.VIRTUAL;

import dev.brigade.fixture.MemoryResult;
import dev.brigade.fixture.SpawnFixture;
import dev.brigade.junit.BrigadeExtension;
import dev.brigade.measure.Units;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Seed 001: a parked async task holds a few hundred bytes (0.4 KiB resident) against about 9.5 KiB of user memory
 * for a thread (20 KiB with the kernel's share): a twentieth.
 */
@Tag("findings")
@ExtendWith(BrigadeExtension.class)
class MemoryPerTaskFinding {

    @Test
    void a_parked_virtual_thread_weighs_a_fraction_of_a_platform_thread(SpawnFixture spawn, TestReporter reporter) {
        int population = Finding.scaled(8_000, 4_000);
        spawn.freshJvms(true);

        MemoryResult virtual = spawn.kind(VIRTUAL).parked(population);
        MemoryResult platform = spawn.kind(PLATFORM).parked(population);

        double ratio = platform.rssBytesPerTask().median() / virtual.rssBytesPerTask().median();
        new Finding("3 memory per parked task", "async 0.4 KiB, thread 9.5 KiB RSS (20×)",
                "VIRTUAL " + bytes(virtual) + ", PLATFORM " + bytes(platform) + " (fresh JVMs, up to "
                        + population + " tasks)",
                Finding.verdict(ratio > 5, "PLATFORM/VIRTUAL " + Finding.times(ratio, 1))).publish(reporter);
        assertThat(virtual).isSmallerThan(platform).byAtLeast(8.0);
    }

    private static String bytes(MemoryResult r) {
        return Units.format(r.rssBytesPerTask().median(), "B") + " RSS, " + Units.format(r.heapBytesPerTask().median(),
                "B") + " heap";
    }
}
