package dev.brigade.junit;

import static dev.brigade.fixture.TaskKind.PLATFORM;
import static dev.brigade.fixture.TaskKind.VIRTUAL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.brigade.fixture.SpawnFixture;
import dev.brigade.fixture.SpawnResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class SpawnTemplateTest {

    @TestKit.TestCase
    static class TwoKinds {
        @Spawn(tasks = 20, kinds = {PLATFORM, VIRTUAL}, warmup = "0ms", measure = "50ms")
        void spawn(SpawnFixture spawn) {
            SpawnResult r = spawn.run();
            assertThat(r.kind()).isEqualTo(spawn.kind());
            assertThat(r.tasks()).isEqualTo(20);
        }
    }

    @Test
    void runs_one_invocation_per_kind_and_publishes_spawn_metrics() {
        EngineExecutionResults results = TestKit.run(TwoKinds.class);

        results.testEvents().assertStatistics(s -> s.started(2).succeeded(2));
        assertThat(TestKit.testNames(results)).containsExactly("[PLATFORM] 20 tasks", "[VIRTUAL] 20 tasks");
        Map<String, List<ReportEntry>> entries = TestKit.entries(results);
        assertThat(TestKit.keyValues(entries.get("[VIRTUAL] 20 tasks"))).containsOnlyKeys(
                "brigade.VIRTUAL.nanosPerTask", "brigade.VIRTUAL.startLatencyNanos",
                "brigade.VIRTUAL.contextSwitchesPerTask", "brigade.VIRTUAL.cpuNanosPerTask",
                "brigade.VIRTUAL.allocatedBytesPerTask");
        assertThat(TestKit.keyValues(entries.get("[PLATFORM] 20 tasks")).values())
                .allSatisfy(v -> assertThat(v).matches(BrigadeTemplateTest.ESTIMATE));
    }
}
