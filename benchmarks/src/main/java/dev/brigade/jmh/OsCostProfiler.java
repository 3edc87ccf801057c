package dev.brigade.jmh;

import dev.brigade.measure.Probe;
import dev.brigade.measure.ProbeSnapshot;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * A JMH profiler that adds what the operating system paid per operation, as {@code -prof gc} adds allocation:
 * voluntary and involuntary context switches, user and system CPU, minor page faults, and the resident set size at
 * the end of each iteration. Use it as {@code -prof dev.brigade.jmh.OsCostProfiler}.
 *
 * <p>It reads the whole benchmark JVM with Brigade's probe ({@code getrusage(RUSAGE_SELF)} and
 * {@code /proc/self/statm} on Linux, a few microseconds; OSHI elsewhere) before and after each iteration, so its
 * figures include JMH's own threads, which are idle during measurement. Every figure is per operation of the
 * iteration (JMH's measured operations), averaged over iterations like {@code -prof gc}'s.
 */
public final class OsCostProfiler implements InternalProfiler {

    private final Probe probe = Probe.system();
    private ProbeSnapshot before;

    /** Created by JMH, by name. */
    public OsCostProfiler() {
    }

    @Override
    public String getDescription() {
        return "OS cost per operation: context switches, CPU user/system, minor faults (getrusage), RSS";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        before = probe.snapshot();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                       IterationResult result) {
        ProbeSnapshot after = probe.snapshot();
        return results(after.minus(before), after.rssBytes(), result.getMetadata().getMeasuredOps());
    }

    /** The secondary results of one iteration: {@code delta} over {@code operations}, and the RSS at its end. */
    static List<Result> results(ProbeSnapshot delta, long rssBytes, long operations) {
        double ops = Math.max(1, operations);
        List<Result> results = new ArrayList<>();
        results.add(new ScalarResult("os.ctxsw.voluntary", delta.voluntaryContextSwitches() / ops, "#/op",
                AggregationPolicy.AVG));
        results.add(new ScalarResult("os.ctxsw.involuntary", delta.involuntaryContextSwitches() / ops, "#/op",
                AggregationPolicy.AVG));
        results.add(new ScalarResult("os.cpu.user", delta.userCpuNanos() / ops, "ns/op", AggregationPolicy.AVG));
        results.add(new ScalarResult("os.cpu.system", delta.systemCpuNanos() / ops, "ns/op", AggregationPolicy.AVG));
        results.add(new ScalarResult("os.faults.minor", delta.minorFaults() / ops, "#/op", AggregationPolicy.AVG));
        results.add(new ScalarResult("os.rss", rssBytes, "bytes", AggregationPolicy.MAX));
        return results;
    }
}
