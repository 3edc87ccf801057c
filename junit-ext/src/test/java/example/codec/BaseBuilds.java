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
        Path source = dir.resolve("src/example/codec/SampleCodec.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, """
                package example.codec;
                public final class SampleCodec {
                    public static String build() {
                        return "base";
                    }
                    public static long nanosPerHop() {
                        return %d;
                    }
                }
                """.formatted(nanosPerHop));
        Path classes = dir.resolve("classes");
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, "--release", release, "-d",
                classes.toString(), source.toString());
        if (status != 0) {
            throw new IllegalStateException("javac failed with status " + status);
        }
        return classes;
    }
}
