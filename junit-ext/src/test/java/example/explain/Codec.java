package example.explain;

/**
 * The current build's codec for the tests of explanations: each hop encodes then decodes; the base builds
 * ({@link ExplainBuilds}) compile it again with other amounts of work, or an allocation, in one method.
 */
public final class Codec {

    private static volatile long sink;
    private static volatile byte[] lastFrame;

    private Codec() {
    }

    /** One hop's work. */
    public static void hop() {
        sink = encode(3_000) + decode(3_000);
    }

    static long encode(int steps) {
        keep(new byte[512]);
        return mix(steps, 17);
    }

    static long decode(int steps) {
        return mix(steps, 31);
    }

    private static long mix(int steps, long seed) {
        long s = seed;
        for (int i = 0; i < steps; i++) {
            s = s * 6364136223846793005L + i;
            s ^= s >>> 29;
        }
        return s;
    }

    /** Keeps {@code frame} reachable, so that its allocation is not removed. */
    static void keep(byte[] frame) {
        lastFrame = frame;
    }
}
