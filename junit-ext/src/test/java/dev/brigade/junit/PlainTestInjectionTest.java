package dev.brigade.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.brigade.fixture.BrigadeFixture;
import dev.brigade.fixture.Cost;
import dev.brigade.fixture.CostMeter;
import dev.brigade.fixture.LinkType;
import dev.brigade.fixture.SpawnFixture;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class PlainTestInjectionTest {

    @TestKit.TestCase
    @ExtendWith(BrigadeExtension.class)
    static class Injected {
        @Test
        void defaults(BrigadeFixture brigade, SpawnFixture spawn) {
            assertThat(brigade.tasks()).isEqualTo(BrigadeFixture.DEFAULT_TASKS);
            assertThat(brigade.warmup()).isEqualTo(BrigadeFixture.DEFAULT_WARMUP.dividedBy(10));
            assertThat(brigade.measure()).isEqualTo(BrigadeFixture.DEFAULT_MEASURE.dividedBy(10));
            assertThat(spawn.tasks()).isEqualTo(SpawnFixture.DEFAULT_TASKS);
            assertThat(spawn.measure()).isEqualTo(BrigadeFixture.DEFAULT_MEASURE.dividedBy(10));
        }

        @Test
        void costOfAPipeline(CostMeter meter) {
            Cost cost = meter.measure(100, () -> IntStream.range(0, 100)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> i * 2).thenApply(x -> x + 1))
                    .toList().forEach(CompletableFuture::join));
            assertThat(cost.operations()).isEqualTo(100);
        }

        @Test
        void oneThreadFloor(BrigadeFixture brigade) {
            brigade.tasks(10).link(LinkType.QUEUE).warmup(Duration.ZERO).measure(Duration.ofMillis(30)).runOneThread();
        }

        @Test
        void unmeasured() {
        }
    }

    @Test
    void plain_tests_get_fixtures_with_the_defaults_scaled_and_publish_their_results() {
        EngineExecutionResults results = TestKit.run(Injected.class, Constants.SCALE_PROPERTY_NAME, "0.1");

        results.testEvents().assertStatistics(s -> s.started(4).succeeded(4));
        Map<String, List<ReportEntry>> entries = TestKit.entries(results);
        assertThat(entries).containsOnlyKeys("costOfAPipeline(CostMeter)", "oneThreadFloor(BrigadeFixture)");
        assertThat(TestKit.keyValues(entries.get("costOfAPipeline(CostMeter)")).get("brigade.cost"))
                .startsWith("wall ").endsWith(", 100 operations");
        assertThat(TestKit.keyValues(entries.get("oneThreadFloor(BrigadeFixture)")))
                .containsKeys("brigade.one-thread.nanosPerHop", "brigade.one-thread.contextSwitchesPerHop");
    }

    @TestKit.TestCase
    static class WithoutExtension {
        @Test
        void handOff(BrigadeFixture brigade) {
            brigade.run();
        }
    }

    @Test
    void a_fixture_parameter_without_the_extension_gets_junits_no_resolver_message() {
        TestKit.run(WithoutExtension.class).testEvents().assertThatEvents().haveExactly(1, event(test("handOff"),
                finishedWithFailure(instanceOf(ParameterResolutionException.class), message(m -> m.startsWith(
                        "No ParameterResolver registered for parameter [dev.brigade.fixture.BrigadeFixture ")
                        && m.contains("WithoutExtension.handOff(dev.brigade.fixture.BrigadeFixture)")))));
    }

    @TestKit.TestCase
    @ExtendWith(BrigadeExtension.class)
    static class InConstructor {
        InConstructor(CostMeter meter) {
        }

        @Test
        void test() {
        }
    }

    @Test
    void a_fixture_in_a_constructor_is_refused_with_what_to_do() {
        TestKit.run(InConstructor.class).testEvents().assertThatEvents().haveExactly(1, event(test("test"),
                finishedWithFailure(instanceOf(ParameterResolutionException.class),
                        message(m -> m.contains("Brigade injects CostMeter into test methods (and @BeforeEach"
                                + " methods), not into") && m.contains("CostMeter.create()")))));
    }

    @TestKit.TestCase
    @ExtendWith(BrigadeExtension.class)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class KeptPastItsTest {
        static CostMeter kept;

        @Test
        @Order(1)
        void keep(CostMeter meter) {
            kept = meter;
        }

        @Test
        @Order(2)
        void useLater() {
            kept.measure(() -> { });
        }
    }

    @Test
    void a_fixture_kept_past_its_test_fails_when_used_instead_of_reporting_into_nowhere() {
        TestKit.run(KeptPastItsTest.class).testEvents().assertThatEvents().haveExactly(1, event(test("useLater"),
                finishedWithFailure(instanceOf(IllegalStateException.class), message(
                        "this fixture was injected into the test method [PlainTestInjectionTest.KeptPastItsTest#keep],"
                                + " which has ended; a fixture belongs to its test: create your own with"
                                + " BrigadeFixture.create(), SpawnFixture.create() or CostMeter.create() to use one"
                                + " elsewhere"))));
    }
}
