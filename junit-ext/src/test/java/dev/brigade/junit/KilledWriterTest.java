package dev.brigade.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import dev.brigade.junit.internal.TestSeed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM writing baselines and reports is killed with SIGKILL at random moments: every file is afterwards the old
 * version or the new one, whole; a write acknowledged before the kill is never lost; and the temporary files a
 * killed write leaves beside its target are removed by the next write.
 */
@ExtendWith(TestSeed.class)
class KilledWriterTest {

    static final int KILLS = 20;
    /** The kill lands this long after the child's first complete write, at most: about ten of its writes. */
    static final long MAX_DELAY_MILLIS = 400;

    @TempDir
    Path dir;

    /** Whether a writer said it finished rendering the reports once: before that, a kill may leave none. */
    private boolean rendered;

    @Test
    void files_are_old_or_new_and_whole_after_each_sigkill_and_the_next_write_clears_leftovers() throws Exception {
        Path baseline = dir.resolve("baselines").resolve("com.example.Writer.json");
        Path reports = dir.resolve("reports");
        long seed = TestSeed.SEED;
        Random random = TestSeed.random(KilledWriterTest.class.getName());
        int next = 0;
        List<String> leftovers = new ArrayList<>();
        for (int kill = 0; kill < KILLS; kill++) {
            Process child = writer(baseline, reports, next, Integer.MAX_VALUE);
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String first = out.readLine();
                assertThat(first).as("the writer's first line (seed %d)", seed).isEqualTo("baseline " + next);
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(random.nextLong(MAX_DELAY_MILLIS)));
                sigkill(child);
                int acknowledged = next;
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.startsWith("baseline ")) {
                        acknowledged = Integer.parseInt(line.substring("baseline ".length()));
                    } else if (line.startsWith("report ")) {
                        rendered = true;
                    }
                }
                int last = lastEntry(baseline);
                assertThat(last).as("last baseline entry after kill %d, %d acknowledged (seed %d)", kill, acknowledged,
                        seed).isBetween(acknowledged, acknowledged + 1);
                assertWhole(reports, seed);
                List<String> left = temporaryFiles();
                assertThat(left).as("temporary files after kill %d: at most one per file written (seed %d)", kill,
                        seed).hasSizeLessThanOrEqualTo(6);
                if (!left.isEmpty()) {
                    leftovers.add("kill " + kill + ": " + left);
                }
                next = last + 1;
            }
        }
        Process last = writer(baseline, reports, next, next);
        assertThat(last.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(last.exitValue()).as(new String(last.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .isZero();

        System.out.println(KILLS + " kills (seed " + seed + "), " + next + " baseline entries before the last write; "
                + leftovers.size() + " kills left temporary files: " + leftovers);
        assertThat(lastEntry(baseline)).isEqualTo(next);
        rendered = true; // the last writer finished: its reports must be there
        assertWhole(reports, seed);
        assertThat(temporaryFiles()).as("temporary files after a write that finished").isEmpty();
    }

    private Process writer(Path baseline, Path reports, int first, int last) throws IOException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), WriterMain.class.getName(),
                baseline.toString(), reports.toString(), Integer.toString(first), Integer.toString(last))
                .redirectErrorStream(true).start();
    }

    private static void sigkill(Process child) throws Exception {
        Process kill = new ProcessBuilder("kill", "-KILL", Long.toString(child.pid())).inheritIO().start();
        assertThat(kill.waitFor()).isZero();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isEqualTo(128 + 9);
    }

    /** The number of the last entry of the baseline file, checking that it is whole and its entries 0..n. */
    private static int lastEntry(Path baseline) throws IOException {
        Map<String, Object> root = JSON.std.mapFrom(Files.readString(baseline));
        assertThat(root).containsKeys("brigadeBaseline", "testClass", "machines");
        Map<String, Object> machines = map(root.get("machines"));
        assertThat(machines).hasSize(1);
        Map<String, Object> entries = map(map(machines.values().iterator().next()).get("entries"));
        for (int n = 0; n < entries.size(); n++) {
            assertThat(entries).containsKey("entry " + n);
        }
        return entries.size() - 1;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    /** Every report file parses (JSON) or ends as written (HTML), and brigade-results.json lists its results. */
    private void assertWhole(Path reports, long seed) throws IOException {
        for (String name : Leftovers.files(reports)) {
            Path file = reports.resolve(name);
            String text = Files.readString(file);
            if (name.endsWith(".json")) {
                assertThat(JSON.std.anyFrom(text)).as("%s parses (seed %d)", name, seed).isNotNull();
            } else if (name.endsWith(".html")) {
                assertThat(text).as("%s is whole (seed %d)", name, seed).endsWith("</body></html>\n");
            }
        }
        Path resultsFile = reports.resolve("brigade-results.json");
        if (!rendered && !Files.exists(resultsFile)) {
            return; // killed before its first render finished (seen on a fresh CI clone): nothing half-written
        }
        Map<String, Object> results = JSON.std.mapFrom(Files.readString(resultsFile));
        assertThat((List<?>) results.get("results")).isNotEmpty();
    }

    /** Temporary files of a write (.name.123.tmp) under the test's directory. */
    private List<String> temporaryFiles() {
        return Leftovers.files(dir).stream().filter(n -> n.endsWith(".tmp")).toList();
    }
}
