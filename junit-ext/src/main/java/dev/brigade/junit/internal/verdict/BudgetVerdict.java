package dev.brigade.junit.internal.verdict;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.brigade.fixture.Measurement;
import java.util.List;
import org.apiguardian.api.API;

/**
 * One budget limit checked against one result, decided once by {@link BudgetCheck#decide}; the reports, the
 * console and the HTML page only read it.
 *
 * <p>Public for {@code lifecycle}, which passes the verdicts on, and {@code report}, which records them.
 *
 * @param result      the result the verdict belongs to, as the invocation produced it (a brigade, for a limit on
 *                    the memory it measured)
 * @param budget      the budget as written, e.g. {@code @Budget(kind = VIRTUAL, perHop = "2us")}
 * @param metric      the metric the limit is on, e.g. {@code nanosPerHop}
 * @param limit       the limit in the metric's unit
 * @param failure     why the result exceeded the limit with confidence, as {@code BrigadeAssertions} says it, with
 *                    the explanation's lines before its last line; null when it passed
 * @param explanation where the time and allocation of a failed budget's kind go, from a second measurement
 *                    ({@link SecondMeasurement}), as lines of its failure message; empty when it passed
 */
@API(status = INTERNAL, since = "0.1.0")
public record BudgetVerdict(Measurement result, String budget, String metric, double limit, AssertionError failure,
                            List<String> explanation) {

    /** Copies the lines. */
    public BudgetVerdict {
        explanation = List.copyOf(explanation);
    }

    /** A verdict not explained (yet). */
    public BudgetVerdict(Measurement result, String budget, String metric, double limit, AssertionError failure) {
        this(result, budget, metric, limit, failure, List.of());
    }

    /** Whether the result kept within the limit. */
    public boolean passed() {
        return failure == null;
    }

    /** This failed verdict with {@code lines} in its failure message, before the last line (the guide). */
    BudgetVerdict explained(List<String> lines) {
        AssertionError explained = new AssertionError(FailureLines.before(failure.getMessage(), lines),
                failure.getCause());
        return new BudgetVerdict(result, budget, metric, limit, explained, lines);
    }
}
