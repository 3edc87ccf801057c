package dev.brigade.examples.regression;

import static dev.brigade.fixture.TaskKind.VIRTUAL;

import dev.brigade.fixture.BrigadeFixture;
import dev.brigade.fixture.Links;
import dev.brigade.junit.Brigade;
import dev.brigade.junit.Budget;
import java.util.concurrent.BlockingQueue;
import java.util.function.Supplier;

/**
 * The budget on {@link CountingHandOff}: one test, run once for each version of the hand-off by a subclass.
 *
 * <p>{@link RegressionDemoTest} runs both through {@code EngineTestKit}: the good version passes, the regressed one
 * fails with the budget's message. Maven does not discover the nested classes ({@code **}{@code /*$*} is excluded),
 * and an IDE skips them ({@link OnlyInEngineTestKit}), so the deliberate failure never fails a build.
 */
abstract class HandOffBudget {

    /** The version of the hand-off under test: a new one for every link of the brigade. */
    abstract Supplier<BlockingQueue<Object>> handOffs();

    @Brigade(tasks = 50, kinds = VIRTUAL, warmup = "300ms", measure = "1s")
    @Budget(kind = VIRTUAL, perHop = "20us", contextSwitchesPerHop = 0.5)
    void handOffStaysWithinItsBudget(BrigadeFixture brigade) {
        brigade.link(Links.of(handOffs())).measureMemory(false).run();
    }

    /** The hand-off as it was: counts inline. */
    @OnlyInEngineTestKit
    static class Good extends HandOffBudget {
        @Override
        Supplier<BlockingQueue<Object>> handOffs() {
            return CountingHandOff::countingInline;
        }
    }

    /** The hand-off after the change: a platform thread per item. */
    @OnlyInEngineTestKit
    static class Regressed extends HandOffBudget {
        @Override
        Supplier<BlockingQueue<Object>> handOffs() {
            return CountingHandOff::countingOnAThreadOfItsOwn;
        }
    }
}
