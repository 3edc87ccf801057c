package dev.brigade.junit.internal.explain;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.brigade.fixture.BrigadeResult;
import dev.brigade.fixture.Measurement;
import dev.brigade.fixture.TaskKind;
import org.apiguardian.api.API;

/**
 * The JFR samples a time explanation divides a side's CPU time by: JFR's execution sampler, or JDK 25's CPU-time
 * sampler (JEP 509, Linux), which {@link PairedRecording} records beside it where it exists.
 *
 * <p>Which, by what was measured on the 2-vCPU CI machine (JDK 25, 2026-12-06; docs/methodology.md, "Execution
 * samples misplace a platform brigade's time"), each method of a hop also timed with {@code System.nanoTime()}
 * around it in the JVMs that recorded (16 comparisons of a 20-task {@code PLATFORM} brigade whose base build's
 * {@code encode} does a third of the steps): {@code encode} took 0.53 of {@code decode}'s time on the base side and
 * 1.15 on the current side (medians). Execution samples gave it 0.64 and 0.88 of {@code decode}'s samples, and the
 * unchanged {@code decode} 1.41 times the samples per hop on the slower side: a platform brigade's threads block at
 * every hop, and this sampler misplaces their time. CPU-time samples gave 0.46 and 1.04, {@code decode} 1.01 times.
 * With virtual threads, whose carriers do not block at every hop, execution samples follow the timing (0.49 and
 * 1.04 where it took 0.45 and 1.10) and come twice as often as CPU-time samples, so they stay. A spawn's platform
 * threads live too briefly for CPU-time samples (a thread is sampled once per
 * {@value PairedRecording#CPU_TIME_THROTTLE} of its own CPU time), so it keeps execution samples too.
 *
 * <p>Public for {@code base} and {@code verdict}, which choose it for the result they explain.
 */
@API(status = INTERNAL, since = "0.1.0")
public enum Sampler {

    /** {@code jdk.ExecutionSample}: a sample every millisecond of a thread that runs Java. */
    EXECUTION("jdk.ExecutionSample", "execution samples", 100,
            "JFR samples threads running Java; platform threads that block at every hop give few"),
    /**
     * {@code jdk.CPUTimeSample}: a sample per millisecond of a thread's CPU time, at most one per tick of the kernel
     * (250 Hz here): 65–92 a side in a 1 s comparison of a 20-task platform brigade, 104–142 in 3 s. At 50 a side,
     * the slower method headed all 16 such comparisons explained again (ExplainExperiment reanalyse), where
     * execution samples, at 100, named it in 11 of 16 with enough samples.
     */
    CPU_TIME(PairedRecording.CPU_TIME_SAMPLE, "CPU-time samples", 50,
            "a thread is sampled once per " + PairedRecording.CPU_TIME_THROTTLE + " of its CPU time, at the kernel's"
                    + " tick");

    private final String event;
    private final String words;
    private final int minimum;
    private final String few;

    Sampler(String event, String words, int minimum, String few) {
        this.event = event;
        this.words = words;
        this.minimum = minimum;
        this.few = few;
    }

    /** The samples that explain {@code result}'s time: CPU-time samples for a platform brigade, else execution. */
    public static Sampler of(Measurement result) {
        return result instanceof BrigadeResult b && b.kind() == TaskKind.PLATFORM ? CPU_TIME : EXECUTION;
    }

    /** The JFR event. */
    String event() {
        return event;
    }

    /** How the explanation names them: {@code execution samples}. */
    String words() {
        return words;
    }

    /** The fewest a side needs for a time explanation. */
    int minimum() {
        return minimum;
    }

    /** Why a measurement may give too few of them, for the line that says so. */
    String few() {
        return few;
    }
}
