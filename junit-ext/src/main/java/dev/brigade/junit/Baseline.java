package dev.brigade.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Compares every result of the test with the baseline stored for this machine, after each invocation, as
 * {@code assertThat(result).isNoWorseThanBaseline()} would: the test fails when a metric is worse than its baseline
 * beyond the tolerance with 95 % confidence.
 *
 * <p>Baselines live in one JSON file per test class under {@value Constants#BASELINE_DIR_DEFAULT} (see
 * {@link Constants#BASELINE_DIR_PROPERTY_NAME}), keyed by a fingerprint of the machine (CPU model, cores, OS, JDK
 * major, the JVM flags that change results). Without a baseline for this machine the test passes and its report
 * says so; record one with {@code -Dbrigade.baseline.update=true} and commit the file. Add more recorded runs, each
 * from its own JVM, with {@code -Dbrigade.baseline.update=add}: a baseline of two or more runs is compared by a
 * prediction interval from their spread, which includes the noise between runs that one run's rounds cannot show.
 *
 * <pre>{@code
 * @Brigade(tasks = 500, kinds = {VIRTUAL, PLATFORM})
 * @Baseline
 * void handOff(BrigadeFixture brigade) {
 *     brigade.run();
 * }
 * }</pre>
 *
 * <p>On a class, it applies to every measured test of the class. Costs ({@code CostMeter}) are single
 * measurements without rounds and are not compared.
 */
@Target({ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(BrigadeExtension.class)
public @interface Baseline {

    /**
     * The metrics to compare, by name ({@code nanosPerHop}, {@code cpuNanosPerHop}, ...); empty (the default)
     * compares each result's main metric: {@code nanosPerHop} of a brigade, {@code nanosPerTask} of a spawn,
     * {@code rssBytesPerTask} and {@code heapBytesPerTask} of memory per task.
     *
     * @return metric names; {@code {}} for each result's main metrics
     */
    String[] metrics() default {};

    /**
     * The slowdown allowed, as a fraction ({@code "0.05"}) or a percentage ({@code "5%"}); empty (the default)
     * takes {@value Constants#BASELINE_TOLERANCE_PROPERTY_NAME}.
     *
     * @return the tolerance as written, e.g. {@code "0.10"} or {@code "10%"}; {@code ""} for the configured one
     */
    String tolerance() default "";
}
