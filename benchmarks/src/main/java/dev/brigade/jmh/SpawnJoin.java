package dev.brigade.jmh;

import dev.brigade.fixture.Session;
import dev.brigade.fixture.SpawnFixture;
import dev.brigade.fixture.TaskKind;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The spawn of {@code SpawnFixture.run()} under JMH: one operation creates, starts and joins {@code tasks} tasks;
 * divide the score by {@code tasks} for Brigade's {@code nanosPerTask}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SpawnJoin {

    /** Tasks per operation. */
    @Param({"1000"})
    public int tasks;

    /** What the tasks are. */
    @Param({"PLATFORM", "VIRTUAL", "ASYNC"})
    public TaskKind kind;

    private Session spawn;

    @Setup(Level.Trial)
    public void start() {
        spawn = SpawnFixture.create().tasks(tasks).kind(kind).open();
    }

    /** Create, start and join {@code tasks} tasks. */
    @Benchmark
    public void batch() throws Exception {
        spawn.run();
    }

    @TearDown(Level.Trial)
    public void stop() {
        spawn.close();
    }
}
