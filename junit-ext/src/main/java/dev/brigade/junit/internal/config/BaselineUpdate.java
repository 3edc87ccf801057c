package dev.brigade.junit.internal.config;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Locale;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What a run does with baselines, as {@code brigade.baseline.update} says: compare, replace, or add a run.
 *
 * <p>Public for {@code baseline}, which records as it says.
 */
@API(status = INTERNAL, since = "0.1.0")
public enum BaselineUpdate {

    /** {@code false}: compare with the stored runs, never write. */
    COMPARE("false"),
    /** {@code true}: replace the entry's runs with this run; comparisons are skipped. */
    REPLACE("true"),
    /** {@code add}: append this run to the entry's runs, keeping the newest; comparisons are skipped. */
    ADD("add");

    private final String value;

    BaselineUpdate(String value) {
        this.value = value;
    }

    /** The value as written in the configuration: {@code false}, {@code true} or {@code add}. */
    public String value() {
        return value;
    }

    /** Whether this run writes baselines rather than comparing with them. */
    public boolean records() {
        return this != COMPARE;
    }

    /** The setting written as {@code text} (any case, blanks around it ignored), or empty when it is none. */
    static Optional<BaselineUpdate> of(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        for (BaselineUpdate update : values()) {
            if (update.value.equals(wanted)) {
                return Optional.of(update);
            }
        }
        return Optional.empty();
    }
}
