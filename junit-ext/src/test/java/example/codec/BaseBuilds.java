package example.codec;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.ToolProvider;

/** Base builds for the tests of {@code @AgainstBase}: a {@link SampleCodec} compiled again, with other code. */
public final class BaseBuilds {

    private BaseBuilds() {
    }

    /**
     * Compiles a {@code SampleCodec} whose {@code build()} says "base" and whose {@code nanosPerHop()} returns
     * {@code nanosPerHop} into {@code dir/classes}, for {@code release}; returns that directory.
     */
    public static Path sampleCodec(Path dir, String release, long nanosPerHop) throws Exception {
        return compile(dir, release, "SampleCodec", """
                package example.codec;
                public final class SampleCodec {
                    public static String build() {
                        return "base";
                    }
                    public static long nanosPerHop() {
                        return %d;
                    }
                    public static void check() {
                    }
                }
                """.formatted(nanosPerHop));
    }

    /** A {@code SampleCodec} whose {@code check()} throws {@code IllegalStateException("the base codec broke")}. */
    public static Path failingCodec(Path dir, String release) throws Exception {
        return compile(dir, release, "SampleCodec", """
                package example.codec;
                public final class SampleCodec {
                    public static String build() {
                        return "base";
                    }
                    public static long nanosPerHop() {
                        return 30000;
                    }
                    public static void check() {
                        throw new IllegalStateException("the base codec broke");
                    }
                }
                """);
    }

    /**
     * Compiles {@code source}, the class {@code example.codec.simpleName}, against this JVM's class path into
     * {@code dir/classes}, for {@code release}; returns that directory.
     */
    public static Path compile(Path dir, String release, String simpleName, String source) throws Exception {
        Path file = dir.resolve("src/example/codec/" + simpleName + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
        Path classes = dir.resolve("classes");
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, "--release", release, "-d",
                classes.toString(), "-cp", System.getProperty("java.class.path"), file.toString());
        if (status != 0) {
            throw new IllegalStateException("javac failed with status " + status);
        }
        return classes;
    }
}
