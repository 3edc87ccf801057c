package dev.brigade.examples.findings;

import static dev.brigade.examples.findings.Finding.median;

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
 * Seed 004: a thread-per-stage design degrades by up to two orders of magnitude at 30 runnable threads per core,
 * and communicating threads that do not share a cache slow down further. Here: the hand-off latency of a platform
 * brigade while 30 busy platform threads per core compete for the CPUs, against 1 per core, in alternating rounds
 * (the spinners of the side not measuring park), on every CPU and on one.
 */
@Tag("findings")
@ExtendWith(BrigadeExtension.class)
class OversubscriptionFinding {

    @Test
    void hand_off_latency_grows_with_runnable_threads_per_core(BrigadeFixture brigade, TestReporter reporter)
            throws Exception {
        measure(brigade, reporter, "7 oversubscription, " + Runtime.getRuntime().availableProcessors() + " CPUs");
    }

    @Test
    @Fork(cpus = "0")
    void hand_off_latency_grows_with_runnable_threads_on_one_core(BrigadeFixture brigade, TestReporter reporter)
            throws Exception {
        measure(brigade, reporter, "7 oversubscription, 1 CPU");
    }

    private static void measure(BrigadeFixture brigade, TestReporter reporter, String claim) throws Exception {
        brigade.tasks(10).kind(TaskKind.PLATFORM).link(LinkType.QUEUE);
        int cores = Runtime.getRuntime().availableProcessors();
        Finding finding = new Finding(claim, "up to 100× worse at 30:1", "30:1/1:1", Rule.above(10));

        for (int trial = 0; trial < Finding.TRIALS; trial++) {
            try (Spinners busy = Spinners.start(30 * cores); Session one = brigade.open();
                 Session other = brigade.open()) {
                SideBySideResult r = Finding.sideBySide(10).compare(under(busy, 30 * cores, one),
                        under(busy, cores, other));
                finding.add(r.nanosPerUnit(), "1:1 " + median(r.b().nanosPerUnit()) + ", 30:1 "
                        + median(r.a().nanosPerUnit()) + " per hop");
            }
        }
        finding.publish(reporter);
    }

    /** The brigade's round-trips with {@code spinning} of the spinners busy (the side's own load). */
    private static Session under(Spinners busy, int spinning, Session brigade) {
        return Session.of(() -> {
            busy.spinning(spinning);
            try {
                brigade.run();
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, brigade.tasksPerOperation());
    }
}
