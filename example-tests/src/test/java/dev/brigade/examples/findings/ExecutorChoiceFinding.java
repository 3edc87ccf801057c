package dev.brigade.examples.findings;

import static dev.brigade.examples.findings.Finding.median;
import static dev.brigade.fixture.TaskKind.ASYNC;

import dev.brigade.examples.findings.Finding.Rule;
import dev.brigade.fixture.BrigadeFixture;
import dev.brigade.fixture.LinkType;
import dev.brigade.fixture.Session;
import dev.brigade.fixture.SideBySideResult;
import dev.brigade.junit.BrigadeExtension;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Seed 002: callback hops of a mostly-sequential process ran at 100-400 K hops per second on a shared 4-core pool
 * and at 1 M on a single dedicated thread: "having a single thread in the pool is critical". Here: an ASYNC
 * brigade on a fixed pool of one thread per CPU against one on a single thread, in alternating rounds.
 */
@Tag("findings")
@ExtendWith(BrigadeExtension.class)
class ExecutorChoiceFinding {

    @Test
    void async_hops_run_faster_on_one_thread_than_on_a_shared_pool(BrigadeFixture brigade, TestReporter reporter)
            throws Exception {
        brigade.tasks(500).kind(ASYNC).link(LinkType.QUEUE);
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
        Finding finding = new Finding("5 executor choice", "1 M hops/s on one thread, 100-400 K on a pool",
                "pool/one thread", Rule.above(1));

        for (int trial = 0; trial < Finding.TRIALS; trial++) {
            try (ExecutorService fixed = Executors.newFixedThreadPool(threads);
                 ExecutorService single = Executors.newSingleThreadExecutor();
                 Session pool = brigade.executor(fixed).open();
                 Session one = brigade.executor(single).open()) {
                SideBySideResult r = Finding.sideBySide(1).compare(pool, one);
                finding.add(r.nanosPerUnit(), "one thread " + perSecond(r.b()) + " hops/s, fixed pool of " + threads
                        + " " + perSecond(r.a()) + " (" + median(r.b().nanosPerUnit()) + " and "
                        + median(r.a().nanosPerUnit()) + " per hop)");
            }
        }
        finding.publish(reporter);
    }

    private static String perSecond(SideBySideResult.Side side) {
        double rate = 1e9 / side.nanosPerUnit().median();
        return rate >= 1e6 ? String.format(java.util.Locale.ROOT, "%.2f M", rate / 1e6)
                : String.format(java.util.Locale.ROOT, "%.0f K", rate / 1e3);
    }
}
