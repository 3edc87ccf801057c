package dev.brigade.junit.internal;

import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A property checked on random inputs: {@code ForAll.of("durations", Gen::text).tries(500).check(s -> ...)} runs the
 * check on 500 generated inputs and fails with the first input that breaks it, shrunk when it is a string.
 *
 * <p>A small stand-in for a property-testing engine, on plain Jupiter so it runs under JUnit 5 and 6 alike
 * (docs/reliability.md, "Hostile input", says why not jqwik). Inputs come from one seed per run, chosen at random
 * unless {@code -Dbrigade.test.seed=N} is given ({@link TestSeed}); a failure names the seed, so it can be run again as it
 * was.
 * Not thread-safe: one test thread uses it.
 *
 * @param <T> the input type
 */
public final class ForAll<T> {

    private static final int MAX_SHRINK_ATTEMPTS = 2_000;

    private final String name;
    private final Function<Random, T> generator;
    private int tries = 200;

    private ForAll(String name, Function<Random, T> generator) {
        this.name = name;
        this.generator = generator;
    }

    /** A property over the inputs {@code generator} makes; {@code name} appears in a failure. */
    public static <T> ForAll<T> of(String name, Function<Random, T> generator) {
        return new ForAll<>(name, generator);
    }

    /** How many inputs to try (default 200). */
    public ForAll<T> tries(int n) {
        this.tries = n;
        return this;
    }

    /**
     * Runs {@code property} on every input; it fails by throwing (an assertion, or any exception it lets through).
     *
     * @throws AssertionError naming the property, the seed, the try and the (shrunk) input, with the failure as cause
     */
    public void check(Consumer<T> property) {
        Random random = TestSeed.random(name);
        for (int i = 1; i <= tries; i++) {
            T input = generator.apply(random);
            Throwable failure = failure(property, input);
            if (failure != null) {
                T shrunk = shrink(property, input, signature(failure));
                Throwable shrunkFailure = shrunk == input ? failure : failure(property, shrunk);
                throw new AssertionError("property \"" + name + "\" failed on try " + i + " of " + tries + " ("
                        + TestSeed.rerun() + ") with input " + show(shrunk)
                        + (shrunk == input ? "" : ", shrunk from " + show(input)) + ": " + shrunkFailure,
                        shrunkFailure);
            }
        }
    }

    private static <T> Throwable failure(Consumer<T> property, T input) {
        try {
            property.accept(input);
            return null;
        } catch (Throwable t) {
            return t;
        }
    }

    /** The kind of a failure: its class and the first of our stack frames, so a shrunk input fails the same way. */
    private static String signature(Throwable failure) {
        for (StackTraceElement frame : failure.getStackTrace()) {
            if (frame.getClassName().startsWith("dev.brigade")) {
                return failure.getClass().getName() + " at " + frame;
            }
        }
        return failure.getClass().getName();
    }

    /**
     * A shorter string that still fails the same way, by deleting ever smaller runs of characters; other inputs as
     * they are.
     */
    @SuppressWarnings("unchecked")
    private static <T> T shrink(Consumer<T> property, T input, String signature) {
        if (!(input instanceof String text)) {
            return input;
        }
        String smallest = text;
        int attempts = 0;
        for (int run = Math.max(1, smallest.length() / 2); run >= 1; run /= 2) {
            boolean shrunk = true;
            while (shrunk && attempts < MAX_SHRINK_ATTEMPTS) {
                shrunk = false;
                for (int at = 0; at + run <= smallest.length() && attempts < MAX_SHRINK_ATTEMPTS; at++) {
                    String candidate = smallest.substring(0, at) + smallest.substring(at + run);
                    attempts++;
                    Throwable failure = failure(property, (T) candidate);
                    if (failure != null && signature(failure).equals(signature)) {
                        smallest = candidate;
                        shrunk = true;
                        break;
                    }
                }
            }
        }
        return (T) smallest;
    }

    /** The input as a Java literal would write it, so control characters and lone surrogates can be seen. */
    public static String show(Object input) {
        if (input instanceof byte[] bytes) {
            return "bytes " + show(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
        }
        if (!(input instanceof String text)) {
            return String.valueOf(input);
        }
        String shown = text.length() > 300 ? text.substring(0, 300) : text;
        StringBuilder out = new StringBuilder("\"");
        for (char c : shown.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || Character.isSurrogate(c)
                    || Character.getType(c) == Character.FORMAT || c == '\u2028' || c == '\u2029') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
        return text.length() > 300 ? out + "... (" + text.length() + " chars)" : out.toString();
    }
}
