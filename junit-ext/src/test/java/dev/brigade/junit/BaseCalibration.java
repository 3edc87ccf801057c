package dev.brigade.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.tools.ToolProvider;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Issue 19's experiment: how often {@code @AgainstBase} fails on unchanged code (false alarms, base = a copy of the
 * current build) and how often it catches a slowdown of 5 % and 10 % per hop injected into the current build, each
 * comparison in its own JVM, through the real extension, launcher and base class loader.
 *
 * <p>{@code ./mvnw -q -pl junit-ext -am -Pbase-calibration test-compile -Dbrigade.calibration.jvms=600}
 * compiles a small test class ({@code @Brigade(tasks = 500, link = QUEUE, measure = "5s")} with
 * {@code @AgainstBase(tolerance = "5%")}, whose work per hop is a fixed number of xorshift steps, none in the base
 * build) four times per task kind: the base build, an identical copy, and copies that spin 5 % and 10 % of a pilot's
 * hop more per hop. Then it starts that many child JVMs one after another, each holding
 * {@code /tmp/brigade-machine.lock} so that no other measurement overlaps, each running that one test through the
 * JUnit Platform launcher with the copy on its class path and {@code brigade.base.classpath} naming the base build;
 * the conditions (kind × change) rotate from JVM to JVM, so that the machine's drift falls on all of them alike.
 * Each child's row (verdict, ratio, interval, pairs, the test's wall time, JIT and GC time during it) goes to
 * {@code brigade.calibration.file}, after a first line naming the commit and the JDK;
 * {@code -Dbrigade.calibration.jvms=analyse} prints the table from such files
 * again (a comma-separated list). {@code -Dbrigade.calibration.changes=same,+10%} rotates through fewer changes, and
 * {@code -Dbrigade.calibration.steps=20,40,589,1177} gives the spins' steps (VIRTUAL +5 %, +10 %, PLATFORM +5 %,
 * +10 %) instead of sizing them from pilots, to continue an earlier run with the same changes;
 * {@code -Dbrigade.calibration.measure=1s} measures as long as {@code @Brigade}'s default instead of 5 s,
 * {@code -Dbrigade.calibration.measure=default} writes {@code @Brigade} without {@code measure} and a bare
 * {@code @AgainstBase} (every setting its default: tolerance 5 %, measure 5 s at most), and
 * {@code -Dbrigade.calibration.work=codec} gives every hop ten Base64 round trips of a 56-byte message besides the
 * spin (library code that allocates and is compiled in tiers, where the spin is one loop);
 * {@code -Dbrigade.calibration.tolerance=2%} writes {@code @AgainstBase(tolerance = "2%")} (with
 * {@code measure=default}, its only setting). The change {@code same-two} is an A/A comparison whose builds link
 * their tasks through {@code Links.of(() -> new ArrayBlockingQueue<>(1))}, the queue of {@code LinkType.QUEUE} as
 * the user's own link, which a paired run never shares: each side measures on its own brigade, as every paired
 * run did before both sides' rounds ran on one. The change {@code same-nojfr} is the A/A comparison {@code same} in a
 * child JVM started with {@code -XX:-FlightRecorder}: no recording of the paired rounds.
 * {@code -Dbrigade.calibration.kinds=PLATFORM} measures one kind only (the steps keep their places).
 */
public final class BaseCalibration {

    private static final String SUBJECT = "example.calibration.CalibrationSubject";
    private static final String[] KINDS = {"VIRTUAL", "PLATFORM"};
    private static final String[] CHANGES = {"same", "+5%", "+10%"};
    private static final String LOCK = "/tmp/brigade-machine.lock";
    private static final int PILOTS = 3;
    /** The codec work: library code that allocates, as a user's hop would (the example-tests Codec's round trip). */
    private static final String CODEC = """
            byte[] message = "brigade".repeat(8).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                            for (int r = 0; r < 10; r++) {
                                byte[] decoded = java.util.Base64.getDecoder().decode(
                                        java.util.Base64.getEncoder().encode(message));
                                if (decoded.length != message.length) {
                                    throw new IllegalStateException("lost bytes");
                                }
                            }""";

    private BaseCalibration() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("child")) {
            child(Path.of(args[1]), args[2]);
            return;
        }
        if (args[0].equals("analyse")) {
            List<String> rows = new ArrayList<>();
            for (String file : args[1].split(",")) {
                rows.addAll(Files.readAllLines(Path.of(file)));
            }
            analyse(rows);
            return;
        }
        Path out = Path.of(args[1]);
        int jvms = Integer.parseInt(args[0]);
        String[] changes = args.length > 2 ? args[2].split(",") : CHANGES;
        long[] given = args.length > 3 && !args[3].equals("pilots")
                ? Arrays.stream(args[3].split(",")).mapToLong(Long::parseLong).toArray() : null;
        String measure = args.length > 4 ? args[4] : "5s";
        boolean codec = args.length > 5 && args[5].equals("codec");
        String tolerance = args.length > 6 ? args[6] : "default";
        String[] kinds = args.length > 7 ? args[7].split(",") : KINDS;
        for (String kind : kinds) {
            if (!List.of(KINDS).contains(kind)) {
                throw new IllegalArgumentException("brigade.calibration.kinds: " + kind + " is not one of "
                        + String.join(", ", KINDS));
            }
        }
        Path work = Path.of("target/base-calibration").toAbsolutePath();
        double stepsPerNano = stepsPerNano();
        List<String> lines = new ArrayList<>();
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, "# " + commit() + ", JDK " + Runtime.version() + "\n");
        long started = System.nanoTime();
        for (String kind : kinds) {
            int k = List.of(KINDS).indexOf(kind);
            Path base = work.resolve(kind + "/base");
            compile(base, kind, 0, measure, codec, tolerance, false);
            compile(work.resolve(kind + "/base-two"), kind, 0, measure, codec, tolerance, true);
            compile(work.resolve(kind + "/same"), kind, 0, measure, codec, tolerance, false);
            compile(work.resolve(kind + "/same-two"), kind, 0, measure, codec, tolerance, true);
            double hop = Double.NaN;
            if (given == null) {
                double[] hops = new double[PILOTS];
                for (int i = 0; i < PILOTS; i++) {
                    hops[i] = Double.parseDouble(runChild(work.resolve(kind + "/same"), base, List.of())[6]);
                }
                Arrays.sort(hops);
                hop = hops[PILOTS / 2];
            }
            for (int percent : new int[] {5, 10}) {
                long steps = given != null ? given[2 * k + (percent == 5 ? 0 : 1)]
                        : Math.round(hop * percent / 100 * stepsPerNano);
                compile(work.resolve(kind + "/+" + percent + "%"), kind, steps, measure, codec, tolerance, false);
                String line = String.format(Locale.ROOT, "# %s: pilots' hop %.0f ns, +%d%% spins %d steps (%.0f ns);"
                        + " measure %s, work %s, tolerance %s", kind, hop, percent, steps, steps / stepsPerNano,
                        measure, codec ? "codec and spin" : "spin", tolerance);
                System.err.println(line);
                Files.writeString(out, line + "\n", StandardOpenOption.APPEND);
            }
        }
        for (int i = 0; i < jvms; i++) {
            int condition = i % (kinds.length * changes.length);
            String kind = kinds[condition / changes.length];
            String change = changes[condition % changes.length];
            // same-nojfr: an A/A comparison in a JVM without JFR, so without the recording of the paired rounds
            boolean noJfr = change.equals("same-nojfr");
            String[] row = runChild(work.resolve(kind + "/" + (noJfr ? "same" : change)),
                    work.resolve(kind + (change.endsWith("-two") ? "/base-two" : "/base")),
                    noJfr ? List.of("-XX:-FlightRecorder") : List.of());
            String line = i + "\t" + kind + "\t" + change + "\t" + String.join("\t", row);
            lines.add(line);
            Files.writeString(out, line + "\n", StandardOpenOption.APPEND);
            System.err.printf(Locale.ROOT, "jvm %d/%d %s %s: %s (%.0f s)%n", i + 1, jvms, kind, change,
                    String.join(" ", row), (System.nanoTime() - started) / 1e9);
        }
        analyse(Files.readAllLines(out));
    }

    /**
     * The commit the calibration runs, {@code commit 1a2b3c4…} with {@code and changes} when the work tree differs
     * from it, so that its rows say what code they measured; {@code commit unknown (...)} outside a git clone.
     */
    private static String commit() {
        try {
            String head = git("rev-parse", "HEAD");
            return "commit " + head + (git("status", "--porcelain", "--untracked-files=no").isEmpty() ? ""
                    : " and changes to it");
        } catch (IOException e) {
            return "commit unknown (" + e.getMessage() + ")";
        }
    }

    private static String git(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(git.getInputStream().readAllBytes()).strip();
            if (git.waitFor() != 0) {
                throw new IOException("git " + String.join(" ", args) + ": " + output);
            }
            return output;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            git.destroyForcibly();
            throw new IOException("interrupted while asking git", e);
        }
    }

    /**
     * Compiles the subject test class and its work into {@code dir} for {@code kind}, with {@code steps} xorshift
     * steps of extra work per hop (none: no loop at all, as in a base build without the change).
     */
    private static void compile(Path dir, String kind, long steps, String measure, boolean codec, String tolerance,
                                boolean twoBrigades)
            throws IOException {
        Path src = dir.resolve("src/example/calibration");
        Files.createDirectories(src);
        Files.writeString(src.resolve("HopWork.java"), """
                package example.calibration;
                final class HopWork {
                    static final long STEPS = %dL;
                    static volatile long sink;
                    private HopWork() {
                    }
                    static void hop() {
                        %s
                        long x = 0x9E3779B97F4A7C15L;
                        for (long i = 0; i < STEPS; i++) {
                            x ^= x << 13;
                            x ^= x >>> 7;
                            x ^= x << 17;
                        }
                        if (x == 42) {
                            sink = x;
                        }
                    }
                }
                """.formatted(steps, codec ? CODEC : ""));
        Files.writeString(src.resolve("CalibrationSubject.java"), """
                package example.calibration;
                import dev.brigade.fixture.BrigadeFixture;
                import dev.brigade.fixture.LinkType;
                import dev.brigade.fixture.TaskKind;
                import dev.brigade.junit.AgainstBase;
                import dev.brigade.junit.Brigade;
                class CalibrationSubject {
                    @Brigade(tasks = 500, kinds = TaskKind.%s, link = LinkType.QUEUE%s)
                    @AgainstBase%s
                    void hop(BrigadeFixture brigade) {
                        brigade.measureMemory(false).work(HopWork::hop)%s.run();
                    }
                }
                """.formatted(kind, measure.equals("default") ? "" : ", measure = \"" + measure + "\"",
                !tolerance.equals("default") ? "(tolerance = \"" + tolerance + "\")"
                        : measure.equals("default") ? "" : "(tolerance = \"5%\")",
                twoBrigades ? "\n                                .link(dev.brigade.fixture.Links.of(() -> new"
                        + " java.util.concurrent.ArrayBlockingQueue<>(1)))" : ""));
        Path classes = dir.resolve("classes");
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, "--release", "21", "-proc:none",
                "-cp", System.getProperty("java.class.path"), "-d", classes.toString(),
                src.resolve("HopWork.java").toString(), src.resolve("CalibrationSubject.java").toString());
        if (status != 0) {
            throw new IllegalStateException("javac failed with status " + status + " in " + dir);
        }
    }

    /** The xorshift loop's speed here, steps per nanosecond: the fastest of several timed runs after warming up. */
    private static double stepsPerNano() {
        long steps = 1_000_000;
        double best = 0;
        for (int i = 0; i < 60; i++) {
            long start = System.nanoTime();
            long x = 0x9E3779B97F4A7C15L;
            for (long k = 0; k < steps; k++) {
                x ^= x << 13;
                x ^= x >>> 7;
                x ^= x << 17;
            }
            long took = Math.max(1, System.nanoTime() - start);
            if (x != 42) {
                best = Math.max(best, (double) steps / took);
            }
        }
        return best;
    }

    /** The file a child writes as it starts, holding the machine lock. */
    private static final String STARTED = "started";

    /** Runs one comparison in a child JVM under the machine lock; returns its row. */
    private static String[] runChild(Path current, Path base, List<String> jvmFlags)
            throws IOException, InterruptedException {
        Path report = Files.createTempDirectory("brigade-base-calibration");
        Path classes = current.resolve("classes");
        List<String> command = new ArrayList<>(List.of("flock", LOCK,
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "--enable-native-access=ALL-UNNAMED"));
        command.addAll(jvmFlags);
        command.addAll(List.of("-cp", classes + java.io.File.pathSeparator + System.getProperty("java.class.path"),
                BaseCalibration.class.getName(), "child", report.toString(), base.resolve("classes").toString()));
        Path log = report.resolve("child.log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        // the child may wait for the machine lock as long as another measurement holds it: the 5 minutes start
        // when it has the lock and says so
        while (p.isAlive() && !Files.exists(report.resolve(STARTED))) {
            p.waitFor(1, TimeUnit.SECONDS);
        }
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("child did not end within 5 minutes of taking the machine lock; its"
                    + " output is in " + log);
        }
        Path row = report.resolve("row.tsv");
        if (p.exitValue() != 0 || !Files.exists(row)) {
            throw new IllegalStateException("child exited with " + p.exitValue() + "; its output is in " + log);
        }
        String[] fields = Files.readString(row).strip().split("\t");
        try (var files = Files.walk(report)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
        return fields;
    }

    /**
     * In the child: runs the subject through the launcher (the extension's listener writes brigade-results.json
     * into {@code report}), and writes the base comparison's row: verdict, ratio, low, high, pairs, failsAbove,
     * base median, current median, the test's wall time, JIT and GC time during it (ms).
     */
    private static void child(Path report, String base) throws Exception {
        Files.writeString(report.resolve(STARTED), "");
        long[] times = new long[3];
        String[] outcome = {"none"};
        TestExecutionListener watch = new TestExecutionListener() {
            @Override
            public void executionStarted(TestIdentifier id) {
                if (id.isTest()) {
                    times[0] = System.nanoTime();
                    times[1] = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
                    times[2] = gcMillis();
                }
            }

            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (id.isTest()) {
                    times[0] = System.nanoTime() - times[0];
                    times[1] = ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - times[1];
                    times[2] = gcMillis() - times[2];
                    outcome[0] = result.getStatus() + result.getThrowable().map(t -> " " + t.getClass().getName())
                            .orElse("");
                }
            }
        };
        var request = LauncherDiscoveryRequestBuilder.request().selectors(selectClass(SUBJECT))
                .configurationParameter(Constants.BASE_CLASSPATH_PROPERTY_NAME, base)
                .configurationParameter(Constants.REPORT_DIR_PROPERTY_NAME, report.toString()).build();
        LauncherFactory.create().execute(request, watch);
        Map<String, Object> root = JSON.std.mapFrom(Files.readString(report.resolve("brigade-results.json")));
        Map<?, ?> result = (Map<?, ?>) ((List<?>) root.get("results")).get(0);
        Map<?, ?> b = (Map<?, ?>) ((List<?>) result.get("base")).get(0);
        if (!outcome[0].startsWith("SUCCESSFUL") && !outcome[0].equals("FAILED java.lang.AssertionError")) {
            throw new IllegalStateException("the subject ended " + outcome[0]);
        }
        String row = String.join("\t", String.valueOf(b.get("verdict")), String.valueOf(b.get("ratio")),
                String.valueOf(b.get("low")), String.valueOf(b.get("high")), String.valueOf(b.get("pairs")),
                String.valueOf(b.get("failsAbove")), String.valueOf(b.get("base")), String.valueOf(b.get("current")),
                String.valueOf(times[0] / 1_000_000), String.valueOf(times[1]), String.valueOf(times[2]));
        Files.writeString(report.resolve("row.tsv"), row + "\n");
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime)
                .sum();
    }

    /** Prints, per kind and change, how often the comparison failed, the ratios, pairs and times. */
    private static void analyse(List<String> lines) {
        System.out.println("| kind | change | comparisons | failed | median ratio (range) | A/A interval holds 1 |"
                + " median pairs | test wall time: median, max | fails above: median |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        // the changes in the order they first appear (same-two and any other a run rotated through)
        List<String> changes = lines.stream().filter(l -> !l.startsWith("#")).map(l -> l.split("\t")[2]).distinct()
                .toList();
        for (String kind : KINDS) {
            for (String change : changes) {
                List<String[]> rows = lines.stream().filter(l -> !l.startsWith("#")).map(l -> l.split("\t"))
                        .filter(f -> f[1].equals(kind) && f[2].equals(change)).toList();
                if (rows.isEmpty()) {
                    continue;
                }
                long failed = rows.stream().filter(f -> f[3].equals("fail")).count();
                long covers = rows.stream().filter(f -> num(f, 5) <= 1 && num(f, 6) >= 1).count();
                double[] ratios = column(rows, 4);
                double[] logs = Arrays.stream(ratios).map(Math::log).sorted().toArray();
                double[] mad = Arrays.stream(logs).map(x -> Math.abs(x - median(logs))).sorted().toArray();
                System.out.printf(Locale.ROOT, "| %s | %s | %d | %d | %.3f (%.3f–%.3f), robust SD %.1f %% | %d/%d |"
                                + " %.0f | %.1f s, %.1f s | %+.1f %% |%n", kind, change, rows.size(), failed,
                        median(ratios), min(ratios), max(ratios), 100 * 1.4826 * median(mad), covers, rows.size(),
                        median(column(rows, 7)), median(column(rows, 11)) / 1000, max(column(rows, 11)) / 1000,
                        100 * (median(column(rows, 8)) - 1));
            }
        }
    }

    private static double num(String[] row, int i) {
        return Double.parseDouble(row[i]);
    }

    private static double[] column(List<String[]> rows, int i) {
        return rows.stream().mapToDouble(f -> num(f, i)).sorted().toArray();
    }

    private static double median(double[] sorted) {
        double[] s = sorted.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElse(Double.NaN);
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElse(Double.NaN);
    }
}
