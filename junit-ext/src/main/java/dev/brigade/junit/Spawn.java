package dev.brigade.junit;

import dev.brigade.fixture.SpawnFixture;
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
 * Makes a method a spawn test: it runs once per task kind, each time with a {@link SpawnFixture} parameter
 * preconfigured from this annotation (tasks per batch, kind, warm-up and measurement time, the times multiplied by
 * {@value Constants#SCALE_PROPERTY_NAME}).
 *
 * <p>Use it to measure what creating, starting and joining a task costs, or memory per parked task
 * ({@code spawn.parked(n)}), kind by kind; add {@link Budget}s with {@code creationCost}, {@code startLatency},
 * {@code contextSwitchesPerTask}, {@code memoryPerTask} or {@code heapPerTask}.
 *
 * <pre>{@code
 * @Spawn(tasks = 10_000, kinds = {VIRTUAL, PLATFORM})
 * @Budget(kind = VIRTUAL, creationCost = "5us")
 * void spawn(SpawnFixture spawn) {
 *     spawn.run();
 * }
 * }</pre>
 *
 * <p>Invocations are named like {@code [VIRTUAL] 10000 tasks}. Like {@link Brigade} tests, spawn tests never run at
 * the same time as other measured tests.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestTemplate
@ExtendWith(BrigadeExtension.class)
@ResourceLock(value = Constants.MEASUREMENT_LOCK, mode = ResourceAccessMode.READ_WRITE)
public @interface Spawn {

    /**
     * Tasks per batch (at least 1).
     *
     * @return how many tasks one batch creates, starts and joins; default 1,000
     */
    int tasks() default SpawnFixture.DEFAULT_TASKS;

    /**
     * The task kinds to run, one invocation each, in this order (at least one, none twice).
     *
     * @return the kinds, one invocation per kind; default {@code VIRTUAL} then {@code PLATFORM}
     */
    TaskKind[] kinds() default {TaskKind.VIRTUAL, TaskKind.PLATFORM};

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
     * @return a duration with its unit, e.g. {@code "1s"}; the cap, as in {@code SpawnFixture.measure}
     */
    String measure() default "1s";
}
