package dev.brigade.assertj;

import dev.brigade.measure.Estimate;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/** Failure message of {@code isAtMost}: {@code Expected VIRTUAL nanosPerHop to be at most 2.00 µs but was ...}. */
final class ShouldBeAtMost extends BasicErrorMessageFactory {

    private ShouldBeAtMost(String message) {
        super("%s", unquotedString(message));
    }

    /**
     * @param limit the limit in the metric's unit
     * @param shown the limit as the user gave it, formatted
     */
    static ErrorMessageFactory shouldBeAtMost(AbstractMetricAssert.Subject subject, Estimate actual, double limit,
            String shown) {
        return new ShouldBeAtMost("Expected " + subject.text() + " to be at most " + shown + " but was "
                + Messages.measured(actual) + Messages.timesThe(actual, limit, "limit")
                + Messages.whatToDo(Messages.Gate.BUDGET));
    }
}
