package dev.brigade.junit;

import dev.brigade.fixture.TaskKind;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A declarative limit on what one task kind may cost, checked after each invocation of the test against every
 * result of that kind the invocation produced.
 *
 * <p>Use it on a {@link Brigade} or {@link Spawn} test, or on a plain {@code @Test} that takes a fixture parameter,
 * to fail the build when a change makes concurrency dearer. Repeat it for several kinds. Durations are written like
 * {@code "2us"}, {@code "1.5ms"}; sizes like {@code "8KiB"}, {@code "1MiB"}; an empty string or a negative number
 * leaves a limit unset, and a budget must set at least one.
 *
 * <pre>{@code
 * @Brigade(kinds = {VIRTUAL, PLATFORM})
 * @Budget(kind = VIRTUAL, perHop = "2us", contextSwitchesPerHop = 0.1, memoryPerTask = "8KiB")
 * @Budget(kind = PLATFORM, perHop = "100us")
 * void handOff(BrigadeFixture brigade) { brigade.run(); }
 * }</pre>
 *
 * <p>A limit is exceeded only <em>with confidence</em>: when the whole 95 % interval of the measured median is above
 * it, as with {@code BrigadeAssertions}, whose failure messages budgets share. A budget for a kind the test does not
 * run, a malformed value or a limit no result of the invocation measured is a {@code Configuration error}.
 * Absolute limits are per machine: the same hand-off can cost 5× more on another VM of the same type.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Repeatable(Budgets.class)
@ExtendWith(BrigadeExtension.class)
public @interface Budget {

    /**
     * The task kind whose results this budget limits.
     *
     * @return the kind, which the test must run
     */
    TaskKind kind();

    /**
     * Most wall time per hop ({@code nanosPerHop}) of a brigade, like {@code "2us"}.
     *
     * @return a duration with its unit, e.g. {@code "2us"}; {@code ""} for no limit
     */
    String perHop() default "";

    /**
     * Most process CPU per hop ({@code cpuNanosPerHop}) of a brigade, like {@code "2us"}.
     *
     * @return a duration with its unit, e.g. {@code "2us"}; {@code ""} for no limit
     */
    String cpuPerHop() default "";

    /**
     * Most OS context switches per hop ({@code contextSwitchesPerHop}) of a brigade; negative for unset.
     *
     * @return the most context switches per hop, e.g. {@code 0.1}; negative for no limit
     */
    double contextSwitchesPerHop() default -1;

    /**
     * Most resident memory per task ({@code rssBytesPerTask}), like {@code "8KiB"}: from {@code parked(n)} or from a
     * brigade that measured memory.
     *
     * @return a size with its unit, e.g. {@code "8KiB"}; {@code ""} for no limit
     */
    String memoryPerTask() default "";

    /**
     * Most live heap per task ({@code heapBytesPerTask}), like {@code "2KiB"}.
     *
     * @return a size with its unit, e.g. {@code "2KiB"}; {@code ""} for no limit
     */
    String heapPerTask() default "";

    /**
     * Most creation cost per task ({@code nanosPerTask}: create + start + join) of a spawn, like {@code "5us"}.
     *
     * @return a duration with its unit, e.g. {@code "5us"}; {@code ""} for no limit
     */
    String creationCost() default "";

    /**
     * Most start latency ({@code startLatencyNanos}: from {@code start()} to the body) of a spawn, like {@code "50us"}.
     *
     * @return a duration with its unit, e.g. {@code "50us"}; {@code ""} for no limit
     */
    String startLatency() default "";

    /**
     * Most OS context switches per spawned task ({@code contextSwitchesPerTask}); negative for unset.
     *
     * @return the most context switches per task, e.g. {@code 1.5}; negative for no limit
     */
    double contextSwitchesPerTask() default -1;
}
