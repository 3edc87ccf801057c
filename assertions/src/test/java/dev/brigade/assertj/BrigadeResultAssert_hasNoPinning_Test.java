package dev.brigade.assertj;

import static dev.brigade.assertj.BrigadeAssertions.assertThat;
import static dev.brigade.assertj.Results.brigade;
import static dev.brigade.assertj.Results.rounds;
import static dev.brigade.fixture.TaskKind.VIRTUAL;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.BDDAssertions.then;

import dev.brigade.fixture.BrigadeResult;
import dev.brigade.fixture.PinnedStack;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class BrigadeResultAssert_hasNoPinning_Test {

    @Test
    void should_pass_when_no_thread_was_pinned() {
        BrigadeResult result = brigade(VIRTUAL, rounds("ns", 1_000, 10), null, OptionalLong.of(0), List.of());

        assertThatNoException().isThrownBy(() -> assertThat(result).hasNoPinning());
    }

    @Test
    void should_fail_with_the_most_frequent_stacks() {
        List<PinnedStack> stacks = List.of(new PinnedStack("Codec.roundTrip:12 <- Chain.hop:80", 3),
                new PinnedStack("Codec.flush:40 <- Chain.hop:80", 9), new PinnedStack("A.a:1", 2),
                new PinnedStack("B.b:2", 1));
        BrigadeResult result = brigade(VIRTUAL, rounds("ns", 1_000, 10), null, OptionalLong.of(15), stacks);

        then(catchThrowable(() -> assertThat(result).hasNoPinning()))
                .hasMessage(ShouldHaveNoPinning.shouldHaveNoPinning("VIRTUAL brigade", 15, stacks).create())
                .hasMessage(String.join(System.lineSeparator(),
                        "Expected VIRTUAL brigade to have no pinned virtual threads but 15 jdk.VirtualThreadPinned"
                                + " events were recorded",
                        "  9 × at Codec.flush:40 <- Chain.hop:80",
                        "  3 × at Codec.roundTrip:12 <- Chain.hop:80",
                        "  2 × at A.a:1",
                        "(1 more stacks)"));
    }

    @Test
    void should_fail_when_pinning_was_not_detected() {
        BrigadeResult result = brigade(VIRTUAL, rounds("ns", 1_000, 10));

        then(catchThrowable(() -> assertThat(result).hasNoPinning()))
                .hasMessage("Expected VIRTUAL brigade to have measured pinnedEvents but pinning detection was off:"
                        + " call detectPinning(true) on the fixture (or set brigade.pinning.detect=true)");
    }
}
