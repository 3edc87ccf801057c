package dev.brigade.assertj;

import dev.brigade.measure.Estimate;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/** Failure message of {@code isLessThan}: {@code Expected VIRTUAL nanosPerHop to be less than 2.00 µs but was ...}. */
final class ShouldBeLessThan extends BasicErrorMessageFactory {

    private ShouldBeLessThan(String message) {
        super("%s", unquotedString(message));
    }

    /**
     * @param limit the limit in the metric's unit
     * @param shown the limit as the user gave it, formatted
     */
    static ErrorMessageFactory shouldBeLessThan(AbstractMetricAssert.Subject subject, Estimate actual, double limit,
            String shown) {
        return new ShouldBeLessThan("Expected " + subject.text() + " to be less than " + shown + " but was "
                + Messages.measured(actual) + Messages.timesThe(actual, limit, "limit")
                + Messages.whatToDo(Messages.Gate.BUDGET));
    }
}
