package dev.brigade.assertj;

import dev.brigade.fixture.MemoryResult;
import java.util.Locale;
import java.util.stream.Collectors;
import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Failure message of {@code hasLinearFitAtLeast}: {@code Expected PLATFORM memory per task to fit a line with R² of
 * at least 0.900 but its RSS fit had 0.412 (heap 0.998) over 4 points: 5000 tasks 210 MiB RSS 80.0 MiB heap, ...}.
 */
final class ShouldHaveLinearFit extends BasicErrorMessageFactory {

    private ShouldHaveLinearFit(String message) {
        super("%s", unquotedString(message));
    }

    static ErrorMessageFactory shouldHaveLinearFit(MemoryResult actual, double r2) {
        return new ShouldHaveLinearFit("Expected " + actual.kind() + " memory per task to fit a line with R²"
                + " of at least " + fixed(r2) + (actual.kind() == dev.brigade.fixture.TaskKind.PLATFORM
                ? " but its RSS fit had " + fixed(actual.rssR2()) + " (heap " + fixed(actual.heapR2()) + ")"
                : " but its heap fit had " + fixed(actual.heapR2()) + " (RSS " + fixed(actual.rssR2()) + ")") + " over "
                + actual.points().size() + " points: " + actual.points().stream()
                .map(p -> p.tasks() + " tasks " + dev.brigade.measure.Bytes.format(p.rssBytes()) + " RSS "
                        + dev.brigade.measure.Bytes.format(p.heapBytes()) + " heap")
                .collect(Collectors.joining(", ")));
    }

    private static String fixed(double r2) {
        return String.format(Locale.ROOT, "%.3f", r2);
    }
}
