/**
 * The implementation of the extension in {@code dev.brigade.junit}: not an API, it may change in any release.
 */
package dev.brigade.junit.internal;
