package dev.brigade.junit;

import static dev.brigade.fixture.TaskKind.ASYNC;
import static dev.brigade.fixture.TaskKind.PLATFORM;
import static dev.brigade.fixture.TaskKind.VIRTUAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;

import dev.brigade.fixture.BrigadeFixture;
import dev.brigade.fixture.BrigadeResult;
import dev.brigade.fixture.CostMeter;
import dev.brigade.fixture.LinkType;
import dev.brigade.fixture.SpawnFixture;
import dev.brigade.fixture.TaskKind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class BrigadeTemplateTest {

    /** Estimate text: {@code 1.21 µs [1.18–1.25], 20 samples}. */
    static final String ESTIMATE = "[^\\[]+( \\[.+–.+\\])?, \\d+ samples?(, bimodal)?";

    @TestKit.TestCase
    static class TwoKinds {
        @Brigade(tasks = 20, kinds = {VIRTUAL, PLATFORM}, link = LinkType.PIPE, warmup = "0ms", measure = "50ms")
        void handOff(BrigadeFixture brigade) {
            assertThat(brigade.tasks()).isEqualTo(20);
            assertThat(brigade.link().name()).isEqualTo("PIPE");
            assertThat(brigade.warmup()).isEqualTo(Duration.ZERO);
            assertThat(brigade.measure()).isEqualTo(Duration.ofMillis(50));
            BrigadeResult r = brigade.measureMemory(false).run();
            assertThat(r.tasks()).isEqualTo(20);
            assertThat(r.kind()).isEqualTo(brigade.kind());
        }
    }

    @Test
    void runs_one_invocation_per_kind_with_the_fixture_preconfigured() {
        EngineExecutionResults results = TestKit.run(TwoKinds.class);

        results.testEvents().assertStatistics(s -> s.started(2).succeeded(2));
        assertThat(TestKit.testNames(results)).containsExactly("[VIRTUAL] 20 tasks, PIPE", "[PLATFORM] 20 tasks, PIPE");
        results.containerEvents().assertThatEvents()
                .haveExactly(1, event(container("handOff"), finishedSuccessfully()));
    }

    @Test
    void publishes_every_metric_of_every_result_as_a_report_entry() {
        Map<String, List<ReportEntry>> entries = TestKit.entries(TestKit.run(TwoKinds.class));

        assertThat(entries).containsOnlyKeys("[VIRTUAL] 20 tasks, PIPE", "[PLATFORM] 20 tasks, PIPE");
        Map<String, String> virtual = TestKit.keyValues(entries.get("[VIRTUAL] 20 tasks, PIPE"));
        assertThat(virtual).containsOnlyKeys("brigade.VIRTUAL.nanosPerHop", "brigade.VIRTUAL.cpuNanosPerHop",
                "brigade.VIRTUAL.contextSwitchesPerHop", "brigade.VIRTUAL.allocatedBytesPerHop");
        assertThat(virtual.values()).allSatisfy(v -> assertThat(v).matches(ESTIMATE));
        assertThat(TestKit.keyValues(entries.get("[PLATFORM] 20 tasks, PIPE")))
                .containsKey("brigade.PLATFORM.nanosPerHop");
    }

    @TestKit.TestCase
    static class Scaled {
        @Brigade(tasks = 7, kinds = ASYNC, warmup = "100ms", measure = "2s")
        void brigade(BrigadeFixture brigade, SpawnFixture spawn, CostMeter meter) {
            assertThat(brigade.kind()).isEqualTo(ASYNC);
            assertThat(brigade.tasks()).isEqualTo(7);
            assertThat(brigade.link().name()).isEqualTo("QUEUE");
            assertThat(brigade.warmup()).isEqualTo(Duration.ofMillis(25));
            assertThat(brigade.measure()).isEqualTo(Duration.ofMillis(500));
            // other fixtures get their defaults, scaled too
            assertThat(spawn.warmup()).isEqualTo(SpawnFixture.create().warmup().dividedBy(4));
            assertThat(spawn.measure()).isEqualTo(SpawnFixture.create().measure().dividedBy(4));
            // and report to the test like its own fixtures: brigade_scale_... finds this cost among its entries
            meter.measure(3, () -> { });
        }

        @Spawn(tasks = 3, kinds = {PLATFORM}, warmup = "1s", measure = "4s")
        void spawn(SpawnFixture spawn) {
            assertThat(spawn.kind()).isEqualTo(PLATFORM);
            assertThat(spawn.tasks()).isEqualTo(3);
            assertThat(spawn.warmup()).isEqualTo(Duration.ofMillis(250));
            assertThat(spawn.measure()).isEqualTo(Duration.ofSeconds(1));
        }
    }

    @Test
    void brigade_scale_multiplies_warmup_and_measure_of_injected_fixtures() {
        EngineExecutionResults results = TestKit.run(Scaled.class, Constants.SCALE_PROPERTY_NAME, "0.25");

        results.testEvents().assertStatistics(s -> s.started(2).succeeded(2));
        assertThat(TestKit.testNames(results))
                .containsExactlyInAnyOrder("[ASYNC] 7 tasks, QUEUE", "[PLATFORM] 3 tasks");
        // the CostMeter injected beside the brigade reported its cost of 3 operations to the invocation
        assertThat(TestKit.keyValues(TestKit.entries(results).get("[ASYNC] 7 tasks, QUEUE")).get("brigade.cost"))
                .as("the injected meter's cost").startsWith("wall ").endsWith(", 3 operations");
    }

    @TestKit.TestCase
    static class Adjusted {
        @Brigade(tasks = 500, kinds = VIRTUAL, warmup = "0ms", measure = "50ms")
        void handOff(BrigadeFixture brigade) {
            BrigadeResult floor = brigade.tasks(10).link(LinkType.QUEUE).measureMemory(false).runOneThread();
            BrigadeResult r = brigade.kind(TaskKind.PLATFORM).run();
            assertThat(floor.tasks()).isEqualTo(10);
            assertThat(r.kind()).isEqualTo(PLATFORM);
        }
    }

    @Test
    void the_fixture_stays_adjustable_and_one_thread_results_are_published_as_one_thread() {
        EngineExecutionResults results = TestKit.run(Adjusted.class);

        results.testEvents().assertStatistics(s -> s.started(1).succeeded(1));
        Map<String, List<ReportEntry>> entries = TestKit.entries(results);
        List<ReportEntry> invocation = entries.get("[VIRTUAL] 500 tasks, QUEUE");
        assertThat(invocation).hasSize(2);
        assertThat(invocation.get(0).getKeyValuePairs()).containsKey("brigade.one-thread.nanosPerHop");
        assertThat(invocation.get(1).getKeyValuePairs()).containsKey("brigade.PLATFORM.nanosPerHop");
    }
}
