package dev.brigade.junit.internal.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The ranking rules of {@link Explainer} that need no recording. */
class ExplainerTest {

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
}
