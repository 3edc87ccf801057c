package dev.brigade.examples.findings;

import dev.brigade.examples.findings.Finding.Rule;
import dev.brigade.fixture.Session;
import dev.brigade.fixture.SideBySideResult;
import dev.brigade.junit.BrigadeExtension;
import dev.brigade.measure.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Seed 003: measure CPU beside wall time. Fanning the same work out to a task per unit (Python's asyncio) cost
 * 20-40 times the CPU of doing it in sequence, though the wall time was no better. Here: the same units of work in
 * a loop and with a virtual thread per unit, in alternating rounds.
 */
@Tag("findings")
@ExtendWith(BrigadeExtension.class)
class WallVsCpuFinding {

    private final LongAdder sink = new LongAdder();

    @Test
    void fanning_work_out_to_a_virtual_thread_per_unit_costs_more_cpu_per_unit(TestReporter reporter) {
        int units = Finding.scaled(50_000, 10_000);
        Runnable sequential = () -> {
            for (int i = 0; i < units; i++) {
                unit(i);
            }
        };
        Runnable fannedOut = () -> {
            try (ExecutorService perUnit = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<?>> done = new ArrayList<>(units);
                for (int i = 0; i < units; i++) {
                    int n = i;
                    done.add(perUnit.submit(() -> unit(n)));
                }
                done.forEach(WallVsCpuFinding::join);
            }
        };
        Finding finding = new Finding("6 CPU per unit of work", "a task per unit: 20-40× the CPU of a loop",
                "CPU of task per unit/loop", Rule.above(2));

        for (int trial = 0; trial < Finding.TRIALS; trial++) {
            SideBySideResult r = Finding.sideBySide().compare(Session.of(fannedOut, units),
                    Session.of(sequential, units));
            finding.add(r.cpuNanosPerUnit(), "loop " + cpuAndWall(r.b()) + "; virtual thread per unit "
                    + cpuAndWall(r.a()) + " (wall " + Units.formatRatio(r.nanosPerUnit().median()) + ")");
        }
        finding.publish(reporter);
    }

    private static String cpuAndWall(SideBySideResult.Side side) {
        return Units.format(side.cpuNanosPerUnit().median(), "ns") + " CPU, "
                + Units.format(side.nanosPerUnit().median(), "ns") + " wall";
    }

    /** A small unit of CPU work, about a hundred nanoseconds: a few rounds of a hash. */
    private void unit(int n) {
        long h = n;
        for (int i = 0; i < 32; i++) {
            h = h * 0x9E3779B97F4A7C15L + i;
            h ^= h >>> 29;
        }
        sink.add(h & 1);
    }

    private static void join(Future<?> f) {
        try {
            f.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

