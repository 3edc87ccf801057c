package dev.brigade.examples.findings;

import dev.brigade.examples.findings.Finding.Rule;
import dev.brigade.fixture.BrigadeFixture;
import dev.brigade.fixture.LinkType;
import dev.brigade.fixture.Session;
import dev.brigade.fixture.TaskKind;
import dev.brigade.junit.BrigadeExtension;
import dev.brigade.measure.Bytes;
import dev.brigade.measure.Estimate;
import dev.brigade.measure.Probe;
import dev.brigade.measure.ProbeSnapshot;
import dev.brigade.measure.Units;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Seed 001: 250,000 async tasks were no problem, but the laptop ran only 80,000 threads. Here: the largest brigade
 * of each kind whose tasks fit in a memory budget on this machine, found by growing it until it no longer fits.
 */
@Tag("findings")
@ExtendWith(BrigadeExtension.class)
class HowManyTasksFitFinding {

    /** The budget: memory the open brigade may add to the process (live heap plus native memory). */
    private static final long BUDGET = (long) (Bytes.mib(32) * Math.min(1, Finding.scale()));
    private static final int LIMIT = 1 << 20;

    @Test
    void several_times_more_virtual_threads_than_platform_threads_fit_in_the_same_memory(BrigadeFixture brigade,
                                                                                         TestReporter reporter)
            throws Exception {
        brigade.link(LinkType.QUEUE);
        Finding finding = new Finding("4 tasks that fit", "250,000 async tasks; 80,000 threads at most (32 GiB)",
                "VIRTUAL/PLATFORM", Rule.above(3));

        for (int trial = 0; trial < Finding.SLOW_TRIALS; trial++) {
            List<Count> both = Finding.inTurns(trial, () -> largest(brigade.kind(TaskKind.PLATFORM)),
                    () -> largest(brigade.kind(TaskKind.VIRTUAL)));
            Count platform = both.get(0);
            Count virtual = both.get(1);
            finding.add(virtual.estimate(), platform.estimate(), "in " + Units.format(BUDGET, "B") + ": "
                    + virtual.fits + " VIRTUAL, " + platform.fits + " PLATFORM");
        }
        finding.publish(reporter);
    }

    /** The most tasks found to fit, and the search's last step: the true largest is below {@code fits + step}. */
    private record Count(int fits, int step) {

        Estimate estimate() {
            return Estimate.ofInterval("1", fits, fits, fits + step, 0, 1);
        }
    }

    /** Doubles the brigade until it adds more than the budget, then halves the step back down to 1/4 of it. */
    private static Count largest(BrigadeFixture brigade) throws Exception {
        int fits = 0;
        int step = 1_000;
        while (fits + step <= LIMIT && fits(brigade, fits + step)) {
            fits += step;
            step *= 2;
        }
        for (int i = 0; i < 2; i++) {
            step /= 2;
            if (fits(brigade, fits + step)) {
                fits += step;
            }
        }
        return new Count(fits, step);
    }

    /**
     * Opens a brigade of {@code tasks}, passes the token round once so every task has run, and weighs it: the live
     * heap it adds (a virtual thread's stack is on the heap) plus the resident memory it adds beyond the heap (a
     * platform thread's stack is not), both after a GC.
     */
    private static boolean fits(BrigadeFixture brigade, int tasks) throws Exception {
        Footprint before = Footprint.now();
        try (Session session = brigade.tasks(tasks).open()) {
            session.run();
            return Footprint.now().minus(before) <= BUDGET;
        }
    }

    private record Footprint(long usedHeap, long committedHeap, long rss) {

        static Footprint now() {
            System.gc();
            ProbeSnapshot s = Probe.system().snapshot();
            return new Footprint(s.usedHeapBytes(), Runtime.getRuntime().totalMemory(), s.rssBytes());
        }

        long minus(Footprint before) {
            long nativeGrowth = (rss - before.rss) - (committedHeap - before.committedHeap);
            return (usedHeap - before.usedHeap) + Math.max(0, nativeGrowth);
        }
    }
}
