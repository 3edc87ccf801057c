package dev.brigade.junit.internal.verdict;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.brigade.fixture.Measurement;
import org.apiguardian.api.API;

/**
 * One budget limit checked against one result, decided once by {@link BudgetCheck#decide}; the reports, the
 * console and the HTML page only read it.
 *
 * <p>Public for {@code lifecycle}, which passes the verdicts on, and {@code report}, which records them.
 *
 * @param result  the result the verdict belongs to, as the invocation produced it (a brigade, for a limit on the
 *                memory it measured)
 * @param budget  the budget as written, e.g. {@code @Budget(kind = VIRTUAL, perHop = "2us")}
 * @param metric  the metric the limit is on, e.g. {@code nanosPerHop}
 * @param limit   the limit in the metric's unit
 * @param failure why the result exceeded the limit with confidence, as {@code BrigadeAssertions} says it; null when it
 *                passed
 */
@API(status = INTERNAL, since = "0.1.0")
public record BudgetVerdict(Measurement result, String budget, String metric, double limit, AssertionError failure) {

    /** Whether the result kept within the limit. */
    public boolean passed() {
        return failure == null;
    }
}
