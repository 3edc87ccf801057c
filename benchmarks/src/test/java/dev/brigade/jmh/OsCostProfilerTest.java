package dev.brigade.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brigade.measure.ProbeSnapshot;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** The profiler's figures per operation, from a hand-made delta and from a real (short, in-process) JMH run. */
class OsCostProfilerTest {

    @Test
    void should_divide_the_iterations_os_cost_by_its_operations() {
        ProbeSnapshot delta = new ProbeSnapshot(1_000_000, 600_000, 200_000, 40, 10, 8, 0, 0, 0, 0);

        Map<String, Result> results = OsCostProfiler.results(delta, 123_456_789, 4).stream()
                .collect(Collectors.toMap(Result::getLabel, r -> r));

        assertThat(results.get("os.ctxsw.voluntary").getScore()).isEqualTo(10.0);
        assertThat(results.get("os.ctxsw.involuntary").getScore()).isEqualTo(2.5);
        assertThat(results.get("os.cpu.user").getScore()).isEqualTo(150_000.0);
        assertThat(results.get("os.cpu.system").getScore()).isEqualTo(50_000.0);
        assertThat(results.get("os.faults.minor").getScore()).isEqualTo(2.0);
        assertThat(results.get("os.rss").getScore()).isEqualTo(123_456_789.0);
        assertThat(results.get("os.cpu.user").getScoreUnit()).isEqualTo("ns/op");
    }

    @Test
    void should_add_os_cost_to_a_real_jmh_run_of_a_platform_thread_brigade() throws RunnerException {
        Options options = new OptionsBuilder().include(BrigadeHop.class.getName() + ".roundTrip")
                .param("kind", "PLATFORM").param("link", "QUEUE").param("tasks", "20")
                .forks(0).warmupIterations(1).warmupTime(TimeValue.milliseconds(100))
                .measurementIterations(2).measurementTime(TimeValue.milliseconds(200))
                .timeUnit(TimeUnit.MICROSECONDS).addProfiler(OsCostProfiler.class).build();

        Collection<RunResult> runs = new Runner(options).run();

        Map<String, Result> secondary = runs.iterator().next().getSecondaryResults();
        assertThat(secondary).containsKeys("os.ctxsw.voluntary", "os.ctxsw.involuntary", "os.cpu.user",
                "os.cpu.system", "os.faults.minor", "os.rss");
        // a platform-thread hand-off parks and wakes an OS thread: at least one context switch per hop, 20 per op
        assertThat(secondary.get("os.ctxsw.voluntary").getScore()
                + secondary.get("os.ctxsw.involuntary").getScore()).isGreaterThan(10.0);
        assertThat(secondary.get("os.cpu.user").getScore() + secondary.get("os.cpu.system").getScore())
                .isPositive();
        assertThat(secondary.get("os.rss").getScore()).isGreaterThan(10.0 * 1024 * 1024);
    }
}
