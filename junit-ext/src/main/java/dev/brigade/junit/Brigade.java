package dev.brigade.junit;

import dev.brigade.fixture.BrigadeFixture;
import dev.brigade.fixture.LinkType;
import dev.brigade.fixture.TaskKind;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Makes a method a brigade test: it runs once per task kind, each time with a {@link BrigadeFixture} parameter
 * preconfigured from this annotation (tasks, kind, link, warm-up and measurement time, the times multiplied by
 * {@value Constants#SCALE_PROPERTY_NAME}).
 *
 * <p>Use it to measure the cost of a hand-off between tasks and to compare kinds side by side; add {@link Budget}s
 * for declarative limits, or assert on the result with {@code BrigadeAssertions.assertThat(...)}. The fixture is
 * still a builder: change it in the method before {@code run()} when the annotation cannot say what you need.
 *
 * <pre>{@code
 * @Brigade(tasks = 500, kinds = {VIRTUAL, PLATFORM}, link = LinkType.QUEUE)
 * @Budget(kind = VIRTUAL, perHop = "2us")
 * void handOff(BrigadeFixture brigade) {
 *     assertThat(brigade.run()).contextSwitchesPerHop().isAtMost(0.1);
 * }
 * }</pre>
 *
 * <p>Invocations are named like {@code [VIRTUAL] 500 tasks, QUEUE}. Measured tests never run at the same time as
 * each other, also under JUnit's parallel execution (they hold {@link Constants#MEASUREMENT_LOCK}). A value that
 * cannot run (no kinds, {@code tasks = 0}, {@code measure = "2 parsecs"}) fails the test with a
 * {@code Configuration error} before anything runs.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestTemplate
@ExtendWith(BrigadeExtension.class)
@ResourceLock(value = Constants.MEASUREMENT_LOCK, mode = ResourceAccessMode.READ_WRITE)
public @interface Brigade {

    /**
     * Tasks in the chain (at least 1).
     *
     * @return how many tasks pass the token around the chain; default 500
     */
    int tasks() default BrigadeFixture.DEFAULT_TASKS;

    /**
     * The task kinds to run, one invocation each, in this order (at least one, none twice).
     *
     * @return the kinds, one invocation per kind; default {@code VIRTUAL} then {@code PLATFORM}
     */
    TaskKind[] kinds() default {TaskKind.VIRTUAL, TaskKind.PLATFORM};

    /**
     * The links between the tasks.
     *
     * @return the link type; default {@code QUEUE}
     */
    LinkType link() default LinkType.QUEUE;

    /**
     * Warm-up before measuring, like {@code "300ms"} (zero allowed); multiplied by {@code brigade.scale}.
     *
     * @return a duration with its unit, e.g. {@code "300ms"} or {@code "0s"}
     */
    String warmup() default "300ms";

    /**
     * The most time to measure, like {@code "1s"} (more than zero); multiplied by {@code brigade.scale}. A run stops
     * earlier once the 95 % interval of wall time is within the fixture's {@code precision} of the median (±3 % by
     * default, after at least 10 rounds); {@code precision(0)} on the fixture measures the whole time.
     *
     * @return a duration with its unit, e.g. {@code "1s"}; the cap, as in {@code BrigadeFixture.measure}
     */
    String measure() default "1s";
}
