/**
 * The base build: the room of {@code @AgainstBase}, which measures a test against its copy in the base build (the
 * code before the change) in one JVM. Its class loader gives the base side the base build's classes and shares
 * Brigade and JUnit with the current side; it is opened once per invocation, with the pairing both sides' rounds
 * alternate in, as one resource in the invocation's store, which closes it. Not an API: for the extension only.
 */
package dev.brigade.junit.internal.base;
