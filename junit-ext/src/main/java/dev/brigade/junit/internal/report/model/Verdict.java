package dev.brigade.junit.internal.report.model;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * The verdict of one check (a budget, a baseline comparison, a comparison with the base build), as the extension
 * made it; the reports count and word it ({@code report.Verdicts}), never decide it.
 *
 * <p>Public for {@code report}, which counts and words it beside this package.
 */
@API(status = INTERNAL, since = "0.1.0")
public enum Verdict {
    PASS,
    FAIL;

    /** {@link #FAIL} when {@code failed}, else {@link #PASS}. */
    public static Verdict failedIf(boolean failed) {
        return failed ? FAIL : PASS;
    }

    public boolean failed() {
        return this == FAIL;
    }
}
