package dev.brigade.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Issue 6's leak check: runs {@link ForkTest}'s failing, crashing and hanging forks 50 times and compares the
 * machine's processes and the temporary directory before and after.
 *
 * <p>{@code flock /tmp/brigade.lock ./mvnw -q -o -pl junit-ext test-compile exec:exec@fork-leaks}
 */
public final class ForkLeaks {

    private ForkLeaks() {
    }

    public static void main(String[] args) throws IOException {
        int loops = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        Set<Long> processesBefore = processes();
        Set<String> tempBefore = temp();
        long start = System.nanoTime();
        for (int i = 0; i < loops; i++) {
            var results = EngineTestKit.engine("junit-jupiter").enableImplicitConfigurationParameters(false)
                    .configurationParameters(Map.of(TestKit.IN_TEST_KIT, "true", Constants.FORK_TIMEOUT_PROPERTY_NAME,
                            "2s"))
                    .selectors(selectClass(ForkTest.ForkedFailure.class), selectClass(ForkTest.ForkedCrash.class),
                            selectClass(ForkTest.ForkedHang.class)).execute();
            results.testEvents().assertStatistics(s -> s.failed(3));
        }
        Set<Long> newProcesses = new TreeSet<>(processes());
        newProcesses.removeAll(processesBefore);
        Set<String> newTemp = new TreeSet<>(temp());
        newTemp.removeAll(tempBefore);
        System.out.printf("%d loops of 3 forks (failing, crashing, hanging past a 2 s timeout) in %.0f s%n", loops,
                (System.nanoTime() - start) / 1e9);
        System.out.println("processes before " + processesBefore.size() + ", new and alive after: " + newProcesses
                .stream().map(pid -> ProcessHandle.of(pid).flatMap(p -> p.info().commandLine()).orElse("?"))
                .filter(c -> c.contains("java")).collect(Collectors.toList()));
        System.out.println("temp entries before " + tempBefore.size() + ", new after: " + newTemp);
    }

    private static Set<Long> processes() {
        return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive).map(ProcessHandle::pid)
                .collect(Collectors.toSet());
    }

    private static Set<String> temp() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }
}
