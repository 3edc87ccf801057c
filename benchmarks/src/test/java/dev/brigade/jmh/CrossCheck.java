package dev.brigade.jmh;

import dev.brigade.fixture.BrigadeFixture;
import dev.brigade.fixture.BrigadeResult;
import dev.brigade.fixture.LinkType;
import dev.brigade.fixture.SpawnFixture;
import dev.brigade.fixture.SpawnResult;
import dev.brigade.fixture.TaskKind;
import dev.brigade.measure.Estimate;
import dev.brigade.measure.Units;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Issue 8's cross-check: each benchmark of this module against the Brigade fixture doing the same thing, per hop or
 * per task, with the time each tool took to answer. Brigade: 300 ms warm-up, up to 1 s measurement (stops at ±3 %).
 * JMH: 1 fork, 3 × 1 s warm-up, 5 × 1 s measurement.
 *
 * <p>{@code ./mvnw -q install -DskipTests}, then
 * {@code flock /tmp/brigade.lock ./mvnw -q -pl benchmarks test-compile exec:exec@cross-check}
 */
public final class CrossCheck {

    private CrossCheck() {
    }

    public static void main(String[] args) throws RunnerException {
        System.out.println("| benchmark | JMH score ± error (per hop/task) | Brigade median [95 % CI]"
                + " | Brigade / JMH | JMH time | Brigade time |");
        System.out.println("|---|---|---|---|---|---|");
        if (args.length > 0 && args[0].equals("floor")) {
            floors();
            return;
        }
        for (TaskKind kind : TaskKind.values()) {
            for (LinkType link : new LinkType[] {LinkType.QUEUE, LinkType.PIPE}) {
                long start = System.nanoTime();
                BrigadeResult r = BrigadeFixture.create().tasks(100).kind(kind).link(link).measureMemory(false).run();
                double brigadeSeconds = (System.nanoTime() - start) / 1e9;
                row("BrigadeHop " + kind + " " + link, jmh(BrigadeHop.class, "roundTrip", 100, "kind", kind.name(),
                        "link", link.name()), r.nanosPerHop(), brigadeSeconds);
            }
        }
        floors();
        for (TaskKind kind : TaskKind.values()) {
            long start = System.nanoTime();
            SpawnResult r = SpawnFixture.create().tasks(1000).kind(kind).run();
            double brigadeSeconds = (System.nanoTime() - start) / 1e9;
            row("SpawnJoin " + kind, jmh(SpawnJoin.class, "batch", 1000, "kind", kind.name()), r.nanosPerTask(),
                    brigadeSeconds);
        }
    }

    /** The one-thread floors; {@code CrossCheck floor} runs only these, in a JVM that has run nothing else. */
    private static void floors() throws RunnerException {
        for (LinkType link : new LinkType[] {LinkType.QUEUE, LinkType.PIPE}) {
            long start = System.nanoTime();
            BrigadeResult r = BrigadeFixture.create().tasks(100).link(link).runOneThread();
            double brigadeSeconds = (System.nanoTime() - start) / 1e9;
            row("OneThreadFloor " + link, jmh(OneThreadFloor.class, "roundTrip", 100, "link", link.name()),
                    r.nanosPerHop(), brigadeSeconds);
        }
    }

    /** JMH's score and error per hop or task, in ns, and the seconds it took. */
    private record Jmh(double score, double error, double seconds) {
    }

    private static Jmh jmh(Class<?> benchmark, String method, int perOperation, String... params)
            throws RunnerException {
        ChainedOptionsBuilder options = new OptionsBuilder().include(benchmark.getName() + "." + method + "$")
                .forks(1).jvmArgsAppend("--enable-native-access=ALL-UNNAMED", "-Xmx2g", "-XX:+UseG1GC")
                .warmupIterations(3).warmupTime(TimeValue.seconds(1))
                .measurementIterations(5).measurementTime(TimeValue.seconds(1)).timeUnit(TimeUnit.NANOSECONDS)
                .param("tasks", Integer.toString(perOperation)).shouldDoGC(false);
        for (int i = 0; i < params.length; i += 2) {
            options.param(params[i], params[i + 1]);
        }
        long start = System.nanoTime();
        Result<?> primary = new Runner(options.build()).runSingle().getPrimaryResult();
        return new Jmh(primary.getScore() / perOperation, primary.getScoreError() / perOperation,
                (System.nanoTime() - start) / 1e9);
    }

    private static void row(String name, Jmh jmh, Estimate brigade, double brigadeSeconds) {
        System.out.printf(Locale.ROOT, "| %s | %s ± %s | %s | %.3f | %.1f s | %.1f s |%n", name,
                Units.format(jmh.score(), "ns"), Units.format(jmh.error(), "ns"), Units.formatInterval(brigade),
                brigade.median() / jmh.score(), jmh.seconds(), brigadeSeconds);
        System.out.flush();
    }
}
