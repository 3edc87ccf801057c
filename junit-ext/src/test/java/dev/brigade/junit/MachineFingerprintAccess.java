package dev.brigade.junit;

import dev.brigade.junit.internal.baseline.BaselineFileAccess;
import dev.brigade.measure.Estimate;
import java.nio.file.Path;
import java.util.Map;

/** The machine fingerprint and the baseline file as the tests reach them. */
final class MachineFingerprintAccess {

    private MachineFingerprintAccess() {
    }

    static String id() {
        return BaselineFileAccess.machineId();
    }

    static void record(Path file, String entry, Map<String, Estimate> metrics) {
        BaselineFileAccess.record(file, entry, metrics);
    }
}
