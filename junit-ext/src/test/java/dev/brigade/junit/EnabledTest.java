package dev.brigade.junit;

import static dev.brigade.fixture.TaskKind.VIRTUAL;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.skippedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.test;

import dev.brigade.fixture.BrigadeFixture;
import dev.brigade.fixture.CostMeter;
import dev.brigade.fixture.SpawnFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class EnabledTest {

    @TestKit.TestCase
    @ExtendWith(BrigadeExtension.class)
    static class Measured {
        @Brigade(tasks = 20, kinds = VIRTUAL)
        void brigade(BrigadeFixture brigade) {
            brigade.run();
        }

        @Spawn(tasks = 20, kinds = VIRTUAL)
        void spawn(SpawnFixture spawn) {
            spawn.run();
        }

        @Test
        void plain(CostMeter meter) {
            meter.measure(() -> { });
        }

        @Test
        void unmeasured() {
        }
    }

    @Test
    void brigade_enabled_false_skips_measured_tests_with_a_reason() {
        EngineExecutionResults results = TestKit.run(Measured.class, Constants.ENABLED_PROPERTY_NAME, "false");

        String reason = "brigade.enabled = false: measured tests are skipped";
        results.containerEvents().assertThatEvents()
                .haveExactly(1, event(container("brigade("), skippedWithReason(reason)))
                .haveExactly(1, event(container("spawn("), skippedWithReason(reason)));
        results.testEvents().assertThatEvents()
                .haveExactly(1, event(test("plain"), skippedWithReason(reason)))
                .haveExactly(1, event(test("unmeasured"), finishedSuccessfully()));
        results.testEvents().assertStatistics(s -> s.skipped(1).started(1).succeeded(1));
    }
}
