package dev.brigade.junit.internal.report.model;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import org.apiguardian.api.API;

/**
 * A memory-per-task fit for the report's chart: the populations measured and the two fitted lines
 * ({@code bytes = intercept + slope × tasks}) with their R². Immutable.
 *
 * <p>Public for {@code report}, which builds and renders it beside this package.
 */
@API(status = INTERNAL, since = "0.1.0")
public record Fit(List<Point> points, double rssSlope, double rssIntercept, double heapSlope, double heapIntercept,
                  double rssR2, double heapR2) {

    public Fit {
        points = List.copyOf(points);
    }

    /**
     * One population: parked tasks, resident memory and used heap after GC.
     *
     * <p>Public for {@code report}, which builds and draws the fit.
     */
    @API(status = INTERNAL, since = "0.1.0")
    public record Point(int tasks, long rssBytes, long heapBytes) {
    }
}
