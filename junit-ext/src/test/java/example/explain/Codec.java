package example.explain;

/**
 * The current build's codec for the tests of explanations: each hop encodes a frame then decodes it, each method with
 * a loop of its own; the base builds ({@link ExplainBuilds}) compile it again with another number of steps in
 * {@code encode}, or without its allocation.
 */
public final class Codec {

    private static volatile long sink;
    private static volatile byte[] lastFrame;

    private Codec() {
    }

    /** One hop's work. */
    public static void hop() {
        sink = encode() + decode();
    }

    static long encode() {
        lastFrame = new byte[512];
        long s = 17;
        for (int i = 0; i < 3_000; i++) {
            s = s * 6364136223846793005L + i;
            s ^= s >>> 29;
        }
        return s;
    }

    static long decode() {
        long s = 31;
        for (int i = 0; i < 3_000; i++) {
            s = s * 6364136223846793005L + i;
            s ^= s >>> 29;
        }
        return s;
    }
}
