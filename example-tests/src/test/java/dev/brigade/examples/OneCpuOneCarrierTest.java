package dev.brigade.examples;

import static dev.brigade.assertj.BrigadeAssertions.assertThat;
import static dev.brigade.fixture.TaskKind.ASYNC;
import static dev.brigade.fixture.TaskKind.PLATFORM;
import static dev.brigade.fixture.TaskKind.VIRTUAL;

import dev.brigade.fixture.BrigadeFixture;
import dev.brigade.fixture.BrigadeResult;
import dev.brigade.junit.Brigade;
import dev.brigade.junit.BrigadeExtension;
import dev.brigade.junit.Fork;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Settings a JVM reads once at start — the virtual-thread scheduler's carriers, the CPUs it may use — compared in
 * one test by running each side in a fresh JVM, and a whole test method run in a pinned fork.
 *
 * <p>Measured on the CI machine (2 vCPU AMD EPYC, JDK 25, 500 tasks over QUEUE links, three alternations,
 * {@code exec:exec@forked-settings} in fixtures): one carrier spent 0.60–0.82 µs of CPU per hop against 1.43–2.16
 * µs with two; platform threads pinned to CPU 0 took 8.4–10.0 µs per hop against 18.8–23.0 µs free. The
 * assertions ask only for the direction, with confidence, which a machine with cheaper cross-CPU wake-ups may
 * narrow but should not reverse.
 */
@ExtendWith(BrigadeExtension.class)
class OneCpuOneCarrierTest {

    @Test
    void oneCarrierSpendsLessCpuPerHopThanTwo(BrigadeFixture brigade) {
        brigade.tasks(500).kind(VIRTUAL).freshJvm(true).measureMemory(false);

        BrigadeResult oneCarrier = brigade.jvmArgs("-Djdk.virtualThreadScheduler.parallelism=1",
                "-Djdk.virtualThreadScheduler.maxPoolSize=1").run();
        BrigadeResult defaultCarriers = brigade.jvmArgs().run();

        assertThat(oneCarrier).isCheaperThan(defaultCarriers);
    }

    @Test
    void platformThreadsPinnedToOneCpuHandOffNoSlower(BrigadeFixture brigade) {
        brigade.tasks(500).kind(PLATFORM).freshJvm(true).measureMemory(false);

        BrigadeResult pinned = brigade.cpus("0").run();
        BrigadeResult free = brigade.cpus("").run();

        assertThat(pinned).isFasterThan(free);
    }

    @Brigade(tasks = 500, kinds = {VIRTUAL, ASYNC}, warmup = "300ms", measure = "1s")
    @Fork(cpus = "0", parallelism = 1)      // one CPU, one carrier thread
    void handOffOnOneCpuAndOneCarrier(BrigadeFixture brigade) {
        if (Runtime.getRuntime().availableProcessors() != 1) {
            throw new AssertionError("a fork on cpus = \"0\" sees one processor");
        }
        assertThat(brigade.run()).perHop().isAtMost(Duration.ofMillis(1));
    }
}
