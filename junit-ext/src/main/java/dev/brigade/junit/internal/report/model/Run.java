package dev.brigade.junit.internal.report.model;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * One run as {@code brigade-results.json} holds it, the results of every JVM of the run: what each report format
 * renders. Immutable.
 *
 * <p>Public for {@code report}, which builds and renders it beside this package.
 *
 * @param brigade   the Brigade version that wrote it
 * @param createdAt when the files were written, ISO-8601 UTC
 */
@API(status = INTERNAL, since = "0.1.0")
public record Run(String brigade, String createdAt, Machine machine, List<Result> results, List<Finding> findings) {

    public Run {
        results = List.copyOf(results);
        findings = List.copyOf(findings);
    }

    /**
     * A test's results, in the order of the run.
     *
     * <p>Public for {@code report}, which renders a run test by test.
     */
    @API(status = INTERNAL, since = "0.1.0")
    public record Test(String name, List<Result> results) {

        public Test {
            results = List.copyOf(results);
        }
    }

    /** The results by test, each test where its first result is. */
    public List<Test> tests() {
        return byTest(results);
    }

    /** {@code results} by test, each test where its first result is. */
    public static List<Test> byTest(List<Result> results) {
        Map<String, List<Result>> byTest = new LinkedHashMap<>();
        results.forEach(r -> byTest.computeIfAbsent(r.test(), t -> new ArrayList<>()).add(r));
        return byTest.entrySet().stream().map(e -> new Test(e.getKey(), e.getValue())).toList();
    }
}
