package dev.brigade.examples.findings;

import static dev.brigade.examples.findings.Finding.median;
import static dev.brigade.fixture.TaskKind.ASYNC;
import static dev.brigade.fixture.TaskKind.PLATFORM;
import static dev.brigade.fixture.TaskKind.VIRTUAL;

import dev.brigade.examples.findings.Finding.Rule;
import dev.brigade.fixture.BrigadeFixture;
import dev.brigade.fixture.LinkType;
import dev.brigade.fixture.Session;
import dev.brigade.fixture.SideBySideResult;
import dev.brigade.fixture.TaskKind;
import dev.brigade.junit.BrigadeExtension;
import dev.brigade.junit.Fork;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Seed 001: a hand-off between async tasks costs about 0.2 µs against 1.7 µs between kernel threads; the
 * advantage goes away when the switch is due to I/O readiness, and when the program is pinned to one core. Each
 * claim's two kinds are open at once and measured in alternating rounds.
 */
@Tag("findings")
@ExtendWith(BrigadeExtension.class)
class SwitchCostFinding {

    @Test
    void over_queues_a_virtual_hop_costs_less_than_a_platform_one(BrigadeFixture brigade, TestReporter reporter)
            throws Exception {
        brigade.tasks(500).link(LinkType.QUEUE);
        Finding finding = new Finding("1 hop cost, QUEUE links", "async 0.2 µs, threads 1.7 µs (8.5×)",
                "PLATFORM/VIRTUAL", Rule.above(2));
        trials(brigade, PLATFORM, VIRTUAL, finding, 2);
        finding.publish(reporter);
    }

    @Test
    void over_pipes_the_advantage_of_virtual_threads_goes(BrigadeFixture brigade, TestReporter reporter)
            throws Exception {
        brigade.tasks(500).link(LinkType.PIPE);
        Finding finding = new Finding("1 hop cost, PIPE links", "async and threads converge at 1.7 µs",
                "PLATFORM/VIRTUAL", Rule.between(2 / 3.0, 1.5));
        trials(brigade, PLATFORM, VIRTUAL, finding, 2 / 3.0, 1.5);
        finding.publish(reporter);
    }

    @Test
    @Fork(cpus = "0")
    void pinned_to_one_cpu_the_async_advantage_goes(BrigadeFixture brigade, TestReporter reporter) throws Exception {
        brigade.tasks(500).link(LinkType.QUEUE);
        Finding finding = new Finding("1 hop cost, pinned to CPU 0", "pinning removes the async advantage",
                "PLATFORM/ASYNC", Rule.below(1.5));
        trials(brigade, PLATFORM, ASYNC, finding, 1.5);
        finding.publish(reporter);
    }

    /** {@link Finding#TRIALS} trials of {@code a / b}, each with both brigades opened anew. */
    private static void trials(BrigadeFixture brigade, TaskKind a, TaskKind b, Finding finding, double... lines)
            throws Exception {
        for (int trial = 0; trial < Finding.TRIALS; trial++) {
            try (Session first = brigade.kind(a).open(); Session second = brigade.kind(b).open()) {
                SideBySideResult r = Finding.sideBySide(lines).compare(first, second);
                finding.add(r.nanosPerUnit(), a + " " + median(r.a().nanosPerUnit()) + ", " + b + " "
                        + median(r.b().nanosPerUnit()) + " per hop");
            }
        }
    }
}
