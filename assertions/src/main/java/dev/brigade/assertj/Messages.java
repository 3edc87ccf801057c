package dev.brigade.assertj;

import dev.brigade.measure.Estimate;
import dev.brigade.measure.Units;

/** The parts every failure message shares: the measured figure and how far it is from the limit. */
final class Messages {

    private Messages() {
    }

    /** {@code 2.41 µs [2.37–2.46], 20 samples}, with {@code , bimodal} when the rounds fell in two clusters. */
    static String measured(Estimate actual) {
        return actual.toString();
    }

    /**
     * The part of docs/when-a-gate-fails.md a failure sends its reader to, by the kind of gate that failed; the
     * heading each anchor names is checked by the docs' tests (DocsTest in example-tests).
     */
    enum Gate {
        /** A bound: {@code isAtMost}, {@code isAtLeast}, {@code isBetween}, {@code isLessThan}, and {@code @Budget}. */
        BUDGET("docs/when-a-gate-fails.md#a-budget"),
        /** Two results of one run: {@code isFasterThan}, {@code isCheaperThan}, {@code isSmallerThan}. */
        COMPARISON("docs/when-a-gate-fails.md#a-comparison-within-one-run"),
        /** A stored baseline: {@code isNoWorseThanBaseline} and {@code @Baseline}. */
        BASELINE("docs/when-a-gate-fails.md#a-baseline");

        private final String section;

        Gate(String section) {
            this.section = section;
        }
    }

    /**
     * The last line of a failed gate's message, as {@code @AgainstBase}'s ends:
     * {@code \n  what to do: docs/when-a-gate-fails.md#a-budget in Brigade's repository}.
     */
    static String whatToDo(Gate gate) {
        return System.lineSeparator() + "  what to do: " + gate.section + " in Brigade's repository";
    }

    /** {@code  (1.21× the limit)}, or nothing when the limit is 0. */
    static String timesThe(Estimate actual, double limit, String which) {
        return limit == 0 ? "" : " (" + Units.formatRatio(actual.median() / limit) + " the " + which + ")";
    }
}
