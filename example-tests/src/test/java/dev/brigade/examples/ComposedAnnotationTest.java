package dev.brigade.examples;

import static dev.brigade.fixture.TaskKind.PLATFORM;
import static dev.brigade.fixture.TaskKind.VIRTUAL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.brigade.fixture.BrigadeFixture;
import dev.brigade.fixture.BrigadeResult;
import dev.brigade.fixture.LinkType;
import dev.brigade.fixture.TaskKind;
import dev.brigade.junit.Brigade;
import dev.brigade.junit.Budget;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;

/**
 * A team's own annotation standing for a brigade and its budget: Brigade's annotations compose like JUnit's own
 * (docs/configuration.md, "Annotations").
 */
class ComposedAnnotationTest {

    /** The hand-off every service of the team measures, with the team's budget. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @Brigade(tasks = 100, kinds = {VIRTUAL, PLATFORM}, link = LinkType.QUEUE, warmup = "300ms", measure = "1s")
    @Budget(kind = VIRTUAL, perHop = "200us")
    @interface TeamHandOff {
    }

    private static final List<TaskKind> KINDS_RUN = new CopyOnWriteArrayList<>();

    @TeamHandOff
    void hand_off_under_the_team_annotation(BrigadeFixture brigade) {
        BrigadeResult result = brigade.run();

        assertThat(result.tasks()).isEqualTo(100);
        KINDS_RUN.add(result.kind());
    }

    @AfterAll
    static void the_composed_annotation_ran_one_invocation_per_kind() {
        assertThat(KINDS_RUN).containsExactly(VIRTUAL, PLATFORM);
    }
}
