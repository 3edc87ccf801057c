/**
 * Baselines: the store of recorded runs per machine ({@link dev.brigade.junit.internal.baseline.BaselineFile}, one
 * JSON file per test class, written under a {@link dev.brigade.junit.internal.baseline.LockedFile} lock, keyed by
 * {@link dev.brigade.junit.internal.baseline.MachineFingerprint}), and the comparison of a result with it ({@link
 * dev.brigade.junit.internal.baseline.BaselineStore}) that {@code isNoWorseThanBaseline()} reaches through
 * {@link dev.brigade.junit.internal.baseline.ExtensionBaselineService}.
 *
 * <p>Implementation of {@code dev.brigade.junit}: not an API, it may change in any release.
 */
package dev.brigade.junit.internal.baseline;
