package dev.brigade.junit;

import dev.brigade.measure.Estimate;
import java.nio.file.Path;
import java.util.Map;

/** A child JVM of {@link BaselineTest}: records {@code count} entries into one baseline file, one write each. */
public final class BaselineRecorderMain {

    private BaselineRecorderMain() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        for (int n = 0; n < Integer.parseInt(args[2]); n++) {
            MachineFingerprintAccess.record(file, args[1] + " entry " + n,
                    Map.of("nanosPerHop", Estimate.of("ns", 1, 2, 3, 4, 5, 6)));
        }
    }
}
