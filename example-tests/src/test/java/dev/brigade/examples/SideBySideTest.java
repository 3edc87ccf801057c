package dev.brigade.examples;

import static dev.brigade.fixture.TaskKind.PLATFORM;
import static dev.brigade.fixture.TaskKind.VIRTUAL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.brigade.fixture.BrigadeFixture;
import dev.brigade.fixture.LinkType;
import dev.brigade.fixture.Session;
import dev.brigade.fixture.SideBySide;
import dev.brigade.fixture.SideBySideResult;
import dev.brigade.junit.BrigadeExtension;
import dev.brigade.measure.PairedRatio;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two brigades open at once and measured in alternating rounds: the ratio of the paired rounds, with its interval,
 * is what travels between runs and machines.
 */
@ExtendWith(BrigadeExtension.class)
class SideBySideTest {

    // measure(1 s): paired rounds of 50 ms per side for up to 2 s, about 20 pairs; a 95 % interval needs 6 at least,
    // and at 500 ms a CI run measured 4 pairs (rounds stretched 2.5× on a busy VM), which decided nothing
    @Test
    void a_platform_hop_costs_several_virtual_hops_measured_side_by_side(BrigadeFixture brigade) throws Exception {
        brigade.tasks(200).link(LinkType.QUEUE);

        try (Session platform = brigade.kind(PLATFORM).open(); Session virtual = brigade.kind(VIRTUAL).open()) {
            SideBySideResult r = SideBySide.create().measure(Duration.ofSeconds(1)).decideAt(2.0)
                    .compare(platform, virtual);

            PairedRatio perHop = r.nanosPerUnit(); // PLATFORM / VIRTUAL, with its 95 % interval
            assertThat(perHop.isAbove(2.0)).as("PLATFORM/VIRTUAL per hop %s", perHop).isTrue();
        }
    }
}
