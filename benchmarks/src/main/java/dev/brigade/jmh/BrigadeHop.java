package dev.brigade.jmh;

import dev.brigade.fixture.BrigadeFixture;
import dev.brigade.fixture.LinkType;
import dev.brigade.fixture.Session;
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
 * The brigade of {@code BrigadeFixture.run()} under JMH: one operation is one round-trip of the token, as many hops
 * as {@code tasks}; divide the score by {@code tasks} for the time per hop that Brigade reports as
 * {@code nanosPerHop}. The same chain, links and tasks as the fixture ({@link BrigadeFixture#open()}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class BrigadeHop {

    /** Tasks in the chain. */
    @Param({"100"})
    public int tasks;

    /** What the tasks are. */
    @Param({"PLATFORM", "VIRTUAL", "ASYNC"})
    public TaskKind kind;

    /** How they hand the token on. */
    @Param({"QUEUE", "PIPE"})
    public LinkType link;

    private Session brigade;

    @Setup(Level.Trial)
    public void start() {
        brigade = BrigadeFixture.create().tasks(tasks).kind(kind).link(link).open();
    }

    /** One round-trip: {@code tasks} hops. */
    @Benchmark
    public void roundTrip() throws Exception {
        brigade.run();
    }

    @TearDown(Level.Trial)
    public void stop() {
        brigade.close();
    }
}
