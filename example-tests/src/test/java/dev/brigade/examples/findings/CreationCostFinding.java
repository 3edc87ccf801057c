package dev.brigade.examples.findings;

import static dev.brigade.assertj.BrigadeAssertions.assertThat;
import static dev.brigade.examples.findings.Finding.median;
import static dev.brigade.examples.findings.Finding.times;
import static dev.brigade.fixture.TaskKind.PLATFORM;
import static dev.brigade.fixture.TaskKind.VIRTUAL;

import dev.brigade.fixture.SpawnFixture;
import dev.brigade.fixture.SpawnResult;
import dev.brigade.junit.BrigadeExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ExtendWith;

/** Seeds 000 and 001: creating a task costs about 0.3 µs for an async task against about 17 µs for a thread. */
@Tag("findings")
@ExtendWith(BrigadeExtension.class)
class CreationCostFinding {

    @Test
    void a_virtual_thread_is_cheaper_to_create_and_start_than_a_platform_thread(SpawnFixture spawn,
                                                                               TestReporter reporter) {
        spawn.tasks(1_000);

        SpawnResult virtual = spawn.kind(VIRTUAL).run();
        SpawnResult platform = spawn.kind(PLATFORM).run();

        double ratio = platform.nanosPerTask().median() / virtual.nanosPerTask().median();
        new Finding("2 creation cost per task", "async 0.3 µs, thread 17 µs (57×)",
                "VIRTUAL " + median(virtual.nanosPerTask()) + ", PLATFORM " + median(platform.nanosPerTask())
                        + "; start latency " + median(virtual.startLatencyNanos()) + " vs "
                        + median(platform.startLatencyNanos()),
                Finding.verdict(ratio > 2, "PLATFORM/VIRTUAL " + times(platform.nanosPerTask().median(),
                        virtual.nanosPerTask().median()))).publish(reporter);
        assertThat(virtual).isCheaperThan(platform).byAtLeast(2.0);
        assertThat(virtual).startsFasterThan(platform);
    }
}
