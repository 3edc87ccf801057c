import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * Issue 29 (docs/methodology.md, "Execution samples misplace a platform brigade's time"): for each JVM of an
 * ExplainExperiment run made with the codec timed (timed-codec.patch: each side's Codec times encode and decode with
 * System.nanoTime() and prints "TIMED <side> <encode ns/hop> <decode ns/hop> <hops>" when the JVM exits) and with
 * JDK 25's CPU-time sampler in the recording, one row per side: the timing, and what each sampler made of it (samples
 * in the side's measured rounds, those with encode and with decode in the stack, the side's hops). Then, per
 * condition, the medians of encode/decode by timing and by each sampler, and of the unchanged decode's samples per
 * hop, current/base.
 *
 * <pre>java SamplersAgainstTiming.java WORK ROWS</pre>
 */
public class SamplersAgainstTiming {

    private static final List<String> SAMPLERS = List.of("jdk.ExecutionSample", "jdk.CPUTimeSample");

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        Map<String, List<double[]>> byCondition = new LinkedHashMap<>();  // per JVM: timed b, c; exec b, c; cpu b, c; dec exec, cpu
        System.out.println("jvm\tcondition\tside\ttimed_encode_ns\ttimed_decode_ns\texec_samples\texec_encode\texec_decode"
                + "\tcpu_samples\tcpu_encode\tcpu_decode\thops");
        for (String row : Files.readAllLines(Path.of(args[1]))) {
            String[] f = row.split("\t");
            String jvm = f[0];
            String condition = f[1];
            Map<String, double[]> timed = new LinkedHashMap<>();
            for (String line : Files.readAllLines(work.resolve("child-" + jvm + ".log"))) {
                if (line.startsWith("TIMED ")) {
                    String[] t = line.split(" ");
                    // A/A JVMs run the test twice: the sides' classes keep counting, so the last line of a side holds both
                    timed.put(t[1], new double[] {Double.parseDouble(t[2]), Double.parseDouble(t[3])});
                }
            }
            Path jfr;
            try (var files = Files.list(work.resolve("reports-" + jvm))) {
                jfr = files.filter(p -> p.toString().endsWith(".jfr")).findFirst().orElse(null);
            }
            if (jfr == null || timed.size() < 2) {
                continue;
            }
            Map<String, long[]> counts = counts(RecordingFile.readAllEvents(jfr));
            double[] summary = new double[8];
            int s = 0;
            for (String side : List.of("base", "current")) {
                long[] c = counts.getOrDefault(side, new long[7]);
                double[] t = timed.get(side);
                System.out.printf(Locale.ROOT, "%s\t%s\t%s\t%.0f\t%.0f\t%d\t%d\t%d\t%d\t%d\t%d\t%d%n", jvm, condition,
                        side, t[0], t[1], c[0], c[1], c[2], c[3], c[4], c[5], c[6]);
                summary[s] = t[0] / t[1];
                summary[2 + s] = (double) c[1] / c[2];
                summary[4 + s] = (double) c[4] / c[5];
                s++;
            }
            long[] b = counts.get("base");
            long[] c = counts.get("current");
            summary[6] = ((double) c[2] / c[6]) / ((double) b[2] / b[6]);
            summary[7] = ((double) c[5] / c[6]) / ((double) b[5] / b[6]);
            byCondition.computeIfAbsent(condition, k -> new ArrayList<>()).add(summary);
        }
        String[] names = {"timed enc/dec base", "timed enc/dec current", "exec enc/dec base", "exec enc/dec current",
                "cpu enc/dec base", "cpu enc/dec current", "exec decode per hop current/base",
                "cpu decode per hop current/base"};
        byCondition.forEach((condition, jvms) -> {
            System.out.printf(Locale.ROOT, "# %s, %d JVMs:", condition, jvms.size());
            for (int i = 0; i < names.length; i++) {
                int k = i;
                System.out.printf(Locale.ROOT, "  %s %.2f;", names[i], median(jvms.stream().mapToDouble(j -> j[k])
                        .toArray()));
            }
            System.out.println();
        });
    }

    /** Per side: samples of each sampler in the measured rounds, those with encode, those with decode; hops. */
    private static Map<String, long[]> counts(List<RecordedEvent> events) {
        List<RecordedEvent> rounds = events.stream().filter(e -> e.getEventType().getName().equals("dev.brigade.Round")
                && "measured".equals(e.getString("phase")) && !"-".equals(e.getString("side")))
                .sorted(Comparator.comparing(RecordedEvent::getStartTime)).toList();
        Map<String, long[]> counts = new LinkedHashMap<>();
        for (RecordedEvent r : rounds) {
            counts.computeIfAbsent(r.getString("side"), k -> new long[7])[6] += r.getLong("units");
        }
        for (RecordedEvent e : events) {
            int sampler = SAMPLERS.indexOf(e.getEventType().getName());
            if (sampler < 0 || e.getStackTrace() == null) {
                continue;
            }
            RecordedEvent in = roundAt(rounds, e.getStartTime());
            if (in == null) {
                continue;
            }
            long[] c = counts.get(in.getString("side"));
            c[3 * sampler]++;
            boolean encode = false;
            boolean decode = false;
            for (var frame : e.getStackTrace().getFrames()) {
                if (frame.getMethod() != null && frame.getMethod().getType().getName().endsWith(".Codec")) {
                    encode |= frame.getMethod().getName().equals("encode");
                    decode |= frame.getMethod().getName().equals("decode");
                }
            }
            c[3 * sampler + 1] += encode ? 1 : 0;
            c[3 * sampler + 2] += decode ? 1 : 0;
        }
        return counts;
    }

    private static RecordedEvent roundAt(List<RecordedEvent> rounds, Instant t) {
        for (RecordedEvent r : rounds) {
            if (!t.isBefore(r.getStartTime()) && !t.isAfter(r.getEndTime())) {
                return r;
            }
        }
        return null;
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        java.util.Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
