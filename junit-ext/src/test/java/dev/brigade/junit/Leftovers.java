package dev.brigade.junit;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
