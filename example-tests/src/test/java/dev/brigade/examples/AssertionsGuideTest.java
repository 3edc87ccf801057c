package dev.brigade.examples;

import static dev.brigade.assertj.BrigadeAssertions.assertThat;
import static dev.brigade.fixture.TaskKind.PLATFORM;
import static dev.brigade.fixture.TaskKind.VIRTUAL;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.brigade.fixture.BrigadeFixture;
import dev.brigade.fixture.BrigadeResult;
import dev.brigade.fixture.LinkType;
import dev.brigade.fixture.MemoryResult;
import dev.brigade.fixture.SpawnFixture;
import dev.brigade.fixture.SpawnResult;
import dev.brigade.junit.BrigadeExtension;
import dev.brigade.measure.Bytes;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The examples of docs/assertions.md, run as they are written there. */
@ExtendWith(BrigadeExtension.class)
class AssertionsGuideTest {

    @Test
    void bounds_on_a_brigade_and_a_spawn(BrigadeFixture fixture, SpawnFixture spawns) {
        BrigadeResult brigade = fixture.tasks(100).kind(VIRTUAL).link(LinkType.QUEUE).run();
        SpawnResult spawn = spawns.tasks(500).kind(VIRTUAL).run();
        MemoryResult parked = SpawnFixture.create().kind(VIRTUAL).parked(20_000);

        assertThat(brigade).perHop().isAtMost(Duration.ofMillis(1));
        assertThat(brigade).contextSwitchesPerHop().isAtMost(50.0);
        assertThat(brigade).allocatedBytesPerHop().isAtMost(Bytes.kib(1));
        assertThat(spawn).creationCost().isBetween(Duration.ofNanos(1), Duration.ofMillis(5));
        assertThat(parked).heapPerTask().isAtMost(Bytes.kib(16));
        assertThat(brigade).perHop().strictly().isAtMost(Duration.ofMillis(1));
    }

    @Test
    void comparisons_in_one_run(BrigadeFixture brigade, SpawnFixture spawn) {
        brigade.tasks(100).link(LinkType.QUEUE).measureMemory(false);
        BrigadeResult virtual = brigade.kind(VIRTUAL).run(), platform = brigade.kind(PLATFORM).run();
        SpawnResult virtualSpawn = spawn.tasks(500).kind(VIRTUAL).run();
        SpawnResult platformSpawn = spawn.kind(PLATFORM).run();

        assertThat(virtual).isFasterThan(platform).byAtLeast(1.5);      // nanosPerHop: platform / virtual ≥ 1.5
        assertThat(virtual).isCheaperThan(platform);                     // cpuNanosPerHop
        assertThat(virtualSpawn).isCheaperThan(platformSpawn).byAtLeast(5.0);   // nanosPerTask
    }

    @Test
    void pinning_and_fits(BrigadeFixture brigade) {
        brigade.tasks(100).kind(VIRTUAL).measureMemory(false);

        assertThat(brigade.detectPinning(true).run()).hasNoPinning();
        assertThat(SpawnFixture.create().kind(VIRTUAL).parked(20_000)).hasLinearFitAtLeast(0.9);
    }

    @Test
    void a_failure_names_kind_metric_limit_and_measured_interval(BrigadeFixture brigade) {
        BrigadeResult r = brigade.tasks(100).kind(VIRTUAL).measureMemory(false).run();

        Throwable failure = catchThrowable(() -> assertThat(r).as("codec round trip").perHop()
                .isAtMost(Duration.ofNanos(1)));

        // a run that a stall of the machine left with one sample has no interval to give (seen once in CI)
        org.assertj.core.api.Assertions.assertThat(failure).hasMessageMatching(
                "\\[codec round trip\\] Expected VIRTUAL nanosPerHop to be at most 1\\.00 ns but was .+"
                        + "( \\[.+–.+\\], \\d+ samples(, bimodal)?|, 1 sample) \\(.+× the limit\\)"
                        + "\\R  what to do: docs/when-a-gate-fails\\.md#a-budget in Brigade's repository");
    }
}
