package dev.brigade.junit.internal;

import java.util.Random;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.TestAbortedException;

/**
 * The one seed of a test run's random inputs: chosen at random for each run, or given with
 * {@code -Dbrigade.test.seed=N} to run again with the inputs of a failed run. {@link ForAll} draws from it; a test
 * that draws its own inputs from {@link #random(String)} and is annotated {@code @ExtendWith(TestSeed.class)} has
 * the seed named in its failure. Stateless after the seed is chosen.
 */
public final class TestSeed implements TestExecutionExceptionHandler {

    /** The system property that fixes the seed. */
    public static final String PROPERTY = "brigade.test.seed";

    /** The run's seed. */
    public static final long SEED = Long.getLong(PROPERTY, new Random().nextLong());

    /** Random inputs for {@code name} (a test or a property): its own sequence, fixed by the run's seed. */
    public static Random random(String name) {
        return new Random(SEED ^ name.hashCode());
    }

    /** How a failure names the seed: {@code seed N: rerun with -Dbrigade.test.seed=N}. */
    public static String rerun() {
        return "seed " + SEED + ": rerun with -D" + PROPERTY + "=" + SEED;
    }

    /** Names the seed in the failure of a test that drew random inputs; passes an aborted test's exception on. */
    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        if (failure instanceof TestAbortedException || String.valueOf(failure.getMessage()).contains(rerun())) {
            throw failure;
        }
        throw new AssertionError(failure.getMessage() + " (random inputs from " + rerun() + ")", failure);
    }
}
