package dev.brigade.assertj;

import dev.brigade.fixture.BrigadeResult;
import dev.brigade.fixture.Cost;
import dev.brigade.fixture.MemoryResult;
import dev.brigade.fixture.PinnedStack;
import dev.brigade.fixture.RunStats;
import dev.brigade.fixture.SpawnResult;
import dev.brigade.fixture.TaskKind;
import dev.brigade.measure.Estimate;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.DoubleStream;

/** Results built from chosen figures, so an assertion's verdict and message can be predicted exactly. */
final class Results {

    static final RunStats STATS = new RunStats(0, 1_000_000_000L, 20, 1, 0, "linux");

    /** The last line of a failed bound's message: where docs/when-a-gate-fails.md says what to do. */
    static final String BUDGET_WHAT_TO_DO = System.lineSeparator()
            + "  what to do: docs/when-a-gate-fails.md#a-budget in Brigade's repository";
    /** The last line of a failed comparison of two results. */
    static final String COMPARISON_WHAT_TO_DO = System.lineSeparator()
            + "  what to do: docs/when-a-gate-fails.md#a-comparison-within-one-run in Brigade's repository";
    /** The last line of a failed baseline comparison. */
    static final String BASELINE_WHAT_TO_DO = System.lineSeparator()
            + "  what to do: docs/when-a-gate-fails.md#a-baseline in Brigade's repository";

    private Results() {
    }

    /** 20 rounds spread evenly, ±{@code spread} around {@code median}. */
    static Estimate rounds(String unit, double median, double spread) {
        return Estimate.of(unit, DoubleStream.iterate(median - spread, v -> v + 2 * spread / 19).limit(20).toArray());
    }

    static BrigadeResult brigade(TaskKind kind, Estimate nanosPerHop) {
        return brigade(kind, nanosPerHop, memory(kind, rounds("B", 8192, 100), rounds("B", 1024, 10)),
                OptionalLong.empty(), List.of());
    }

    static BrigadeResult brigade(TaskKind kind, Estimate nanosPerHop, MemoryResult memory, OptionalLong pinned,
                                 List<PinnedStack> stacks) {
        return new BrigadeResult(kind, "QUEUE", 500, false, 10_000, nanosPerHop, nanosPerHop.times(1.5),
                rounds("1", 0.02, 0.001), rounds("B", 64, 1), memory, pinned, STATS, stacks);
    }

    static MemoryResult memory(TaskKind kind, Estimate rss, Estimate heap) {
        return new MemoryResult(kind, 2_000, rss, heap, 0.99, 0.98, List.of(new MemoryResult.Point(500, 1 << 20,
                1 << 19), new MemoryResult.Point(2_000, 1 << 22, 1 << 21)));
    }

    static SpawnResult spawn(TaskKind kind, Estimate nanosPerTask) {
        return new SpawnResult(kind, 1_000, 20_000, nanosPerTask, nanosPerTask.times(0.5), rounds("1", 2, 0.1),
                nanosPerTask.times(1.2), rounds("B", 512, 5), STATS);
    }

    static Cost cost(long wallNanos, long cpuNanos, long operations) {
        return new Cost(wallNanos, cpuNanos * 3 / 4, cpuNanos / 4, 40, 10, 7, 4096, 1 << 20, 0, operations);
    }
}
