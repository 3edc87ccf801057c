package dev.brigade.examples.findings;

import static dev.brigade.assertj.BrigadeAssertions.assertThat;
import static dev.brigade.fixture.TaskKind.ASYNC;

import dev.brigade.fixture.BrigadeFixture;
import dev.brigade.fixture.BrigadeResult;
import dev.brigade.fixture.LinkType;
import dev.brigade.junit.BrigadeExtension;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Seed 002: callback hops of a mostly-sequential process ran at 100-400 K hops per second on a shared 4-core pool
 * and at 1 M on a single dedicated thread: "having a single thread in the pool is critical".
 */
@Tag("findings")
@ExtendWith(BrigadeExtension.class)
class ExecutorChoiceFinding {

    @Test
    void async_hops_run_faster_on_one_thread_than_on_a_shared_pool(BrigadeFixture brigade, TestReporter reporter) {
        brigade.tasks(500).kind(ASYNC).link(LinkType.QUEUE).measureMemory(false);
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors());

        BrigadeResult single = brigade.run(); // the default: a new single-thread executor
        BrigadeResult pool;
        try (ExecutorService fixed = Executors.newFixedThreadPool(threads)) {
            pool = brigade.executor(fixed).run();
        }
        BrigadeResult forkJoin;
        try (ForkJoinPool stealing = new ForkJoinPool(threads)) {
            forkJoin = brigade.executor(stealing).run();
        }

        new Finding("5 executor choice", "1 M hops/s on one thread, 100-400 K on a pool",
                String.format(Locale.ROOT, "one thread %s hops/s, fixed pool of %d %s, fork-join %s", perSecond(single),
                        threads, perSecond(pool), perSecond(forkJoin)),
                Finding.verdict(single.nanosPerHop().median() < pool.nanosPerHop().median(), "one thread "
                        + Finding.times(pool.nanosPerHop().median(), single.nanosPerHop().median())
                        + " the fixed pool's rate")).publish(reporter);
        assertThat(single).isFasterThan(pool);
    }

    private static String perSecond(BrigadeResult r) {
        double rate = 1e9 / r.nanosPerHop().median();
        return rate >= 1e6 ? String.format(Locale.ROOT, "%.2f M", rate / 1e6)
                : String.format(Locale.ROOT, "%.0f K", rate / 1e3);
    }
}
