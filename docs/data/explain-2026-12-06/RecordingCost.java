import dev.brigade.fixture.*;
import jdk.jfr.Recording;
import java.time.Duration;
import java.util.*;

/**
 * Issue 29 (docs/methodology.md, "What the recording costs a hop"): a 500-task QUEUE brigade's time per hop while a
 * JFR recording runs, by what it records. Arguments: configurations (comma-separated; parts joined with +: exec,
 * exec10, cpu (JDK 25's CPU-time sampler at 1 ms), alloc, stalls (parks, monitor waits and enters, pinned: 1 ms with stacks, the recording before
 * 2026-12-06), park, parknost, park10, park10nost, mwait, menter, pinned, others, gc, round, empty; or paired,
 * Brigade's own PairedRecording; or none), runs of each, kind. recording-cost.sh runs one configuration per fresh
 * JVM, the configurations interleaved, under the machine lock, and prints each JVM's line: the last figure is
 * the second run's median ns per hop, the one the tables use.
 */
public class RecordingCost {
    public static void main(String[] a) throws Exception {
        String[] configs = a[0].split(",");
        int rounds = Integer.parseInt(a[1]);
        Map<String, List<Double>> hops = new LinkedHashMap<>();
        for (int r = 0; r < rounds; r++) {
            for (String c : configs) {
                Recording rec = null;
                AutoCloseable paired = null;
                java.nio.file.Path dir = null;
                if (c.equals("paired")) {
                    dir = java.nio.file.Files.createTempDirectory("cost");
                    paired = dev.brigade.junit.internal.explain.PairedRecording.start(dir, "cost");
                } else if (!c.equals("none")) {
                    rec = new Recording();
                    rec.setToDisk(false);
                    for (String part : c.split("\\+")) {
                        switch (part) {
                            case "exec" -> rec.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(1)).withStackTrace();
                            case "cpu" -> rec.enable("jdk.CPUTimeSample").with("throttle", "1 ms").withStackTrace();
                            case "exec10" -> rec.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10)).withStackTrace();
                            case "alloc" -> rec.enable("jdk.ObjectAllocationSample").with("throttle", "300/s").withStackTrace();
                            case "stalls" -> { for (String s : new String[] {"jdk.ThreadPark", "jdk.JavaMonitorWait", "jdk.JavaMonitorEnter", "jdk.VirtualThreadPinned"}) rec.enable(s).withThreshold(Duration.ofMillis(1)).withStackTrace(); }
                            case "park" -> rec.enable("jdk.ThreadPark").withThreshold(Duration.ofMillis(1)).withStackTrace();
                            case "parknost" -> rec.enable("jdk.ThreadPark").withThreshold(Duration.ofMillis(1)).withoutStackTrace();
                            case "mwait" -> rec.enable("jdk.JavaMonitorWait").withThreshold(Duration.ofMillis(1)).withStackTrace();
                            case "menter" -> rec.enable("jdk.JavaMonitorEnter").withThreshold(Duration.ofMillis(1)).withStackTrace();
                            case "pinned" -> rec.enable("jdk.VirtualThreadPinned").withThreshold(Duration.ofMillis(1)).withStackTrace();
                            case "park10" -> rec.enable("jdk.ThreadPark").withThreshold(Duration.ofMillis(10)).withStackTrace();
                            case "park10nost" -> rec.enable("jdk.ThreadPark").withThreshold(Duration.ofMillis(10)).withoutStackTrace();
                            case "others" -> { for (String s : new String[] {"jdk.JavaMonitorWait", "jdk.JavaMonitorEnter", "jdk.VirtualThreadPinned"}) rec.enable(s).withThreshold(Duration.ofMillis(1)).withStackTrace(); }
                            case "gc" -> rec.enable("jdk.GarbageCollection");
                            case "round" -> rec.enable("dev.brigade.Round");
                            case "empty" -> { }
                            default -> throw new IllegalArgumentException(part);
                        }
                    }
                    rec.start();
                }
                BrigadeResult res = BrigadeFixture.create().tasks(500).kind(TaskKind.valueOf(a[2])).link(LinkType.QUEUE)
                        .warmup(Duration.ofMillis(500)).measure(Duration.ofSeconds(1)).measureMemory(false).run();
                if (rec != null) rec.close();
                if (paired != null) paired.close();
                if (dir != null) java.nio.file.Files.delete(dir);  // closed unwritten: nothing in it
                hops.computeIfAbsent(c, k -> new ArrayList<>()).add(res.nanosPerHop().median());
            }
        }
        hops.forEach((c, v) -> { List<Double> s = new ArrayList<>(v); Collections.sort(s);
            System.out.printf(Locale.ROOT, "%-28s median %.0f ns/hop  %s%n", c, s.get(s.size() / 2), v.stream().map(x -> String.format(Locale.ROOT, "%.0f", x)).toList()); });
    }
}
