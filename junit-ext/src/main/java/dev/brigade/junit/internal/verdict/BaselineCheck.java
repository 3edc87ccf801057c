package dev.brigade.junit.internal.verdict;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.brigade.assertj.BrigadeAssertions;
import dev.brigade.fixture.BrigadeResult;
import dev.brigade.fixture.Cost;
import dev.brigade.fixture.Measurement;
import dev.brigade.fixture.MemoryResult;
import dev.brigade.fixture.SpawnResult;
import dev.brigade.junit.internal.baseline.BaselineStore;
import dev.brigade.junit.internal.config.MethodPlan;
import dev.brigade.junit.internal.invocation.InvocationResults;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;
import org.opentest4j.MultipleFailuresError;

/**
 * Checks the results of an invocation of a {@code @Baseline} test against their baselines, through
 * {@code isNoWorseThanBaseline()}, so a declared baseline fails with the assertion's message. Costs are not
 * compared (one measurement, no rounds). For an invocation run in several forks ({@code @Fork(runs = ...)}), the
 * first run's result of each entry stands for all runs: the comparison takes the corresponding results of every
 * run together, once.
 *
 * <p>Public for {@code lifecycle}, whose {@code InvocationVerdicts} decides with it.
 */
@API(status = INTERNAL, since = "0.1.0")
public final class BaselineCheck {

    private BaselineCheck() {
    }

    /** The failure of the comparisons, or null when none regressed (or the method has no {@code @Baseline}). */
    public static AssertionError check(MethodPlan plan, InvocationResults.Collected collected) {
        if (plan.baseline().isEmpty()) {
            return null;
        }
        String[] metrics = plan.baseline().get().metrics().toArray(String[]::new);
        List<AssertionError> failures = new ArrayList<>();
        for (Measurement result : collected.all()) {
            if (!BaselineStore.leads(collected, result)) {
                continue; // compared with the first of its runs, together
            }
            try {
                switch (result) {
                    case BrigadeResult r -> BrigadeAssertions.assertThat(r).isNoWorseThanBaseline(metrics);
                    case SpawnResult r -> BrigadeAssertions.assertThat(r).isNoWorseThanBaseline(metrics);
                    case MemoryResult r -> BrigadeAssertions.assertThat(r).isNoWorseThanBaseline(metrics);
                    case Cost c -> {
                        // a cost meter's one measurement has no baseline
                    }
                }
            } catch (AssertionError e) {
                failures.add(e);
            }
        }
        if (failures.isEmpty()) {
            return null;
        }
        return failures.size() == 1 ? failures.get(0)
                : new MultipleFailuresError("Baselines regressed on " + plan.where(), failures);
    }
}
