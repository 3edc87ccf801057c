package dev.brigade.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs each invocation of the test in a fresh child JVM: the same JDK and class path, the test method's body
 * executed there through the JUnit Platform Launcher, so what it sees ({@code Runtime.availableProcessors()}, the
 * virtual-thread scheduler's settings, a fresh heap) is the child's. The outcome (pass, or the failure with its
 * message and stack trace) and every result come back to this JVM, where budgets, baselines and report entries
 * treat them as results measured here.
 *
 * <pre>{@code
 * @Brigade(tasks = 500, kinds = {VIRTUAL, ASYNC})
 * @Fork(cpus = "0", parallelism = 1)      // one CPU, one carrier thread
 * void handOffOnOneCpu(BrigadeFixture brigade) {
 *     brigade.run();
 * }
 * }</pre>
 *
 * <p>The child's output reaches this JVM's, each line prefixed with {@code [fork KIND method]} (the kind left out
 * for a test without one, {@code run i/n} added with {@link #runs()}). A child that exits non-zero,
 * crashes or outlives {@value Constants#FORK_TIMEOUT_PROPERTY_NAME} fails the test with its exit status and the last
 * lines of its error output, and is killed with its descendants. {@code brigade.fork.enabled=false} runs the test
 * in this JVM instead (for a debugger), with a report entry saying so. {@link #runs()} runs each invocation in
 * several fresh JVMs, one after another, for baselines that see the drift from one JVM to the next.
 */
@Target({ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(BrigadeExtension.class)
public @interface Fork {

    /**
     * More arguments for the child JVM, e.g. {@code "-Xss256k"}; heap, stack and GC flags of this JVM are inherited.
     *
     * @return JVM options, none blank; {@code {}} for none
     */
    String[] jvmArgs() default {};

    /**
     * The CPUs the child may run on, as {@code taskset -c} takes them: {@code "0"}, {@code "0-1"}, {@code "0,2"};
     * empty for all. Needs Linux and {@code taskset} (util-linux).
     *
     * @return a CPU list such as {@code "0-1"}; {@code ""} for every CPU
     */
    String cpus() default "";

    /**
     * The virtual-thread scheduler's parallelism in the child ({@code jdk.virtualThreadScheduler.parallelism}, and
     * {@code maxPoolSize} the same, so no carrier is added): the number of carrier threads. 0 (the default) leaves
     * the JDK's choice, the number of available processors.
     *
     * @return the carrier threads of the child's virtual-thread scheduler, at least 1; 0 for the JDK's default
     */
    int parallelism() default 0;

    /**
     * How many fresh JVMs each invocation runs in, one after another, from 1 to 100: each a full child as with one
     * run, with the same timeout. The invocation fails with the first child that fails, and the others are not
     * started. Every child's results come back; a {@link Baseline} compares the corresponding results of all runs
     * together (their spread from JVM to JVM is what a baseline comparison has to see) and
     * {@code brigade.baseline.update} records all of them as the baseline's runs. With
     * {@code brigade.fork.enabled=false} the invocation runs once, in this JVM.
     *
     * @return the number of child JVMs per invocation, from 1 to 100; default 1
     */
    int runs() default 1;
}
