package dev.brigade.junit;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/** What a fault could leave behind: Brigade's threads, child processes, files. For the fault tests. */
final class Leftovers {

    private Leftovers() {
    }

    /** Names of live threads called brigade-*, platform and virtual, from a full thread dump. */
    static List<String> brigadeThreads() {
        try {
            Path dump = Files.createTempFile("brigade-threads", ".json");
            try {
                Files.delete(dump);
                ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                        .dumpThreads(dump.toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.JSON);
                return Files.readString(dump).lines().map(String::trim)
                        .filter(l -> l.startsWith("\"name\": \"brigade-")).toList();
            } finally {
                Files.deleteIfExists(dump);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The live descendants of this JVM, with their command lines. */
    static List<String> childProcesses() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList();
    }

    /**
     * Whether process {@code pid} ends within {@code limit}: is gone, or a zombie (dead, waiting to be reaped; PID 1
     * of a container may never reap an orphan, and this one does not). Reads {@code /proc}: Linux only.
     */
    static boolean endsWithin(long pid, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            String stat;
            try {
                stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            } catch (NoSuchFileException e) {
                return true;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // pid (command) state ...: the command may hold anything, the state follows its last ')'
            if (stat.charAt(stat.lastIndexOf(')') + 2) == 'Z') {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(10_000_000L);
        }
    }

    /** Every file under {@code dir}, relative to it, sorted. */
    static List<String> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
