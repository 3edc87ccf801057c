package dev.brigade.examples;

import static dev.brigade.assertj.BrigadeAssertions.assertThat;
import static dev.brigade.fixture.TaskKind.PLATFORM;
import static dev.brigade.fixture.TaskKind.VIRTUAL;

import dev.brigade.fixture.SpawnFixture;
import dev.brigade.fixture.SpawnResult;
import dev.brigade.junit.BrigadeExtension;
import dev.brigade.junit.Budget;
import dev.brigade.junit.Spawn;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What creating, starting and joining a task costs, and what a parked one weighs, kind by kind. Memory per parked
 * task in fresh JVMs, both kinds, is the findings' to measure ({@code MemoryPerTaskFinding}), once per CI run.
 */
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
}
