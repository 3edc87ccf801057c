package dev.brigade.junit.internal.explain;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;
import jdk.jfr.RecordingState;
import org.apiguardian.api.API;

/**
 * A JFR recording of the paired rounds of an {@code @AgainstBase} invocation, in the JVM where both sides run: started
 * before the base side starts, written to {@code <report dir>/<name>.jfr} when both sides have finished; also of the
 * second measurement of a failed {@code @Budget} ({@code verdict.SecondMeasurement}). In memory
 * ({@code setToDisk(false)}): no chunk is left in JFR's repository once it is closed; but to disk when another
 * recording runs to disk in this JVM (a user's {@code -XX:StartFlightRecording}, a profiler), whose chunks then hold
 * every event, this recording's too. Not thread-safe: the thread that runs the invocation starts and finishes it.
 *
 * <p>What it records, and why at these settings (measured on the 2-vCPU CI machine, JDK 25, docs/explanations.md):
 * <ul>
 *   <li>{@code jdk.ExecutionSample} every {@value #SAMPLE_PERIOD_MILLIS} ms: in a 1 s comparison of 20 tasks,
 *       233–422 samples a side for {@code VIRTUAL}, 84–195 for {@code PLATFORM}, whose threads block in the kernel
 *       at every hop, where this sampler does not see them;</li>
 *   <li>{@code jdk.CPUTimeSample} (JDK 25's CPU-time sampler, JEP 509, Linux only; where this JVM has it) at a
 *       throttle of {@value #CPU_TIME_THROTTLE}: a sample per millisecond of a thread's CPU time, at most one per
 *       kernel tick (250 Hz here), 64–100 a side in the same 1 s comparison of a platform brigade. Fewer, but they
 *       follow each method's time where execution samples of a platform brigade misplace it ({@link Sampler}), so a
 *       platform brigade's time explanation uses them;</li>
 *   <li>{@code jdk.ObjectAllocationSample} at {@value #ALLOCATION_THROTTLE}: JFR's profiling setting; each sample's
 *       weight is the bytes its thread allocated since the last one, so the bytes add up whatever the rate;</li>
 *   <li>parks, monitor waits and enters and pinned virtual threads that last at least
 *       {@value #STALL_THRESHOLD_MILLIS} ms, the pinned ones with their stacks, every garbage collection, and
 *       Brigade's own rounds ({@code dev.brigade.Round}). A task of a brigade parks at every hop for as long as the
 *       token takes to come round, about 7 ms for 500 platform threads here: at a threshold of 1 ms with stacks,
 *       every such park was recorded, and a 500-task {@code PLATFORM} hop took 19.2 µs instead of 13.9 µs (+38 %,
 *       medians of 6 fresh JVMs each, 2026-12-06); at 20 ms without their stacks, 14.6 µs (docs/methodology.md,
 *       "What the recording costs a hop").</li>
 * </ul>
 *
 * <p>Public for {@code base}, which records the paired rounds with it.
 */
@API(status = INTERNAL, since = "0.1.0")
public final class PairedRecording implements AutoCloseable {

    /** The period of {@code jdk.ExecutionSample}. */
    static final int SAMPLE_PERIOD_MILLIS = 1;
    /** The throttle of {@code jdk.ObjectAllocationSample}. */
    static final String ALLOCATION_THROTTLE = "300/s";
    /** The shortest park, monitor wait or enter, or pinned park recorded. */
    static final int STALL_THRESHOLD_MILLIS = 20;
    /** JDK 25's CPU-time sampler's event (JEP 509, experimental, Linux). */
    static final String CPU_TIME_SAMPLE = "jdk.CPUTimeSample";
    /** The throttle of {@code jdk.CPUTimeSample}: a sample per millisecond of a thread's CPU time, at most. */
    static final String CPU_TIME_THROTTLE = "1 ms";
    /** Brigade's round event. */
    static final String ROUND = "dev.brigade.Round";

    private final Recording recording;
    private final Path file;
    private final String whyNone;

    private PairedRecording(Recording recording, Path file, String whyNone) {
        this.recording = recording;
        this.file = file;
        this.whyNone = whyNone;
    }

    /**
     * Starts recording, to be written to {@code dir/name.jfr}; when JFR is not available in this JVM, a recording
     * that records nothing and says why.
     */
    public static PairedRecording start(Path dir, String name) {
        Path file = dir.resolve(name + ".jfr");
        if (!FlightRecorder.isAvailable()) {
            return new PairedRecording(null, file, "JFR is not available in this JVM (-XX:-FlightRecorder?)");
        }
        Recording recording = new Recording();
        try {
            recording.setName("brigade " + name);
            recording.setToDisk(anotherOnDisk());
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(SAMPLE_PERIOD_MILLIS))
                    .withStackTrace();
            if (cpuTimeSamplerExists()) {
                recording.enable(CPU_TIME_SAMPLE).with("throttle", CPU_TIME_THROTTLE).withStackTrace();
            }
            recording.enable("jdk.ObjectAllocationSample").with("throttle", ALLOCATION_THROTTLE).withStackTrace();
            Duration stall = Duration.ofMillis(STALL_THRESHOLD_MILLIS);
            for (String waits : new String[] {"jdk.ThreadPark", "jdk.JavaMonitorWait", "jdk.JavaMonitorEnter"}) {
                recording.enable(waits).withThreshold(stall).withoutStackTrace();
            }
            recording.enable("jdk.VirtualThreadPinned").withThreshold(stall).withStackTrace();
            recording.enable("jdk.GarbageCollection");
            recording.enable(ROUND);
            recording.start();
            return new PairedRecording(recording, file, null);
        } catch (RuntimeException e) {
            recording.close();
            return new PairedRecording(null, file, "JFR could not start a recording: " + e.getMessage());
        }
    }

    /**
     * Whether another recording runs to disk in this JVM (the user's {@code -XX:StartFlightRecording}, a profiler's):
     * then JFR writes every event to its repository's chunks, and a recording in memory holds none of them when
     * dumped, so this one goes to disk too (the repository is there already).
     */
    private static boolean anotherOnDisk() {
        return FlightRecorder.getFlightRecorder().getRecordings().stream()
                .anyMatch(r -> r.isToDisk() && r.getState() == RecordingState.RUNNING);
    }

    /** Whether this JVM has JDK 25's CPU-time sampler (JEP 509: Linux only). */
    static boolean cpuTimeSamplerExists() {
        return FlightRecorder.getFlightRecorder().getEventTypes().stream()
                .anyMatch(t -> t.getName().equals(CPU_TIME_SAMPLE));
    }

    /** Why this recording records nothing (JFR is not available), or null when it records. */
    public String whyNone() {
        return recording == null ? whyNone : null;
    }

    /**
     * Why a recording named {@code name} could not be written to {@code dir}, found before anything is recorded; null
     * when the directory can be created and written.
     */
    public static String cannotWrite(Path dir, String name) {
        try {
            Files.createDirectories(dir);
            return Files.isWritable(dir) ? null : unwritable(dir.resolve(name + ".jfr"), "not writable");
        } catch (IOException | RuntimeException e) {
            return unwritable(dir.resolve(name + ".jfr"), e.toString());
        }
    }

    private static String unwritable(Path file, String why) {
        return "cannot write the recording to " + file + ": " + why;
    }

    /**
     * Writes what was recorded and stops: the file, or why there is none (JFR unavailable, or the file could not be
     * written). A failure here never fails the test.
     */
    public Outcome finish() {
        if (recording == null) {
            return new Outcome(Optional.empty(), whyNone);
        }
        try {
            Files.createDirectories(file.getParent());
            // an in-memory recording is dumped while it runs: stopped, it has nothing left to copy
            recording.dump(file);
            return new Outcome(Optional.of(file), null);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // nothing was written, or it cannot be removed either: the message says it is not usable
            }
            return new Outcome(Optional.empty(), unwritable(file, e.toString()));
        } finally {
            close();
        }
    }

    /** Stops and discards the recording, if it still runs. */
    @Override
    public void close() {
        if (recording != null) {
            recording.close();
        }
    }

    /**
     * What a recording left: the {@code .jfr} file, or why there is none.
     *
     * <p>Public for {@code base}, which keeps it in the invocation's store.
     *
     * @param file    the recording, when it was written
     * @param whyNone why there is no recording, in one line; null when there is one
     */
    @API(status = INTERNAL, since = "0.1.0")
    public record Outcome(Optional<Path> file, String whyNone) {
    }
}
