package dev.brigade.junit.internal.baseline;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;
import org.apiguardian.api.API;

/**
 * Read-modify-write of a text file that several threads and several JVMs (Surefire forks, parallel builds) update:
 * under a lock held across processes, the new content goes to a temporary file beside the target, which is then
 * moved over it atomically. A reader sees the old file or the new one, never half of one; a writer killed midway
 * leaves the old file intact, and its temporary file, which the next write of the same target deletes. Thread-safe.
 *
 * <p>The cross-process lock is a {@link FileChannel#lock() file lock} on a file in the system's temporary
 * directory, so no lock file lands beside the target (baselines are committed). Targets share {@value #LOCK_FILES}
 * lock files by a hash of their absolute path: the directory stays that small however many targets a machine's
 * builds write (a test's temporary directories are new every time), and two targets that share a lock file only
 * take turns for the milliseconds of a write. Within one JVM the same lock file is taken once at a time, since a
 * JVM cannot hold two overlapping file locks.
 *
 * <p>Public for {@code report}, which writes the run's files under its lock.
 */
@API(status = INTERNAL, since = "0.1.0")
public final class LockedFile {

    /** How many lock files the targets share. */
    static final int LOCK_FILES = 256;

    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private LockedFile() {
    }

    /**
     * Replaces the content of {@code file} with {@code update} applied to the current content (null when the file
     * does not exist), holding the lock throughout. When {@code update} throws, the file is left as it was.
     *
     * @return the content written
     */
    public static String update(Path file, UnaryOperator<String> update) {
        Path target = file.toAbsolutePath().normalize();
        Path lockFile;
        try {
            lockFile = lockFile(target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update " + file + ": " + e.getMessage(), e);
        }
        ReentrantLock local = IN_PROCESS.computeIfAbsent(lockFile, p -> new ReentrantLock());
        local.lock();
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
            String current = Files.exists(target) ? Files.readString(target, StandardCharsets.UTF_8) : null;
            String next = update.apply(current);
            write(target, next, true);
            return next;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update " + file + ": " + e.getMessage(), e);
        } finally {
            local.unlock();
        }
    }

    /** The content of {@code file}, or null when there is none; reads are atomic since writes are. */
    static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Replaces {@code target} with {@code content} atomically (temporary file, then a move), without forcing it to
     * the disk: a killed JVM leaves the old file or the new one; a power cut may leave neither (reports, which the
     * next run writes again). Takes no lock itself: the caller holds one that every writer of {@code target} holds
     * (the run report holds the lock of brigade-results.json), since what killed writers left beside the target is
     * deleted first.
     */
    public static void write(Path target, String content) throws IOException {
        write(target, content, false);
    }

    private static void write(Path target, String content, boolean force) throws IOException {
        Files.createDirectories(target.getParent());
        removeLeftovers(target);
        Path temp = Files.createTempFile(target.getParent(), prefix(target), ".tmp");
        try {
            if (temp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                // a temporary file is private; the file it becomes is an ordinary one, readable like its neighbours
                Files.setPosixFilePermissions(temp,
                        java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            }
            // getBytes, not writeString: a lone surrogate (half an emoji in a display name) becomes '?' instead of
            // failing the whole write
            Files.write(temp, content.getBytes(StandardCharsets.UTF_8));
            if (force) {
                try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                    channel.force(true);
                }
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * The start of the name of {@code target}'s temporary files, {@code .<name>.}: the dot after the name keeps the
     * temporary files of {@code t17} ({@code .t17.<digits>.tmp}) from looking like those of {@code t1}, which a
     * writer of {@code t1} would otherwise delete under its own lock while a writer of {@code t17} holds another.
     */
    private static String prefix(Path target) {
        return "." + target.getFileName() + ".";
    }

    /**
     * Deletes the temporary files that writers of {@code target} killed midway left beside it ({@code .<name>.N.tmp},
     * as {@link Files#createTempFile} names them); only under a lock that every writer of {@code target} holds.
     */
    private static void removeLeftovers(Path target) throws IOException {
        String prefix = prefix(target);
        try (var leftovers = Files.newDirectoryStream(target.getParent(), p -> isTemporary(p, prefix))) {
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover);
            }
        }
    }

    /** Whether {@code file} is a temporary file of this class whose name begins with {@code prefix}. */
    private static boolean isTemporary(Path file, String prefix) {
        String name = file.getFileName().toString();
        return name.startsWith(prefix) && name.endsWith(".tmp") && name.length() > prefix.length() + 4
                && name.substring(prefix.length(), name.length() - 4).chars().allMatch(Character::isDigit);
    }

    /**
     * Whether {@code file} is a temporary file of this class, of any target ({@code .<name>.N.tmp}): for a caller
     * that holds the lock of every writer of the files beside it, as the run report does for its parts.
     */
    public static boolean isTemporary(Path file) {
        String name = file.getFileName().toString();
        int digits = name.length() - 4;
        while (digits > 0 && Character.isDigit(name.charAt(digits - 1))) {
            digits--;
        }
        return name.startsWith(".") && digits > 2 && name.charAt(digits - 1) == '.'
                && isTemporary(file, name.substring(0, digits));
    }

    /** The lock file of {@code target}: one of {@value #LOCK_FILES}, {@code brigade-locks/3f.lock}. */
    static Path lockFile(Path target) throws IOException {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "brigade-locks");
        Files.createDirectories(dir);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    target.toString().getBytes(StandardCharsets.UTF_8));
            return dir.resolve(HexFormat.of().toHexDigits(digest[0]) + ".lock");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
