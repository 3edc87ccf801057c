package example.codec;

/** The current build's codec, for the base class loader's tests (their base build has another one). */
public final class SampleCodec {

    /** Which build this class came from. */
    public static String build() {
        return "current";
    }

    /** The CPU work one hop of the sample brigade does, in nanoseconds. */
    public static long nanosPerHop() {
        return 30_000;
    }

    /** One hop's check of a frame: passes here; a base build of {@code AgainstBaseTest} has one that throws. */
    public static void check() {
    }
}
