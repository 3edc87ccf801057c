package dev.brigade.examples;

import static dev.brigade.assertj.BrigadeAssertions.assertThat;
import static dev.brigade.fixture.TaskKind.VIRTUAL;

import dev.brigade.fixture.BrigadeFixture;
import dev.brigade.fixture.BrigadeResult;
import dev.brigade.fixture.Links;
import dev.brigade.junit.BrigadeExtension;
import dev.brigade.junit.Budget;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.LinkedTransferQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Your own channel between tasks: any {@code BlockingQueue}, through {@code Links.of}. */
@ExtendWith(BrigadeExtension.class)
class OwnQueueTest {

    @Test
    @Budget(kind = VIRTUAL, perHop = "200us")
    void linkedTransferQueue(BrigadeFixture brigade) {
        BrigadeResult r = brigade.tasks(100).kind(VIRTUAL).link(Links.of(LinkedTransferQueue::new)).run();

        assertThat(r).perHop().isAtMost(Duration.ofMillis(1));
    }

    @Test
    void boundedLinkedBlockingQueue(BrigadeFixture brigade) {
        BrigadeResult r = brigade.tasks(100).kind(VIRTUAL).link(Links.of(() -> new LinkedBlockingQueue<>(1)))
                .measureMemory(false).run();

        assertThat(r).perHop().isAtMost(Duration.ofMillis(1));
        assertThat(r).contextSwitchesPerHop().isAtMost(1.0);
    }
}
