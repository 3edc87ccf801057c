package dev.brigade.junit.internal.verdict;

import java.util.List;

/** Where an explanation goes in a failure message: after the figures, before the last line, the guide. Stateless. */
final class FailureLines {

    private FailureLines() {
    }

    /** {@code message} with {@code lines} before its last line, which stays last. */
    static String before(String message, List<String> lines) {
        if (lines.isEmpty()) {
            return message;
        }
        String nl = System.lineSeparator();
        int last = message.lastIndexOf(nl);
        return last < 0 ? message + nl + String.join(nl, lines)
                : message.substring(0, last) + nl + String.join(nl, lines) + message.substring(last);
    }
}
