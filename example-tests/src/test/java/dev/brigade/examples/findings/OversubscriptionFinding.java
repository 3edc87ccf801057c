package dev.brigade.examples.findings;

import static dev.brigade.assertj.BrigadeAssertions.assertThat;
import static dev.brigade.examples.findings.Finding.median;

import dev.brigade.fixture.BrigadeFixture;
import dev.brigade.fixture.BrigadeResult;
import dev.brigade.fixture.LinkType;
import dev.brigade.fixture.TaskKind;
import dev.brigade.junit.BrigadeExtension;
import dev.brigade.junit.Fork;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Seed 004: a thread-per-stage design degrades by up to two orders of magnitude at 30 runnable threads per core,
 * and communicating threads that do not share a cache slow down further. Here: the hand-off latency of a platform
 * brigade while 1, 4 and 30 busy platform threads per core compete for the CPUs, on every CPU and on one.
 */
@Tag("findings")
@ExtendWith(BrigadeExtension.class)
class OversubscriptionFinding {

    private static final int[] PER_CORE = {1, 4, 30};

    @Test
    void hand_off_latency_grows_with_runnable_threads_per_core(BrigadeFixture brigade, TestReporter reporter) {
        measure(brigade, reporter, "7 oversubscription, " + Runtime.getRuntime().availableProcessors() + " CPUs");
    }

    @Test
    @Fork(cpus = "0")
    void hand_off_latency_grows_with_runnable_threads_on_one_core(BrigadeFixture brigade, TestReporter reporter) {
        measure(brigade, reporter, "7 oversubscription, 1 CPU");
    }

    private static void measure(BrigadeFixture brigade, TestReporter reporter, String claim) {
        brigade.tasks(10).kind(TaskKind.PLATFORM).link(LinkType.QUEUE).measureMemory(false);
        int cores = Runtime.getRuntime().availableProcessors();
        List<BrigadeResult> results = new ArrayList<>();
        for (int perCore : PER_CORE) {
            try (Spinners busy = Spinners.start(perCore * cores)) {
                results.add(brigade.run());
            }
        }

        BrigadeResult least = results.get(0);
        BrigadeResult most = results.get(results.size() - 1);
        double ratio = most.nanosPerHop().median() / least.nanosPerHop().median();
        new Finding(claim, "up to 100× worse at 30:1",
                "1:1 " + median(least.nanosPerHop()) + ", 4:1 " + median(results.get(1).nanosPerHop()) + ", 30:1 "
                        + median(most.nanosPerHop()),
                Finding.verdict(ratio > 10, "30:1 is " + Finding.times(ratio, 1) + " 1:1")).publish(reporter);
        assertThat(least).isFasterThan(most);
    }
}
