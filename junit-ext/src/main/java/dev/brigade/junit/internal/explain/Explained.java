package dev.brigade.junit.internal.explain;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * An {@link Explanation} as it travels to the failure message and the run's reports, from this JVM or back from a
 * {@code @Fork} child: its lines, and the files it left, typed, so that no reader parses them out of the lines.
 * Immutable.
 *
 * <p>Public for {@code base} and {@code verdict}, which make it; {@code invocation} and {@code fork}, which carry it;
 * and {@code report}, which renders it.
 *
 * @param lines     the lines under the ratio of the failed comparison, each starting with two spaces; empty for none
 * @param recording the {@code .jfr} of the paired rounds, when one was written
 * @param stacks    the collapsed-stack files beside it, current then base; empty when none was written
 */
@API(status = INTERNAL, since = "0.1.0")
public record Explained(List<String> lines, Optional<Path> recording, List<Path> stacks) {

    private static final Explained NONE = new Explained(List.of(), Optional.empty(), List.of());

    /** Copies the lists. */
    public Explained {
        lines = List.copyOf(lines);
        stacks = List.copyOf(stacks);
    }

    /** No explanation: the comparison did not fail, or nothing explained it. */
    public static Explained none() {
        return NONE;
    }

    /** Whether there is nothing to say. */
    public boolean isEmpty() {
        return lines.isEmpty();
    }
}
