package dev.brigade.junit.internal.baseline;

import dev.brigade.measure.Estimate;
import java.nio.file.Path;
import java.util.Map;

/** Test access to the package-private baseline file and fingerprint. */
public final class BaselineFileAccess {

    private BaselineFileAccess() {
    }

    public static String machineId() {
        return MachineFingerprint.current().id();
    }

    public static void record(Path file, String entry, Map<String, Estimate> metrics) {
        BaselineFile.record(file, BaselineFileAccess.class, MachineFingerprint.current(), entry, metrics);
    }
}
