package dev.brigade.junit.internal.report.model;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.apiguardian.api.API;

/**
 * Where the cost of a result's failed comparison with the base build moved, as its failure message says it: the
 * lines under the ratio (methods, allocation sites, counts per hop or task, the recording's files), from the JFR
 * recording of the paired rounds; its headline, the one line a summary has room for; the files it left; and both
 * sides' stacks as a tree, for the page's flame graph. Also where the time of a failed budget's kind goes, from the
 * recording of a second measurement (one side, no flame graph). Immutable.
 *
 * <p>Public for {@code report}, which builds and renders it beside this package.
 *
 * @param headline  the method that moved most ({@code +1.9 µs/hop  com.example.Codec.encode(Frame) ...}), or for a
 *                  budget the method the time goes to most ({@code 1.9 µs/hop  com.example.Codec.encode(Frame) ...});
 *                  when only allocation failed, the allocation site that moved most, or allocates most; else the
 *                  first line (e.g. why there is no explanation)
 * @param lines     every line, as the failure message has them
 * @param recording the {@code .jfr} of the paired rounds; null when none was written
 * @param stacks    the collapsed-stack files beside it, current then base; empty when none was written
 * @param flame     both sides' stacks, pruned, for a differential flame graph; null when the stacks could not be read
 */
@API(status = INTERNAL, since = "0.1.0")
public record Explanation(String headline, List<String> lines, String recording, List<String> stacks, Flame flame) {

    /** The start of the heading of a comparison's allocation sites, or of the line that says why none is named. */
    private static final String ALLOCATION_SITES = "  allocation sites";
    /** The start of the heading of a second measurement's allocation sites. */
    private static final String WHERE_IT_ALLOCATES = "  where it allocates";

    /** Copies the lines. */
    public Explanation {
        lines = List.copyOf(lines);
        stacks = List.copyOf(stacks);
    }

    /**
     * The explanation of {@code lines} as a failure message has them, with the files the recording left: under a
     * heading line (two spaces), the moves (four spaces); the headline is the first move (or, for a budget, share)
     * of time per hop or task, else the line under the time's heading that says why there is none, else the first
     * line. No flame graph.
     */
    public static Explanation of(List<String> lines, String recording, List<String> stacks) {
        return of(lines, recording, stacks, false);
    }

    /**
     * {@link #of(List, String, List)}, but when {@code allocation} (what failed was allocation: its time did not
     * move, or moved within noise) the headline is the first allocation site's move or share, or the line that says
     * why no site is named. Otherwise it is the first move of time, or the line under the time's heading that says why
     * there is none (too few samples), never an allocation site.
     */
    public static Explanation of(List<String> lines, String recording, List<String> stacks, boolean allocation) {
        int sites = indexOf(lines, l -> l.startsWith(ALLOCATION_SITES) || l.startsWith(WHERE_IT_ALLOCATES));
        List<String> time = sites < 0 ? lines : lines.subList(0, sites);
        List<String> allocated = sites < 0 ? List.of() : lines.subList(sites, lines.size());
        Optional<String> headline = allocation
                ? allocated.stream().filter(l -> isMove(l) || l.startsWith(ALLOCATION_SITES + ":")).findFirst()
                : time.stream().filter(Explanation::isMove).findFirst()
                        .or(() -> time.stream().filter(l -> l.startsWith("    ")).findFirst());
        String line = headline.or(() -> lines.stream().findFirst()).map(String::strip).orElse("");
        return new Explanation(line, lines, recording, stacks, null);
    }

    /** A move (or share) per hop or task: four spaces in, {@code +1.9 µs/hop  ...}, {@code 528 B/hop  ...}. */
    private static boolean isMove(String line) {
        return line.startsWith("    ") && line.matches("\\s+[+-]?[^/]*/(hop|task)\\s.*");
    }

    private static int indexOf(List<String> lines, Predicate<String> p) {
        for (int i = 0; i < lines.size(); i++) {
            if (p.test(lines.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /** This explanation with {@code flame} drawn from its stacks. */
    public Explanation withFlame(Flame flame) {
        return new Explanation(headline, lines, recording, stacks, flame);
    }
}
