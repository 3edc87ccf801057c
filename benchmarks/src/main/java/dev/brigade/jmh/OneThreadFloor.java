package dev.brigade.jmh;

import dev.brigade.fixture.BrigadeFixture;
import dev.brigade.fixture.LinkType;
import dev.brigade.fixture.Session;
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
 * The one-thread floor of {@code BrigadeFixture.runOneThread()} under JMH: one operation passes the token through
 * every link on the benchmark thread; divide the score by {@code tasks} for Brigade's {@code nanosPerHop} of the
 * floor.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class OneThreadFloor {

    /** Links passed per operation. */
    @Param({"100"})
    public int tasks;

    /** The links. */
    @Param({"QUEUE", "PIPE"})
    public LinkType link;

    private Session floor;

    @Setup(Level.Trial)
    public void start() {
        floor = BrigadeFixture.create().tasks(tasks).link(link).openOneThread();
    }

    /** The token through {@code tasks} links and back. */
    @Benchmark
    public void roundTrip() throws Exception {
        floor.run();
    }

    @TearDown(Level.Trial)
    public void stop() {
        floor.close();
    }
}
