package dev.brigade.assertj;

import dev.brigade.fixture.PinnedStack;
import java.util.List;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Failure message of {@code hasNoPinning}: the number of {@code jdk.VirtualThreadPinned} events and the most
 * frequent stacks, so the user sees where a virtual thread held on to its carrier.
 */
final class ShouldHaveNoPinning extends BasicErrorMessageFactory {

    /** Stacks quoted in a message. */
    static final int STACKS_SHOWN = 3;

    private ShouldHaveNoPinning(String message) {
        super("%s", unquotedString(message));
    }

    static ErrorMessageFactory shouldHaveNoPinning(String subject, long events, List<PinnedStack> stacks) {
        StringBuilder message = new StringBuilder("Expected ").append(subject)
                .append(" to have no pinned virtual threads but ").append(events)
                .append(events == 1 ? " jdk.VirtualThreadPinned event was" : " jdk.VirtualThreadPinned events were")
                .append(" recorded");
        List<PinnedStack> shown = stacks.stream()
                .sorted((a, b) -> Long.compare(b.events(), a.events())).limit(STACKS_SHOWN).toList();
        for (PinnedStack stack : shown) {
            message.append(System.lineSeparator()).append("  ").append(stack.events()).append(" × at ")
                    .append(stack.frames());
        }
        if (stacks.size() > shown.size()) {
            message.append(System.lineSeparator()).append("(").append(stacks.size() - shown.size())
                    .append(" more stacks)");
        }
        return new ShouldHaveNoPinning(message.toString());
    }
}
