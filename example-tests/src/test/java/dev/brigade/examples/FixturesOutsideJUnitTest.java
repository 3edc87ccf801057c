package dev.brigade.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brigade.fixture.BrigadeFixture;
import dev.brigade.fixture.BrigadeResult;
import dev.brigade.fixture.Cost;
import dev.brigade.fixture.CostMeter;
import dev.brigade.fixture.LinkType;
import dev.brigade.fixture.MemoryResult;
import dev.brigade.fixture.SpawnFixture;
import dev.brigade.fixture.SpawnResult;
import dev.brigade.fixture.TaskKind;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The fixtures without the JUnit extension, created with {@code create()} as in a {@code main} method or a JMH
 * benchmark: the example of README.md ("Using the fixtures outside JUnit") and docs/fixtures.md, run as written.
 *
 * <p>Fixtures made by {@code create()} keep their own times (300 ms warm-up, 1 s measurement): {@code brigade.scale}
 * applies only to fixtures the extension injects, so this test takes a few seconds at any scale.
 */
class FixturesOutsideJUnitTest {

    /** Stands for the code under measurement: squares every item on a virtual thread of its own. */
    static final class Pipeline {

        long processAll(List<Integer> items) {
            List<Future<Long>> squares;
            try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
                squares = items.stream().map(i -> executor.submit(() -> (long) i * i)).toList();
            } // close() waits for every task
            return squares.stream().mapToLong(Future::resultNow).sum();
        }
    }

    @Test
    void fixtures_run_without_the_extension() {
        Pipeline pipeline = new Pipeline();
        List<Integer> items = IntStream.range(0, 10_000).boxed().toList();

        BrigadeResult r = BrigadeFixture.create().tasks(500).kind(TaskKind.VIRTUAL).link(LinkType.QUEUE).run();
        SpawnResult s = SpawnFixture.create().kind(TaskKind.PLATFORM).tasks(1_000).run();
        MemoryResult m = SpawnFixture.create().kind(TaskKind.VIRTUAL).parked(20_000);
        Cost c = CostMeter.create().measure(10_000, () -> pipeline.processAll(items));

        // a round-trip passes the token through each of the 500 tasks: 500 hops
        assertThat(r.hops()).isEqualTo(r.stats().rounds() * r.stats().operationsPerRound() * 500);
        assertThat(r.kind()).isEqualTo(TaskKind.VIRTUAL);
        assertThat(r.nanosPerHop().samples()).isGreaterThanOrEqualTo(2);
        assertThat(r.nanosPerHop().low()).isPositive();
        // each operation of a spawn is a batch of 1,000 tasks started and joined
        assertThat(s.spawned()).isEqualTo(s.stats().rounds() * s.stats().operationsPerRound() * 1_000);
        assertThat(s.nanosPerTask().low()).isPositive();
        // a parked virtual thread keeps its stack on the heap: about 1.5 KiB here (docs/findings.md)
        assertThat(m.heapBytesPerTask().median()).isBetween(256.0, 64.0 * 1024);
        // the meter saw the pipeline's work: a virtual thread, a future and a Long for each of the 10,000 items
        assertThat(c.perOperation().allocatedBytes()).isGreaterThan(100);
        assertThat(c.perOperation().wallNanos()).isPositive();
        assertThat(c.cpuNanos()).isPositive();
    }
}
