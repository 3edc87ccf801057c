package dev.brigade.junit.internal.config;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.brigade.junit.Constants;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The configuration parameters Brigade reads, read once per engine run and kept in the root
 * {@link ExtensionContext.Store}: every key of {@link Constants} ({@link #KEYS}, listed by hand, no reflection), and
 * the parameters by which a {@code @Fork} child or the base side of an {@code @AgainstBase} test knows its role.
 * Immutable; {@link Settings} and {@link BaseSpec} parse and check the values.
 *
 * <p>Public for {@code lifecycle}, {@code base}, {@code baseline} and {@code fork}, which read the parameters and
 * roles.
 *
 * @param values the parameters set, by key
 */
@API(status = INTERNAL, since = "0.1.0")
public record Configuration(Map<String, String> values) {

    /**
     * Every configuration key of {@link Constants}, in its order: what Brigade reads, and what the base side of an
     * {@code @AgainstBase} test is given of this side's configuration.
     */
    public static final List<String> KEYS = List.of(Constants.SCALE_PROPERTY_NAME, Constants.ENABLED_PROPERTY_NAME,
            Constants.REPORT_DIR_PROPERTY_NAME, Constants.BASELINE_DIR_PROPERTY_NAME,
            Constants.BASELINE_UPDATE_PROPERTY_NAME, Constants.BASELINE_RUNS_PROPERTY_NAME,
            Constants.BASE_CLASSPATH_PROPERTY_NAME, Constants.BASE_REQUIRED_PROPERTY_NAME,
            Constants.BASE_TOLERANCE_PROPERTY_NAME, Constants.BASELINE_TOLERANCE_PROPERTY_NAME,
            Constants.PINNING_DETECT_PROPERTY_NAME, Constants.FORK_ENABLED_PROPERTY_NAME,
            Constants.FORK_TIMEOUT_PROPERTY_NAME, Constants.TIMEOUT_PROPERTY_NAME, Constants.SUMMARY_PROPERTY_NAME);

    /** Set in a {@code @Fork} child: the kind of the invocation it runs ({@code -} for a plain test). */
    public static final String FORK_CHILD = "brigade.fork.child";
    /** Set in a {@code @Fork} child: which of the invocation's runs it is, from 1 ({@code @Fork(runs = ...)}). */
    public static final String FORK_RUN = "brigade.fork.run";
    /** Set on the base side of an {@code @AgainstBase} test: the pairing it belongs to. */
    public static final String BASE_PAIRING = "brigade.base.pairing";
    /** Set on the base side of an {@code @AgainstBase} test: the kind of the template invocation it runs. */
    public static final String BASE_KIND = "brigade.base.kind";

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create("dev.brigade.junit", "configuration");

    public Configuration {
        values = Map.copyOf(values);
    }

    /** The engine run's configuration, read on first use and kept in the root store. */
    @SuppressWarnings("deprecation") // getOrComputeIfAbsent: JUnit 6 adds computeIfAbsent, JUnit 5.10 has only this
    public static Configuration of(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Configuration.class,
                k -> read(context), Configuration.class);
    }

    private static Configuration read(ExtensionContext context) {
        Map<String, String> values = new LinkedHashMap<>();
        Stream.concat(KEYS.stream(), Stream.of(FORK_CHILD, FORK_RUN, BASE_PAIRING, BASE_KIND))
                .forEach(key -> context.getConfigurationParameter(key).ifPresent(value -> values.put(key, value)));
        return new Configuration(values);
    }

    /** The value of {@code key}, if it is set. */
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** The kind this JVM's invocation runs, when this JVM is a {@code @Fork} child. */
    public Optional<String> forkChildKind() {
        return get(FORK_CHILD);
    }

    /** Which run of its invocation this {@code @Fork} child is, from 1; 1 outside a child too. */
    public int forkRun() {
        return get(FORK_RUN).map(Integer::parseInt).orElse(1);
    }

    /** Whether this is the base side of an {@code @AgainstBase} test. */
    public boolean baseSide() {
        return values.containsKey(BASE_PAIRING);
    }

    /** The one kind a base side's template runs, if this is a base side. */
    public Optional<String> baseKind() {
        return get(BASE_KIND);
    }

    /** The keys of {@link #KEYS} that are set, with their values: what a base side is given. */
    public Map<String, String> brigadeKeys() {
        Map<String, String> set = new LinkedHashMap<>();
        KEYS.forEach(key -> get(key).ifPresent(value -> set.put(key, value)));
        return set;
    }
}
