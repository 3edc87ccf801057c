package dev.brigade.junit;

import static dev.brigade.fixture.TaskKind.PLATFORM;
import static dev.brigade.fixture.TaskKind.VIRTUAL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.brigade.fixture.BrigadeFixture;
import dev.brigade.fixture.SpawnFixture;
import dev.brigade.junit.internal.report.RunReportAccess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two JVMs of one run (as two Surefire forks of one Maven build), each running test classes with JUnit's parallel
 * execution, write into the same report and baseline directories: the run's brigade-results.json holds every result
 * of both exactly once, and every baseline file every entry, also of a class whose methods ran in both JVMs.
 */
class ParallelForksTest {

    /** Unmeasured tests meet here in pairs: with a serial run, the first would wait in vain. */
    static final CyclicBarrier PAIRS = new CyclicBarrier(2);

    /** The tests each class runs: measured templates and plain tests, and unmeasured tests beside them. */
    @ExtendWith(BrigadeExtension.class)
    abstract static class Workload {
        @Brigade(tasks = 10, kinds = {VIRTUAL, PLATFORM}, warmup = "0ms", measure = "50ms")
        @Baseline
        void handOff(BrigadeFixture brigade) {
            brigade.measureMemory(false).run();
        }

        @Spawn(tasks = 10, kinds = {VIRTUAL, PLATFORM}, warmup = "0ms", measure = "50ms")
        @Baseline
        void spawn(SpawnFixture spawn) {
            spawn.run();
        }

        @Test
        @Baseline
        void plain(BrigadeFixture brigade) {
            brigade.tasks(10).warmup(Duration.ZERO).measure(Duration.ofMillis(50)).measureMemory(false).run();
        }

        @Test
        void meetOne() throws Exception {
            PAIRS.await(30, TimeUnit.SECONDS);
        }

        @Test
        void meetOther() throws Exception {
            PAIRS.await(30, TimeUnit.SECONDS);
        }
    }

    @TestKit.TestCase
    static class A1 extends Workload {
    }

    @TestKit.TestCase
    static class A2 extends Workload {
    }

    @TestKit.TestCase
    static class A3 extends Workload {
    }

    @TestKit.TestCase
    static class B1 extends Workload {
    }

    @TestKit.TestCase
    static class B2 extends Workload {
    }

    @TestKit.TestCase
    static class B3 extends Workload {
    }

    /** Run by both JVMs, a method each: both write its baseline file. */
    @TestKit.TestCase
    static class Shared extends Workload {
    }

    @TempDir
    Path dir;

    @Test
    void both_jvms_results_are_in_the_report_once_and_every_baseline_entry_is_kept() throws Exception {
        Path reports = dir.resolve("reports");
        Path baselines = dir.resolve("baselines");
        String shared = Shared.class.getName();
        Process a = fork(reports, baselines, A1.class.getName(), A2.class.getName(), A3.class.getName(),
                shared + "#handOff(" + BrigadeFixture.class.getName() + ")");
        Process b = fork(reports, baselines, B1.class.getName(), B2.class.getName(), B3.class.getName(),
                shared + "#spawn(" + SpawnFixture.class.getName() + ")");
        for (Process child : List.of(a, b)) {
            String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).as(output).isZero();
        }

        List<String> expected = new ArrayList<>();
        List.of(A1.class, A2.class, A3.class, B1.class, B2.class, B3.class).forEach(c -> expected.addAll(all(c)));
        expected.addAll(handOff(Shared.class));
        expected.addAll(spawn(Shared.class));
        Map<String, Long> found = results(reports).stream().collect(Collectors.groupingBy(Function.identity(),
                TreeMap::new, Collectors.counting()));
        assertThat(found).as("results in brigade-results.json, with how often each appears")
                .isEqualTo(expected.stream().collect(Collectors.toMap(Function.identity(), r -> 1L, (x, y) -> x,
                        TreeMap::new)));
        for (Class<?> c : List.of(A1.class, A2.class, A3.class, B1.class, B2.class, B3.class)) {
            assertThat(baselineEntries(baselines, c)).as("baseline entries of %s", c.getSimpleName())
                    .containsExactlyInAnyOrder(entries(true, true));
        }
        assertThat(baselineEntries(baselines, Shared.class)).as("baseline entries of the class both JVMs ran")
                .containsExactlyInAnyOrder(Stream.of(entries(true, false), entries(false, true)).flatMap(Stream::of)
                        .filter(e -> !e.startsWith("plain")).toArray(String[]::new));
        assertThat(Leftovers.files(reports)).as("report files")
                .containsExactlyInAnyOrder("bencher.json", "brigade-results.json", "jmh-results.json", "report.html",
                        "summary.md", "parts/" + partName(a), "parts/" + partName(b));
    }

    private Process fork(Path reports, Path baselines, String... selectors) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                // a child of this JVM, as Surefire's forks are of the Maven JVM: both are one run
                "-Dsurefire.test.class.path=" + System.getProperty("java.class.path"),
                "-cp", System.getProperty("java.class.path"), ParallelRunMain.class.getName(),
                reports.toString(), baselines.toString()));
        command.addAll(List.of(selectors));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static String partName(Process child) {
        return RunReportAccess.runOf(ProcessHandle.current()) + "-" + child.pid() + ".json";
    }

    private static List<String> all(Class<?> c) {
        List<String> all = new ArrayList<>(handOff(c));
        all.addAll(spawn(c));
        all.add(c.getName() + "#plain plain(BrigadeFixture) brigade");
        return all;
    }

    private static List<String> handOff(Class<?> c) {
        return List.of(c.getName() + "#handOff [VIRTUAL] 10 tasks, QUEUE brigade",
                c.getName() + "#handOff [PLATFORM] 10 tasks, QUEUE brigade");
    }

    private static List<String> spawn(Class<?> c) {
        return List.of(c.getName() + "#spawn [VIRTUAL] 10 tasks spawn",
                c.getName() + "#spawn [PLATFORM] 10 tasks spawn");
    }

    private static String[] entries(boolean handOff, boolean spawnAndPlain) {
        List<String> entries = new ArrayList<>();
        if (handOff) {
            entries.addAll(List.of("handOff [VIRTUAL] 10 tasks, QUEUE / brigade VIRTUAL",
                    "handOff [PLATFORM] 10 tasks, QUEUE / brigade PLATFORM"));
        }
        if (spawnAndPlain) {
            entries.addAll(List.of("spawn [VIRTUAL] 10 tasks / spawn VIRTUAL",
                    "spawn [PLATFORM] 10 tasks / spawn PLATFORM", "plain / brigade VIRTUAL"));
        }
        return entries.toArray(String[]::new);
    }

    /** Each result of brigade-results.json as "test invocation fixture". */
    private static List<String> results(Path reports) throws IOException {
        Map<String, Object> root = JSON.std.mapFrom(Files.readString(reports.resolve("brigade-results.json")));
        return ((List<?>) root.get("results")).stream().map(r -> (Map<?, ?>) r)
                .map(r -> r.get("test") + " " + r.get("invocation") + " " + r.get("fixture")).toList();
    }

    private static List<String> baselineEntries(Path baselines, Class<?> testClass) throws IOException {
        Map<String, Object> root = JSON.std.mapFrom(Files.readString(baselines.resolve(testClass.getName() + ".json")));
        Map<?, ?> machines = (Map<?, ?>) root.get("machines");
        assertThat(machines).hasSize(1);
        Map<?, ?> entries = (Map<?, ?>) ((Map<?, ?>) machines.values().iterator().next()).get("entries");
        return entries.keySet().stream().map(Object::toString).toList();
    }
}
