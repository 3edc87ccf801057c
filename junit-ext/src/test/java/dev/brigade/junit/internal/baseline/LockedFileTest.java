package dev.brigade.junit.internal.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lock files {@link LockedFile} takes: a fixed set, however many targets, and safe to share between threads. */
class LockedFileTest {

    private static final Path LOCKS = Path.of(System.getProperty("java.io.tmpdir"), "brigade-locks");

    @TempDir
    Path dir;

    private static long lockFiles() throws IOException {
        Files.createDirectories(LOCKS);
        try (Stream<Path> files = Files.list(LOCKS)) {
            return files.count();
        }
    }

    @Test
    void a_thousand_targets_share_at_most_the_fixed_number_of_lock_files() throws IOException {
        long before = lockFiles();

        for (int i = 0; i < 1_000; i++) {
            LockedFile.update(dir.resolve("target-" + i + ".json"), previous -> "written");
        }

        assertThat(lockFiles() - before).isLessThanOrEqualTo(LockedFile.LOCK_FILES);
    }

    @Test
    void threads_updating_targets_that_share_a_lock_file_take_turns_and_lose_no_update() throws Exception {
        // more targets than lock files: some share one for certain
        List<Path> targets = IntStream.range(0, LockedFile.LOCK_FILES + 44).mapToObj(i -> dir.resolve("t" + i))
                .toList();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                done.add(threads.submit(() -> targets.forEach(target -> LockedFile.update(target,
                        previous -> String.valueOf(previous == null ? 1 : Integer.parseInt(previous) + 1)))));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            threads.shutdownNow();
        }

        for (Path target : targets) {
            assertThat(target).hasContent("4");
        }
    }

    @Test
    void a_writer_of_one_target_leaves_alone_the_temporary_file_of_a_target_whose_name_extends_it() throws IOException {
        // t1's leftovers once matched .t1<digits>.tmp, which t17's temporary files (.t17<digits>.tmp) also match:
        // a writer of t1 deleted a writer of t17's file under another lock (seen in CI: NoSuchFileException)
        Path inFlight = dir.resolve(".t17.8043541.tmp");
        Files.writeString(inFlight, "t17 being written");

        LockedFile.update(dir.resolve("t1"), previous -> "1");

        assertThat(inFlight).exists();
        assertThat(LockedFile.isTemporary(inFlight)).isTrue();
        LockedFile.update(dir.resolve("t17"), previous -> "17");
        assertThat(inFlight).doesNotExist();
        assertThat(dir.resolve("t17")).hasContent("17");
    }
}
