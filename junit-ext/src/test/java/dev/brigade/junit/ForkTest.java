package dev.brigade.junit;

import static dev.brigade.fixture.TaskKind.PLATFORM;
import static dev.brigade.fixture.TaskKind.VIRTUAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.brigade.fixture.BrigadeFixture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** {@code @Fork} with real child JVMs: the body runs in the child, its outcome and results come back. */
class ForkTest {

    @TestKit.TestCase
    static class Forked {
        @org.junit.jupiter.api.Test
        @Fork(cpus = "0")
        void seesOneCpu() {
            if (Runtime.getRuntime().availableProcessors() != 1) {
                throw new AssertionError("the child sees " + Runtime.getRuntime().availableProcessors() + " CPUs");
            }
        }

        @org.junit.jupiter.api.Test
        @Fork(parallelism = 1)
        void hasOneCarrier() throws Exception {
            Set<String> carriers = ConcurrentHashMap.newKeySet();
            try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
                IntStream.range(0, 200).forEach(i -> executor.submit(() -> {
                    String self = Thread.currentThread().toString();
                    carriers.add(self.substring(self.indexOf('@') + 1));
                    Thread.yield();
                }));
            }
            if (carriers.size() != 1 || !"1".equals(System.getProperty("jdk.virtualThreadScheduler.parallelism"))) {
                throw new AssertionError("carriers: " + carriers);
            }
        }

    }

    @TestKit.TestCase
    static class ForkedBrigade {
        @Brigade(tasks = 20, kinds = {VIRTUAL, PLATFORM}, warmup = "0ms", measure = "100ms")
        @Fork(jvmArgs = "-Dbrigade.test.child=yes")
        @Budget(kind = PLATFORM, perHop = "1ns")
        void measuresInTheChild(BrigadeFixture brigade, TestReporter reporter) {
            if (!"yes".equals(System.getProperty("brigade.test.child"))) {
                throw new AssertionError("not in the child");
            }
            System.out.println("hello from the child");
            reporter.publishEntry("child.pid", Long.toString(ProcessHandle.current().pid()));
            // Brigade gives its children the flags that make execution samples name the right inlined method
            reporter.publishEntry("child.debugNonSafepoints", java.lang.management.ManagementFactory
                    .getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
                    .getVMOption("DebugNonSafepoints").getValue());
            brigade.measureMemory(false).run();
        }

    }

    @TestKit.TestCase
    static class ForkedFailure {
        @org.junit.jupiter.api.Test
        @Fork
        void failsInTheChild() {
            throw new IllegalStateException("broken in the child");
        }

    }

    @TestKit.TestCase
    static class ForkedCrash {
        @org.junit.jupiter.api.Test
        @Fork
        void crashes() {
            System.err.println("about to halt");
            Runtime.getRuntime().halt(3);
        }

    }

    @TestKit.TestCase
    static class ForkedHang {
        @org.junit.jupiter.api.Test
        @Fork(jvmArgs = "-Dbrigade.test.hangs")
        void hangs() throws Exception {
            Process grandchild = new ProcessBuilder("sleep", "600").start();
            long sinceStart = Duration.between(ProcessHandle.current().info().startInstant().orElseThrow(),
                    java.time.Instant.now()).toMillis();
            System.out.println("pids " + ProcessHandle.current().pid() + " " + grandchild.pid() + " " + sinceStart);
            Thread.sleep(Duration.ofMinutes(10));
        }
    }

    @Test
    void runs_the_body_in_a_child_with_its_cpus_and_scheduler() {
        EngineExecutionResults results = TestKit.run(Forked.class);

        results.testEvents().assertThatEvents()
                .haveExactly(1, event(test("seesOneCpu"), finishedSuccessfully()))
                .haveExactly(1, event(test("hasOneCarrier"), finishedSuccessfully()));
    }

    @Test
    void brings_results_back_to_budgets_and_report_entries() {
        EngineExecutionResults results = TestKit.run(ForkedBrigade.class);

        results.testEvents().assertThatEvents()
                .haveExactly(1, event(test("measuresInTheChild"), displayName("[VIRTUAL] 20 tasks, QUEUE"),
                        finishedSuccessfully()))
                .haveExactly(1, event(test("measuresInTheChild"), displayName("[PLATFORM] 20 tasks, QUEUE"),
                        finishedWithFailure(message(m -> m.startsWith("[@Budget(kind = PLATFORM, perHop = \"1ns\")]"
                                + " Expected PLATFORM nanosPerHop to be at most 1.00 ns but was ")
                                // measured again in the child, where the fixture is, and explained there
                                && m.contains("\n  from a second measurement under JFR (the verdict is the first"
                                + " one's): the budget failed again: nanosPerHop ")))));
        Map<String, String> entries = TestKit.keyValues(TestKit.entries(results).get("[VIRTUAL] 20 tasks, QUEUE"));
        assertThat(entries).containsKey("brigade.VIRTUAL.nanosPerHop");
        // the test's own entries come back once, from the child
        assertThat(entries.get("child.pid")).isNotEqualTo(Long.toString(ProcessHandle.current().pid()));
        assertThat(entries).containsEntry("child.debugNonSafepoints", "true");
        assertThat(TestKit.entries(results).get("[VIRTUAL] 20 tasks, QUEUE"))
                .filteredOn(e -> e.getKeyValuePairs().containsKey("child.pid")).hasSize(1);
    }

    @Test
    void a_failure_in_the_child_fails_the_test_with_its_type_message_and_stack() {
        TestKit.run(ForkedFailure.class).testEvents().assertThatEvents().haveExactly(1, event(test("failsInTheChild"),
                finishedWithFailure(instanceOf(IllegalStateException.class), message("broken in the child"),
                        new org.assertj.core.api.Condition<>(t -> java.util.Arrays.stream(t.getStackTrace())
                                .anyMatch(f -> f.getMethodName().equals("failsInTheChild")), "child's stack"))));
    }

    @Test
    void a_crashing_child_fails_with_its_status_and_last_error_lines() {
        TestKit.run(ForkedCrash.class).testEvents().assertThatEvents().haveExactly(1, event(test("crashes"),
                finishedWithFailure(instanceOf(AssertionError.class), message(m -> m.startsWith(
                        "The fork of method [ForkTest.ForkedCrash#crashes] exited with status 3 and reported nothing.")
                        && m.contains("about to halt")))));
    }

    @Test
    void a_hanging_child_is_killed_after_the_timeout_with_its_own_child_and_leaves_no_process() throws Exception {
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        EngineExecutionResults results;
        System.setOut(new PrintStream(new ForkedClassTest.Tee(out, captured), true, StandardCharsets.UTF_8));
        try {
            // the child must reach its body and print its line before the timeout: the time it took is printed
            results = TestKit.run(ForkedHang.class, Constants.FORK_TIMEOUT_PROPERTY_NAME, "6s");
        } finally {
            System.setOut(out);
        }

        results.testEvents().assertThatEvents().haveExactly(1, event(test("hangs"), finishedWithFailure(
                message(m -> m.startsWith("The fork of method [ForkTest.ForkedHang#hangs] did not finish within PT6S"
                        + " (brigade.fork.timeout); it was killed.")))));
        // the child's line, with the prefix of a test without a kind: the child's pid and its own child's
        String line = captured.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("[fork hangs] pids "))
                .findFirst().orElseThrow(() -> new AssertionError("no line [fork hangs] pids ... in " + captured));
        String[] pids = line.substring("[fork hangs] pids ".length()).split(" ");
        System.out.println("the hanging fork printed its line " + pids[2] + " ms after it started");
        List<String> left = Arrays.stream(pids, 0, 2).filter(pid -> !Leftovers.endsWithin(Long.parseLong(pid),
                Duration.ofSeconds(10))).toList();
        left.forEach(pid -> ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly));
        assertThat(left).as("of the fork (pid %s) and its child (pid %s), alive 10 s after the timeout's kill",
                pids[0], pids[1]).isEmpty();
        // this JVM's own process tree only: the machine's other processes are none of this test's business
        assertThat(Leftovers.childProcesses()).as("descendants of this JVM")
                .noneMatch(p -> p.contains("-Dbrigade.test.hangs "));
    }

    @Test
    void disabled_forks_run_in_process_and_say_so() {
        EngineExecutionResults results = TestKit.run(java.util.List.of(Forked.class, ForkedFailure.class),
                Constants.FORK_ENABLED_PROPERTY_NAME, "false");

        results.testEvents().assertThatEvents().haveExactly(1, event(test("seesOneCpu"), finishedWithFailure(
                message("the child sees " + Runtime.getRuntime().availableProcessors() + " CPUs"))));
        assertThat(TestKit.keyValues(TestKit.entries(results).get("failsInTheChild()")))
                .containsEntry("brigade.fork",
                        "brigade.fork.enabled = false: ran in the test's own JVM, not in a fork");
    }

    @TestKit.TestCase
    static class BadCpus {
        @org.junit.jupiter.api.Test
        @Fork(cpus = "0-99")
        void tooMany() {
        }

        @org.junit.jupiter.api.Test
        @Fork(cpus = "first")
        void notAList() {
        }

        @org.junit.jupiter.api.Test
        @Fork(parallelism = -1)
        void negativeParallelism() {
        }

        @org.junit.jupiter.api.Test
        @Fork(jvmArgs = "-XX:+NoSuchBrigadeFlag")
        void childCannotStart() {
        }
    }

    @Test
    void a_bad_cpu_list_is_a_configuration_error() {
        TestKit.run(BadCpus.class).testEvents().assertThatEvents()
                .haveExactly(1, event(test("tooMany"), finishedWithFailure(instanceOf(
                        ExtensionConfigurationException.class), message("Configuration error: @Fork(cpus = \"0-99\") on"
                        + " method [ForkTest.BadCpus#tooMany]: CPU 99 does not exist here: this machine has CPUs 0 to "
                        + (Runtime.getRuntime().availableProcessors() - 1)))))
                .haveExactly(1, event(test("notAList"), finishedWithFailure(message(m -> m.contains(
                        "cpus is a list of CPU numbers and ranges as taskset -c takes it")))))
                .haveExactly(1, event(test("negativeParallelism"), finishedWithFailure(message(
                        "Configuration error: @Fork(parallelism = -1) on method [ForkTest.BadCpus#negativeParallelism]:"
                                + " parallelism is the number of carrier threads of the virtual-thread scheduler: at"
                                + " least 1, or 0 for the JDK's choice"))))
                .haveExactly(1, event(test("childCannotStart"), finishedWithFailure(message(m -> m.startsWith(
                        "The fork of method [ForkTest.BadCpus#childCannotStart] exited with status 1 and reported"
                                + " nothing. Last lines of its error output:") && m.contains("NoSuchBrigadeFlag")))));
    }
}
