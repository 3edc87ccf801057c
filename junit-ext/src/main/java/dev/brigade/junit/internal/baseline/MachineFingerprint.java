package dev.brigade.junit.internal.baseline;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * What makes two runs comparable: CPU model, core count, operating system and architecture, JDK major version and
 * the JVM settings that change results (garbage collector, maximum heap, processor count and virtual-thread
 * scheduler flags). Baselines are kept per fingerprint: a figure from another machine is no baseline.
 *
 * <p>Public for {@code report}, which names the machine by it.
 *
 * @param cpuModel the CPU's model name, as the OS reports it
 * @param cpus     processors available to the JVM
 * @param os       OS name and architecture
 * @param jdk      the JDK's major version
 * @param flags    the result-changing JVM settings, as text
 */
@API(status = INTERNAL, since = "0.1.0")
public record MachineFingerprint(String cpuModel, int cpus, String os, int jdk, String flags) {

    private static final MachineFingerprint CURRENT = read();

    /** The fingerprint of the running JVM on this machine. */
    public static MachineFingerprint current() {
        return CURRENT;
    }

    /** The fingerprint as 12 hex digits of a SHA-256 over every field. */
    public String id() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    (cpuModel + "|" + cpus + "|" + os + "|" + jdk + "|" + flags).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The fields by name, for files and reports. */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cpuModel", cpuModel);
        m.put("cpus", cpus);
        m.put("os", os);
        m.put("jdk", jdk);
        m.put("flags", flags);
        return m;
    }

    private static MachineFingerprint read() {
        return new MachineFingerprint(readCpuModel(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"), Runtime.version().feature(),
                readFlags());
    }

    private static String readCpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall through to OSHI
        }
        return new oshi.SystemInfo().getHardware().getProcessor().getProcessorIdentifier().getName().trim();
    }

    private static String readFlags() {
        String gc = ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                .collect(Collectors.joining("+"));
        List<String> jvmArgs = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-XX:ActiveProcessorCount") || a.startsWith("-Xss")
                        || a.startsWith("-Djdk.virtualThreadScheduler.") || a.startsWith("-XX:+UseCompressedOops")
                        || a.startsWith("-XX:-UseCompressedOops") || a.startsWith("-XX:TieredStopAtLevel")
                        || a.startsWith("-Xint"))
                .sorted().toList();
        long maxHeapMib = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        return "gc=" + gc + " maxHeap=" + maxHeapMib + "MiB"
                + (jvmArgs.isEmpty() ? "" : " " + String.join(" ", jvmArgs));
    }
}
