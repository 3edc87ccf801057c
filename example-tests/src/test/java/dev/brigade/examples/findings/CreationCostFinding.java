package dev.brigade.examples.findings;

import static dev.brigade.examples.findings.Finding.median;
import static dev.brigade.fixture.TaskKind.PLATFORM;
import static dev.brigade.fixture.TaskKind.VIRTUAL;

import dev.brigade.examples.findings.Finding.Rule;
import dev.brigade.fixture.Session;
import dev.brigade.fixture.SideBySideResult;
import dev.brigade.fixture.SpawnFixture;
import dev.brigade.junit.BrigadeExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Seeds 000 and 001: creating a task costs about 0.3 µs for an async task against about 17 µs for a thread. Here:
 * batches of 100 tasks created, started and joined, PLATFORM and VIRTUAL in alternating rounds.
 */
@Tag("findings")
@ExtendWith(BrigadeExtension.class)
class CreationCostFinding {

    @Test
    void a_virtual_thread_is_cheaper_to_create_and_start_than_a_platform_thread(SpawnFixture spawn,
                                                                               TestReporter reporter)
            throws Exception {
        spawn.tasks(100);
        Finding finding = new Finding("2 creation cost per task", "async 0.3 µs, thread 17 µs (57×)",
                "PLATFORM/VIRTUAL", Rule.above(2));

        for (int trial = 0; trial < Finding.TRIALS; trial++) {
            try (Session platform = spawn.kind(PLATFORM).open(); Session virtual = spawn.kind(VIRTUAL).open()) {
                SideBySideResult r = Finding.sideBySide(2).compare(platform, virtual);
                finding.add(r.nanosPerUnit(), "VIRTUAL " + median(r.b().nanosPerUnit()) + ", PLATFORM "
                        + median(r.a().nanosPerUnit()) + " per task");
            }
        }
        finding.publish(reporter);
    }
}
