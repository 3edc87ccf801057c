package dev.brigade.examples;

import static dev.brigade.assertj.BrigadeAssertions.assertThat;
import static dev.brigade.fixture.TaskKind.PLATFORM;
import static dev.brigade.fixture.TaskKind.VIRTUAL;

import dev.brigade.fixture.MemoryResult;
import dev.brigade.fixture.SpawnFixture;
import dev.brigade.fixture.SpawnResult;
import dev.brigade.junit.BrigadeExtension;
import dev.brigade.junit.Budget;
import dev.brigade.junit.Spawn;
import java.time.Duration;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What creating, starting and joining a task costs, and what a parked one weighs, kind by kind. */
class SpawnCostTest {

    @Spawn(tasks = 1_000, kinds = {VIRTUAL, PLATFORM}, warmup = "300ms", measure = "1s")
    @Budget(kind = VIRTUAL, creationCost = "50us")
    @Budget(kind = PLATFORM, creationCost = "2ms")
    void spawnAndJoin(SpawnFixture spawn) {
        SpawnResult r = spawn.run();

        assertThat(r).startLatency().isAtMost(Duration.ofMillis(100));
    }

    @Spawn(tasks = 1_000, kinds = VIRTUAL)
    @Budget(kind = VIRTUAL, heapPerTask = "16KiB")
    void parkedVirtualThreadsWeighLittle(SpawnFixture spawn) {
        spawn.parked(10_000);
    }

    @Test
    @ExtendWith(BrigadeExtension.class)
    void virtualThreadsAreCheaperToStartThanPlatformThreads(SpawnFixture spawn) {
        spawn.tasks(1_000);

        SpawnResult virtual = spawn.kind(VIRTUAL).run();
        SpawnResult platform = spawn.kind(PLATFORM).run();

        assertThat(virtual).isCheaperThan(platform).byAtLeast(2.0);
    }

    @Test
    @ExtendWith(BrigadeExtension.class)
    void aParkedVirtualThreadWeighsAtLeastEightTimesLessInFreshJvms(SpawnFixture spawn) {
        spawn.freshJvms(true);

        MemoryResult virtual = spawn.kind(VIRTUAL).parked(8_000);
        MemoryResult platform = spawn.kind(PLATFORM).parked(8_000);

        assertThat(virtual).isSmallerThan(platform).byAtLeast(8.0);

        // the build's one memory fit in fresh JVMs (the fixtures' own tests have none): each population size in a
        // JVM of its own, each size twice; a parked platform thread touches kibibytes of stack outside the heap, a
        // virtual one keeps a small stack chunk on the heap; and no child JVM is left
        Assertions.assertThat(platform.points()).extracting(MemoryResult.Point::tasks)
                .containsExactly(2_000, 4_000, 6_000, 8_000, 2_000, 4_000, 6_000, 8_000);
        Assertions.assertThat(platform.rssBytesPerTask().median()).isGreaterThan(8 * 1024.0);
        Assertions.assertThat(virtual.heapBytesPerTask().median()).isBetween(100.0, 8 * 1024.0);
        Assertions.assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)).isEmpty();
    }
}
