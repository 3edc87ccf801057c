package dev.brigade.assertj;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Failure message of an assertion on a metric the result does not hold:
 * {@code Expected VIRTUAL brigade to have measured pinnedEvents but pinning detection was off: ...}.
 */
final class ShouldHaveMeasured extends BasicErrorMessageFactory {

    private ShouldHaveMeasured(String message) {
        super("%s", unquotedString(message));
    }

    static ErrorMessageFactory shouldHaveMeasured(String subject, String metric, String why) {
        return new ShouldHaveMeasured("Expected " + subject + " to have measured " + metric + " but " + why);
    }
}
