package dev.brigade.examples;

import static dev.brigade.assertj.BrigadeAssertions.assertThat;
import static dev.brigade.fixture.TaskKind.PLATFORM;
import static dev.brigade.fixture.TaskKind.VIRTUAL;

import dev.brigade.fixture.BrigadeFixture;
import dev.brigade.fixture.BrigadeResult;
import dev.brigade.fixture.LinkType;
import dev.brigade.junit.Baseline;
import dev.brigade.junit.Brigade;
import dev.brigade.junit.BrigadeExtension;
import dev.brigade.junit.Fork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two ways to gate on a change in cost: a baseline kept per machine, and a budget relative to a reference measured
 * in the same run, which needs no baseline and travels between machines.
 *
 * <p>The baseline is committed (src/test/brigade-baselines/dev.brigade.examples.BaselineExampleTest.json): eight
 * runs recorded on the 2-vCPU CI machine between 09:20 and 09:48 UTC on 2026-12-05 (JDK 25, the build's
 * {@code -Xmx2g} and G1), each in its own JVM at this suite's {@code brigade.scale=0.2} while other sessions used the
 * machine, so the comparison's interval holds the drift between runs there: the VIRTUAL hop's median moved between
 * 0.79 and 2.26 µs, the PLATFORM hop's between 11.8 and 16.4 µs, and the forked runs' (the newest ten kept) between
 * 1.21 and 9.79 µs. Such a gate catches a large slowdown only (its report entry says from which factor on: "fails
 * above"); {@link #handOffRelativeToReferencesOfTheSameRun} is the one that travels. A clone on a machine of the
 * same kind (CPU model, core count, JDK, heap and GC: the fingerprint) compares with it; on another kind the report
 * entry says there is no baseline for that machine, and {@code ./mvnw -pl example-tests -am verify
 * -Dtest=BaselineExampleTest -Dbrigade.baseline.update=true} records one (then {@code =add} for more runs).
 */
class BaselineExampleTest {

    @Brigade(tasks = 200, kinds = {VIRTUAL, PLATFORM}, link = LinkType.QUEUE, warmup = "300ms", measure = "1s")
    @Baseline
    void handOffIsNoSlowerThanLastRecorded(BrigadeFixture brigade) {
        brigade.measureMemory(false).run();
    }

    /**
     * The same, measured in three fresh JVMs one after another and compared with the recorded runs together: the
     * interval of the three current runs against the ten recorded ones holds the drift from one JVM to the next.
     */
    @Brigade(tasks = 200, kinds = VIRTUAL, link = LinkType.QUEUE, warmup = "300ms", measure = "1s")
    @Fork(runs = 3)
    @Baseline
    void handOffInThreeJvmsIsNoSlowerThanLastRecorded(BrigadeFixture brigade) {
        brigade.measureMemory(false).run();
    }

    @Test
    @ExtendWith(BrigadeExtension.class)
    void handOffRelativeToReferencesOfTheSameRun(BrigadeFixture brigade) {
        brigade.tasks(200).link(LinkType.QUEUE).measureMemory(false);
        BrigadeResult virtual = brigade.kind(VIRTUAL).run();
        BrigadeResult platform = brigade.kind(PLATFORM).run();
        BrigadeResult floor = brigade.kind(VIRTUAL).runOneThread();

        assertThat(virtual).perHopRelativeTo(platform).isAtMost(0.7);    // at most 0.7× the platform hop
        assertThat(virtual).perHopRelativeTo(floor).isAtMost(1_000.0);   // at most 1000× the one-thread floor
        assertThat(virtual).isNoWorseThanBaseline();
    }
}
