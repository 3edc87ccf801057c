package dev.brigade.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brigade.fixture.Cost;
import dev.brigade.fixture.CostMeter;
import dev.brigade.junit.BrigadeExtension;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a {@code CompletableFuture} pipeline costs the process, item by item: a {@link CostMeter} around code that is
 * neither a brigade nor a spawn. The figures appear in the test report as {@code brigade.cost}.
 */
@ExtendWith(BrigadeExtension.class)
class CompletableFuturePipelineTest {

    static final int ITEMS = 2_000;

    /** Parse, enrich on the executor, then combine: three stages per item, two of them hops between threads. */
    static List<Integer> pipeline(ExecutorService executor, int items) {
        List<CompletableFuture<Integer>> futures = IntStream.range(0, items)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> Integer.toString(i), executor)
                        .thenApplyAsync(Integer::parseInt, executor)
                        .thenApply(n -> n * 2))
                .toList();
        return futures.stream().map(CompletableFuture::join).toList();
    }

    @Test
    void pipelineOnVirtualThreads(CostMeter meter) {
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            pipeline(executor, ITEMS); // warm-up: the first run pays for class loading and JIT

            List<List<Integer>> out = new java.util.ArrayList<>();
            Cost cost = meter.measure(ITEMS, () -> out.add(pipeline(executor, ITEMS)));

            assertThat(out.get(0)).hasSize(ITEMS).startsWith(0, 2, 4);
            assertThat(cost.operations()).isEqualTo(ITEMS);
            // generous: a few microseconds per item on a laptop, never near a millisecond
            assertThat(cost.perOperation().wallNanos()).isLessThan(1_000_000);
        }
    }

    @Test
    void virtualThreadsCostNoMoreCpuThanAFixedPool(CostMeter meter) {
        Cost virtual;
        Cost pool;
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            pipeline(executor, ITEMS);
            virtual = meter.measure(ITEMS, () -> pipeline(executor, ITEMS));
        }
        try (ExecutorService executor = Executors.newFixedThreadPool(4)) {
            pipeline(executor, ITEMS);
            pool = meter.measure(ITEMS, () -> pipeline(executor, ITEMS));
        }

        // one measurement each, so only a wide bound: within 10× of each other
        assertThat(virtual.perOperation().cpuNanos()).isLessThan(10 * Math.max(pool.perOperation().cpuNanos(), 1_000));
    }
}
