package dev.brigade.assertj;

import dev.brigade.measure.Estimate;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Failure message of {@code isBetween}: {@code Expected VIRTUAL nanosPerHop to be between 1.00 µs and 2.00 µs ...}.
 */
final class ShouldBeBetween extends BasicErrorMessageFactory {

    private ShouldBeBetween(String message) {
        super("%s", unquotedString(message));
    }

    static ErrorMessageFactory shouldBeBetween(AbstractMetricAssert.Subject subject, Estimate actual, double start,
            String shownStart, double end, String shownEnd) {
        boolean above = actual.median() > end;
        return new ShouldBeBetween("Expected " + subject.text() + " to be between " + shownStart + " and " + shownEnd
                + " but was " + Messages.measured(actual) + (above ? Messages.timesThe(actual, end, "upper limit")
                : Messages.timesThe(actual, start, "lower limit")) + Messages.whatToDo(Messages.Gate.BUDGET));
    }
}
