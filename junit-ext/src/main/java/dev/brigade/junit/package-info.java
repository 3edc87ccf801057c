/**
 * The JUnit 5 extension: {@link dev.brigade.junit.Brigade}, {@link dev.brigade.junit.Spawn} and
 * {@link dev.brigade.junit.Budget} annotations, the {@link dev.brigade.junit.BrigadeExtension} that reads them and
 * injects fixtures, and the {@link dev.brigade.junit.Constants} of its configuration.
 *
 * <p>Everything in {@code dev.brigade.junit.internal} and its sub-packages is implementation and may change in any
 * release.
 */
package dev.brigade.junit;
