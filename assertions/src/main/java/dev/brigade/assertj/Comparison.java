package dev.brigade.assertj;

import dev.brigade.measure.Estimate;

/**
 * Two results' estimates of one metric from the same run and their ratio {@code other / actual}: how many times
 * the actual is faster or cheaper.
 *
 * @param adjective {@code faster} or {@code cheaper}
 */
record Comparison(String metric, String adjective, String actualName, Estimate actual, String otherName,
                  Estimate other, Estimate ratio) {

    /**
     * Compares {@code actual} with {@code other}; when both results carry the same label they are told apart as
     * {@code actual VIRTUAL} and {@code other VIRTUAL}.
     */
    static Comparison of(String metric, String adjective, String actualLabel, Estimate actual, String otherLabel,
                         Estimate other) {
        boolean same = actualLabel.equals(otherLabel);
        return new Comparison(metric, adjective, same ? "actual " + actualLabel : actualLabel, actual,
                same ? "other " + otherLabel : otherLabel, other, Estimate.ratio(other, actual));
    }
}
