package dev.brigade.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.cause;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.brigade.junit.internal.TestSeed;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link TestSeed}: a test's random inputs come from one seed, which its failure names with how to rerun it. */
class TestSeedTest {

    @TestKit.TestCase
    @ExtendWith(TestSeed.class)
    static class DrawsAndFails {
        @Test
        void fails() {
            throw new IllegalStateException("drew " + TestSeed.random("DrawsAndFails").nextInt(1000));
        }
    }

    @Test
    void a_failure_names_the_seed_and_the_property_that_reruns_it() {
        int drawn = new Random(TestSeed.SEED ^ "DrawsAndFails".hashCode()).nextInt(1000);

        TestKit.run(DrawsAndFails.class).testEvents().assertThatEvents().haveExactly(1, event(test("fails"),
                finishedWithFailure(instanceOf(AssertionError.class), message("drew " + drawn + " (random inputs from"
                        + " seed " + TestSeed.SEED + ": rerun with -Dbrigade.test.seed=" + TestSeed.SEED + ")"),
                        cause(instanceOf(IllegalStateException.class)))));
    }

    @Test
    void the_same_name_draws_the_same_inputs_in_one_run() {
        assertThat(TestSeed.random("a").ints(5).toArray()).isEqualTo(TestSeed.random("a").ints(5).toArray());
    }
}
