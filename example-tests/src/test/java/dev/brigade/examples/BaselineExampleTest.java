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
 * <p>No baseline file is committed for this class: run {@code ./mvnw -pl example-tests -am verify
 * -Dbrigade.baseline.update=true} to record this machine's, and the next runs compare with it.
 */
class BaselineExampleTest {

    @Brigade(tasks = 200, kinds = {VIRTUAL, PLATFORM}, link = LinkType.QUEUE, warmup = "300ms", measure = "1s")
    @Baseline
    void handOffIsNoSlowerThanLastRecorded(BrigadeFixture brigade) {
        brigade.measureMemory(false).run();
    }

    /** The same, measured in three fresh JVMs one after another and compared with the recorded runs together. */
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
