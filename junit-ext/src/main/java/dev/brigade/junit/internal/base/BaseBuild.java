package dev.brigade.junit.internal.base;

import dev.brigade.fixture.Pairing;
import dev.brigade.junit.internal.config.BaseSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The base build of one {@code @AgainstBase} invocation's current side, opened once before it: its class loader, what
 * the change adds to it ({@code added}) and, for a test the base build has, the {@link Pairing} both sides' rounds
 * alternate in. Kept in the invocation's {@link ExtensionContext.Store}, which closes both when the invocation ends.
 * One test thread uses it; the pairing is thread-safe.
 *
 * @param spec    the method's {@code @AgainstBase} with the configuration
 * @param added   what of the test the change adds ({@code test class}, {@code test method}), or empty
 * @param loader  the base build's loader, null for a test the change adds (closed at once)
 * @param pairing both sides' pairing, null for a test the change adds
 */
@SuppressWarnings("deprecation") // CloseableResource: JUnit before 5.13 closes only those; later ones AutoCloseables
record BaseBuild(BaseSpec spec, Optional<String> added, BaseClassLoader loader, Pairing pairing)
        implements AutoCloseable, ExtensionContext.Store.CloseableResource {

    /** Both sides' build of the base side's test before its first run: loading, discovery, a JIT of its own. */
    private static final Duration BASE_START = Duration.ofMinutes(1);
    /**
     * How long the pairs go on at least before a comparison stops on a failed verdict (1 s a side): its explanation is
     * made from the samples of its pairs, and a 20-task platform brigade's CPU-time samples come at 39–87 a side in
     * that time with hops of one codec round trip, 120–143 with ten (2026-12-06, ExplanationTest), where 50 are
     * needed. Longer would lengthen every caught comparison's test (a median of 3.4–3.9 s at the defaults,
     * docs/methodology.md). A passing verdict stops as soon as it is decided.
     */
    private static final Duration FAIL_AFTER = Duration.ofSeconds(2);

    /**
     * Opens the base build for {@code method}'s invocation, whose own timeout is {@code timeout}.
     *
     * @throws IllegalArgumentException naming what to change when the base class path is wrong
     * @throws UncheckedIOException     when it cannot be read
     */
    static BaseBuild open(BaseSpec spec, Method method, Duration timeout) {
        BaseClassLoader loader = BaseClassLoader.open(spec.classpath(), method.getDeclaringClass());
        try {
            Optional<String> added = loader.newInThisChange(spec.classpath(), method);
            if (added.isPresent()) {
                loader.close();
                return new BaseBuild(spec, added, null, null);
            }
            Pairing pairing = new Pairing(timeout.plus(BASE_START), FAIL_AFTER, BaseRuns.measures(spec),
                    1 + spec.tolerance());
            loader.pairing(pairing);
            return new BaseBuild(spec, added, loader, pairing);
        } catch (RuntimeException | Error e) {
            closeQuietly(loader, e);
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the base build's class loader", e);
        }
    }

    /**
     * What of {@code method} the change adds to the base build of {@code spec}, for an invocation that opened none
     * here (a {@code @Fork} test's, which ran beside the base build in its child); empty when the base class path
     * cannot say.
     */
    static Optional<String> added(BaseSpec spec, Method method) {
        if (spec.classpath().isEmpty()) {
            return Optional.empty();
        }
        try (BaseClassLoader loader = BaseClassLoader.open(spec.classpath(), method.getDeclaringClass())) {
            return loader.newInThisChange(spec.classpath(), method);
        } catch (IllegalArgumentException | IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /** Whether the invocation has a base build to run beside it: the base build has its test. */
    boolean beside() {
        return pairing != null;
    }

    @Override
    public void close() throws IOException {
        if (pairing != null) {
            pairing.close();
        }
        if (loader != null) {
            loader.close();
        }
    }

    private static void closeQuietly(BaseClassLoader loader, Throwable failure) {
        try {
            loader.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
