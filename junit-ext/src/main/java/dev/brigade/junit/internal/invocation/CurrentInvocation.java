package dev.brigade.junit.internal.invocation;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.brigade.fixture.Measurement;
import dev.brigade.junit.internal.config.MethodPlan;
import dev.brigade.junit.internal.explain.Explained;
import dev.brigade.measure.BaseComparison;
import dev.brigade.measure.BaselineComparison;
import dev.brigade.measure.Estimate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The measured invocation running on this thread, for the assertions that need to know their test
 * ({@code isNoWorseThanBaseline()}). Set by the extension around the test method and its checks; one per thread.
 *
 * <p>Public for {@code lifecycle}, which makes it, and {@code verdict}, {@code baseline}, {@code fork} and {@code
 * report}, which read it.
 *
 * @param context     the invocation's context
 * @param plan        the method's plan
 * @param results     the invocation's results
 * @param comparisons the baseline comparisons of each result, for the run's reports
 * @param recorded    the runs this invocation recorded as the baseline of each entry, so that a second check of the
 *                    same entry (an in-body assertion and {@code @Baseline}) adds its metrics to them instead of
 *                    recording the runs again
 * @param deferred    the metrics that in-body assertions left to {@code @Baseline} in the test's JVM to record, per
 *                    entry: in a fork child those of its body, in the test's JVM those its forks sent back
 * @param base        the {@code @AgainstBase} comparisons of each result, for the run's reports
 * @param explained   what explains a result's failed comparison with the base build, for the run's reports
 */
@API(status = INTERNAL, since = "0.1.0")
public record CurrentInvocation(ExtensionContext context, MethodPlan plan, InvocationResults results,
                         Map<Object, List<BaselineComparison>> comparisons,
                         Map<String, List<Map<String, Estimate>>> recorded,
                         Map<String, Set<String>> deferred, Map<Object, List<BaseComparison>> base,
                         Map<Object, Explained> explained) {

    public CurrentInvocation(ExtensionContext context, MethodPlan plan, InvocationResults results) {
        this(context, plan, results, Collections.synchronizedMap(new IdentityHashMap<>()),
                Collections.synchronizedMap(new HashMap<>()), Collections.synchronizedMap(new HashMap<>()),
                Collections.synchronizedMap(new IdentityHashMap<>()),
                Collections.synchronizedMap(new IdentityHashMap<>()));
    }

    /** Remembers what explains {@code result}'s failed comparison with the base build, for the reports. */
    public void explained(Measurement result, Explained explanation) {
        if (!explanation.isEmpty()) {
            explained.put(result, explanation);
        }
    }

    /** Remembers the comparisons of {@code result} with the base build, for the run's reports. */
    public void comparedWithBase(Measurement result, List<BaseComparison> comparisons) {
        base.computeIfAbsent(result, r -> new ArrayList<>()).addAll(comparisons);
    }

    /** Remembers the baseline comparisons of {@code result}, for the run's reports. */
    public void compared(Measurement result, List<BaselineComparison> regressions) {
        comparisons.computeIfAbsent(result, r -> new ArrayList<>()).addAll(regressions);
    }

    /** Leaves the recording of {@code metrics} of baseline entry {@code entry} to {@code @Baseline}. */
    public void defer(String entry, Collection<String> metrics) {
        deferred.computeIfAbsent(entry, e -> new LinkedHashSet<>()).addAll(metrics);
    }

    private static final ThreadLocal<CurrentInvocation> CURRENT = new ThreadLocal<>();

    public static Optional<CurrentInvocation> get() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** Makes this the current invocation until the returned handle is closed. */
    public AutoCloseable enter() {
        CurrentInvocation previous = CURRENT.get();
        CURRENT.set(this);
        return () -> CURRENT.set(previous);
    }
}
