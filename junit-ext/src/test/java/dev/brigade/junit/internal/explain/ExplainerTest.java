package dev.brigade.junit.internal.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The ranking rules of {@link Explainer} that need no recording. */
class ExplainerTest {

    private static final String ENCODE = "example.Codec.encode()";
    private static final String CONDITION = "java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionNode";

    private static Explanation.MethodShift moved(String method, double baseNanos, double currentNanos) {
        return new Explanation.MethodShift(method, 0, 0, 0, 0, currentNanos, baseNanos, null, false);
    }

    @Test
    void brigades_own_methods_come_after_the_code_under_test_each_part_in_its_order() {
        List<Explanation.MethodShift> moves = List.of(moved("dev.brigade.fixture.Links$QueueLink.send(byte)", 8_000,
                        13_000), moved("example.Codec.encode()", 3_000, 7_000),
                moved("dev.brigade.fixture.Chain$Task.run()", 20_000, 23_000),
                moved("java.util.concurrent.ArrayBlockingQueue.put(Object)", 1_000, 1_500),
                moved("example.Codec.decode()", 6_000, 6_100));

        assertThat(Explainer.codeUnderTestFirst(moves)).extracting(Explanation.MethodShift::method).containsExactly(
                "example.Codec.encode()", "java.util.concurrent.ArrayBlockingQueue.put(Object)",
                "example.Codec.decode()", "dev.brigade.fixture.Links$QueueLink.send(byte)",
                "dev.brigade.fixture.Chain$Task.run()");
    }

    @Test
    void a_user_class_whose_package_only_starts_like_brigades_is_code_under_test() {
        List<Explanation.MethodShift> moves = List.of(moved("dev.brigade.fixture.Links$QueueLink.send(byte)", 0, 9),
                moved("dev.brigadeer.Codec.encode()", 0, 1));

        assertThat(Explainer.codeUnderTestFirst(moves)).extracting(Explanation.MethodShift::method)
                .containsExactly("dev.brigadeer.Codec.encode()", "dev.brigade.fixture.Links$QueueLink.send(byte)");
    }

    /**
     * Twenty measured rounds of 10 ms and 100 hops, current and base in turns, from {@link Instant#EPOCH}, both sides
     * on one brigade whose two threads ran both sides.
     */
    private static Explainer.Recorded pairOnOneBrigade() {
        List<Explainer.Span> rounds = new ArrayList<>();
        for (int k = 0; k < 20; k++) {
            Instant start = Instant.EPOCH.plus(Duration.ofMillis(10L * k));
            rounds.add(new Explainer.Span(new Explainer.Round(k % 2 == 0 ? "current" : "base", k / 2, start,
                    start.plus(Duration.ofMillis(10)), 100), "measured"));
        }
        Explainer.Recorded recorded = new Explainer.Recorded(rounds, Sampler.EXECUTION, false);
        recorded.threadSides.put(1L, Set.of("current", "base"));
        recorded.threadSides.put(2L, Set.of("current", "base"));
        return recorded;
    }

    /** A sample at {@code millis} of thread {@code thread}, its first, weighing what the thread allocated since 0. */
    private static Explainer.Allocation sample(Explainer.Recorded recorded, long millis, long thread, String type,
                                               String site, long bytes) {
        Instant at = Instant.EPOCH.plus(Duration.ofMillis(millis));
        Explainer.Round round = recorded.rounds.stream().filter(r -> !r.start().isAfter(at) && !r.end().isBefore(at))
                .findFirst().orElseThrow();
        return new Explainer.Allocation(round, type, site, bytes, thread, at, null);
    }

    @Test
    void a_threads_few_samples_share_its_weight_between_the_sides_and_each_side_its_measured_bytes() {
        // the current build allocates 560 B a hop (528 of them encode's new byte[]), the base build 34 B; each of the
        // two threads left one sample, near the end, weighing everything it allocated in both sides' rounds
        Explainer.Recorded recorded = pairOnOneBrigade();
        recorded.allocations.add(sample(recorded, 185, 1, "byte[]", ENCODE, 9_500 * 560 / 10 + 900 * 34));
        recorded.allocations.add(sample(recorded, 195, 2, CONDITION, CONDITION + ".<init>()", 1_000 * 560
                + 950 * 34));

        recorded.shareWeights(new double[] {560, 34});
        List<Explanation.AllocationShift> shifts = recorded.allocationShifts(recorded.counts("current", 0),
                recorded.counts("base", 0), new double[] {560, 34});

        // by the weights' sums, the base side's one sample made the queue link's node 592 B a hop and led
        assertThat(shifts).extracting(Explanation.AllocationShift::site).containsExactly(ENCODE,
                CONDITION + ".<init>()");
        assertThat(shifts.get(0).bytesPerUnitCurrent()).isCloseTo(560, within(1e-9));
        assertThat(shifts.get(0).bytesPerUnitBase()).isZero();
        assertThat(shifts.get(1).bytesPerUnitBase()).isCloseTo(34, within(1e-9));
    }

    @Test
    void a_side_whose_allocation_was_not_measured_keeps_its_weights_per_unit() {
        Explainer.Recorded recorded = pairOnOneBrigade();
        recorded.allocations.add(sample(recorded, 5, 1, "byte[]", ENCODE, 40_000));
        recorded.allocations.add(sample(recorded, 25, 1, "byte[]", ENCODE, 20_000));

        List<Explanation.AllocationShift> shifts = recorded.allocationShifts(recorded.counts("current", 0),
                recorded.counts("base", 0), new double[] {Double.NaN, Double.NaN});

        // 60,000 bytes over the current side's 1,000 hops
        assertThat(shifts).singleElement().satisfies(s -> {
            assertThat(s.bytesPerUnitCurrent()).isEqualTo(60.0);
            assertThat(s.samplesCurrent()).isEqualTo(2);
        });
    }

    @Test
    void names_no_site_when_the_current_sides_rounds_hold_no_allocation_sample() {
        Explainer.Recorded recorded = pairOnOneBrigade();
        recorded.allocations.add(sample(recorded, 15, 1, CONDITION, CONDITION + ".<init>()", 40_000));
        Explanation.SideCounts current = recorded.counts("current", 0);
        Explanation.SideCounts base = recorded.counts("base", 0);

        assertThat(Explainer.noSites(current, base, 560)).isEqualTo("none named, for the current side's rounds hold"
                + " no allocation sample (1 → 0): JFR samples a thread when it takes a new TLAB, which the threads of"
                + " a platform brigade do seldom, and all at once: -XX:TLABSize=16k -XX:-ResizeTLAB gives more"
                + " (docs/explanations.md)");
        assertThat(Explainer.noSites(current, base, 0)).as("nothing allocated, nothing to name").isNull();
        assertThat(Explainer.noSites(base, current, 34)).as("the current side has a sample").isNull();
        Explanation explained = new Explanation("hop", Sampler.EXECUTION, List.of(), 0, 0, List.of(),
                Explainer.noSites(current, base, 560), current, base, null, java.util.Optional.empty(), List.of());
        assertThat(explained.lines()).contains("  allocation sites: " + Explainer.noSites(current, base, 560))
                .noneMatch(l -> l.startsWith("  allocation sites that moved"));
    }
}
