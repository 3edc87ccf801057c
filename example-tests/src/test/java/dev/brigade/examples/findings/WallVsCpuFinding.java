package dev.brigade.examples.findings;

import static dev.brigade.assertj.BrigadeAssertions.assertThat;

import dev.brigade.fixture.Cost;
import dev.brigade.fixture.CostMeter;
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
 * 20-40 times the CPU of doing it in sequence, though the wall time was no better.
 */
@Tag("findings")
@ExtendWith(BrigadeExtension.class)
class WallVsCpuFinding {

    private final LongAdder sink = new LongAdder();

    @Test
    void fanning_work_out_to_a_virtual_thread_per_unit_costs_more_cpu_per_unit(CostMeter meter,
                                                                              TestReporter reporter) {
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
        sequential.run();
        fannedOut.run();

        Cost inSequence = meter.measure(units, sequential);
        Cost perTask = meter.measure(units, fannedOut);

        double cpu = perTask.perOperation().cpuNanos() / inSequence.perOperation().cpuNanos();
        new Finding("6 CPU per unit of work", "a task per unit: 20-40× the CPU of a loop",
                "loop " + Units.format(inSequence.perOperation().cpuNanos(), "ns") + " CPU, "
                        + Units.format(inSequence.perOperation().wallNanos(), "ns") + " wall; virtual thread per unit "
                        + Units.format(perTask.perOperation().cpuNanos(), "ns") + " CPU, "
                        + Units.format(perTask.perOperation().wallNanos(), "ns") + " wall",
                Finding.verdict(cpu > 2, "CPU " + Finding.times(cpu, 1) + ", wall "
                        + Finding.times(perTask.wallNanos(), inSequence.wallNanos()))).publish(reporter);
        assertThat(inSequence).isCheaperThan(perTask).byAtLeast(2.0);
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
