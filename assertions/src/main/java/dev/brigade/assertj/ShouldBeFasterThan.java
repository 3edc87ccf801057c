package dev.brigade.assertj;

import dev.brigade.measure.Estimate;
import dev.brigade.measure.Units;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Failure message of {@code isFasterThan} and {@code isCheaperThan}:
 * {@code Expected VIRTUAL to be at least 5.00× faster than PLATFORM in nanosPerHop but PLATFORM / VIRTUAL was
 * 3.10× [2.90–3.30]: VIRTUAL 1.21 µs [1.18–1.25], 20 samples; PLATFORM 3.75 µs [3.70–3.80], 20 samples}.
 */
final class ShouldBeFasterThan extends BasicErrorMessageFactory {

    private ShouldBeFasterThan(String message) {
        super("%s", unquotedString(message));
    }

    /**
     * @param comparison what is compared, with the ratio {@code other / actual}
     * @param factor     the least ratio asked for; 1 for plain {@code isFasterThan}
     */
    static ErrorMessageFactory shouldBeFasterThan(Comparison comparison, double factor, boolean strict) {
        String by = factor == 1 ? "" : "at least " + Units.formatRatio(factor) + " ";
        Estimate ratio = comparison.ratio();
        return new ShouldBeFasterThan("Expected " + comparison.actualName() + " to be " + by + comparison.adjective()
                + " than " + comparison.otherName() + " in " + comparison.metric() + (strict ? " by the medians" : "")
                + " but " + comparison.otherName() + " / " + comparison.actualName() + " was "
                + Units.formatRatio(ratio.median()) + " [" + Units.format(ratio.low(), "1") + "–"
                + Units.format(ratio.high(), "1") + "]: " + comparison.actualName() + " "
                + Messages.measured(comparison.actual()) + "; " + comparison.otherName() + " "
                + Messages.measured(comparison.other()) + Messages.whatToDo(Messages.Gate.COMPARISON));
    }
}
