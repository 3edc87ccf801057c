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

    /** {@code  (1.21× the limit)}, or nothing when the limit is 0. */
    static String timesThe(Estimate actual, double limit, String which) {
        return limit == 0 ? "" : " (" + Units.formatRatio(actual.median() / limit) + " the " + which + ")";
    }
}
