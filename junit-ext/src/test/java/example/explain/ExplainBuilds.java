package example.explain;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.ToolProvider;

/** Base builds for the tests of explanations: {@link Codec} compiled again, beside copies of the test classes. */
public final class ExplainBuilds {

    private ExplainBuilds() {
    }

    /**
     * Compiles a {@code Codec} whose hop encodes {@code encodeSteps} and decodes {@code decodeSteps}, and, with
     * {@code allocate}, allocates a 512-byte frame in {@code encode} (as the current build's does), into {@code dir/classes} with copies of
     * {@code cases}; returns that directory, a base build's class path.
     */
    public static Path codec(Path dir, int encodeSteps, int decodeSteps, boolean allocate, Class<?>... cases)
            throws Exception {
        Path source = dir.resolve("src/example/explain/Codec.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, """
                package example.explain;
                public final class Codec {
                    private static volatile long sink;
                    private static volatile byte[] lastFrame;
                    public static void hop() {
                        sink = encode() + decode();
                    }
                    static long encode() {
                        %s
                        long s = 17;
                        for (int i = 0; i < %d; i++) {
                            s = s * 6364136223846793005L + i;
                            s ^= s >>> 29;
                        }
                        return s;
                    }
                    static long decode() {
                        long s = 31;
                        for (int i = 0; i < %d; i++) {
                            s = s * 6364136223846793005L + i;
                            s ^= s >>> 29;
                        }
                        return s;
                    }
                }
                """.formatted(allocate ? "lastFrame = new byte[512];" : "", encodeSteps, decodeSteps));
        Path classes = dir.resolve("classes");
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, "--release", "21", "-d",
                classes.toString(), source.toString());
        if (status != 0) {
            throw new IllegalStateException("javac failed with status " + status);
        }
        for (Class<?> c : cases) {
            String file = c.getName().replace('.', '/') + ".class";
            try (InputStream in = c.getClassLoader().getResourceAsStream(file)) {
                Files.copy(in, classes.resolve(file));
            }
        }
        return classes;
    }
}
