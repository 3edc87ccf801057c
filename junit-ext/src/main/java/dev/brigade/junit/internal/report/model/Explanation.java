package dev.brigade.junit.internal.report.model;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import org.apiguardian.api.API;

/**
 * Where the cost of a result's failed comparison with the base build moved, as its failure message says it: the
 * lines under the ratio (methods, allocation sites, counts per hop or task, the recording's files), from the JFR
 * recording of the paired rounds; and its headline, the one line a summary has room for. Immutable.
 *
 * @param headline the method that moved most ({@code +1.9 µs/hop  com.example.Codec.encode(Frame) ...}), else the
 *                 first line (e.g. why there is no explanation)
 * @param lines    every line, as the failure message has them
 */
@API(status = INTERNAL, since = "0.1.0")
public record Explanation(String headline, List<String> lines) {

    /** Copies the lines. */
    public Explanation {
        lines = List.copyOf(lines);
    }

    /**
     * The explanation of {@code lines} as a failure message has them: under a heading line (two spaces), the moves
     * (four spaces); the headline is the first move of time per hop or task, else the first line.
     */
    public static Explanation of(List<String> lines) {
        String headline = lines.stream().filter(l -> l.startsWith("    ") && l.matches("\\s+[+-][^/]*/(hop|task)\\s.*"))
                .findFirst().or(() -> lines.stream().findFirst()).map(String::strip).orElse("");
        return new Explanation(headline, lines);
    }
}
