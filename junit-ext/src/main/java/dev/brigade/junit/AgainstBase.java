package dev.brigade.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Measures the test against the base build — the code before the change — in the same JVM, its rounds
 * alternating with the base side's, and fails when the current build is slower beyond the tolerance with
 * confidence. Use it to gate a change on a shared CI machine, where a stored baseline drifts more between JVMs
 * than the regression to catch.
 *
 * <p>The base build is {@value Constants#BASE_CLASSPATH_PROPERTY_NAME}: its class directories and the jars that
 * differ from the current build. The test class is loaded again from there (child-first), so that
 * {@code new Codec()} in the body means the base build's {@code Codec}; Brigade and JUnit are shared. Without it the
 * test runs as an ordinary measured test, and its report entry says that no base build was given.
 *
 * <p>When both sides build brigades of the same shape (kind, tasks, built-in link, Brigade's own threads), both
 * sides' rounds run on one of them, the current side's: its tasks run the base build's work in the base side's rounds,
 * so that the two sides differ by their code alone, not by two brigades' hand-offs drifting apart (which moved the
 * ratio of identical builds by a robust SD of 1.6–3.4 %; docs/methodology.md, "The per-JVM offset").
 *
 * <pre>{@code
 * @Brigade(tasks = 500, kinds = VIRTUAL)
 * @AgainstBase(tolerance = "5%")
 * void roundTrip(BrigadeFixture brigade) {
 *     brigade.work(new Codec()::roundTrip).run();
 * }
 * }</pre>
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(BrigadeExtension.class)
public @interface AgainstBase {

    /**
     * The metrics to compare, by name ({@code nanosPerHop}, {@code cpuNanosPerHop}, {@code contextSwitchesPerHop},
     * {@code allocatedBytesPerHop}, and the same per task of a spawn); empty (the default) compares the main
     * metric: {@code nanosPerHop} of a brigade, {@code nanosPerTask} of a spawn.
     *
     * @return metric names; {@code {}} for the main metric
     */
    String[] metrics() default {};

    /**
     * The slowdown allowed, as a fraction ({@code "0.05"}) or a percentage ({@code "5%"}); empty (the default)
     * takes {@value Constants#BASE_TOLERANCE_PROPERTY_NAME}.
     *
     * @return the tolerance as written, e.g. {@code "0.05"} or {@code "5%"}; {@code ""} for the configured one
     */
    String tolerance() default "";

    /**
     * How long the comparison may measure at most: it stops as soon as its interval is decided (wholly above or
     * below {@code 1 + tolerance}, after 20 pairs of rounds at least), else after the longer of this and the
     * fixture's own {@code measure} ({@code @Brigade}'s, {@code @Spawn}'s, or a plain test's fixture's default), per
     * side; a failed verdict stops it only after 2 s of pairs, which its explanation's samples need. Scaled by
     * {@value Constants#SCALE_PROPERTY_NAME} as {@code measure} is; a {@code measure(...)} the test's body sets
     * itself wins. 5 s by default, a cap that a comparison seldom reaches: in rounds of 10 ms a 500-task brigade 10 %
     * slower per hop was caught 100 times in 100 for each kind, with no false alarm in 200 comparisons of identical
     * builds, the median test taking 1.7–3.7 s, the longest 4.8 s (docs/methodology.md, "Shorter paired rounds").
     *
     * @return a duration such as {@code "5s"} or {@code "500ms"}
     */
    String measure() default "5s";
}
