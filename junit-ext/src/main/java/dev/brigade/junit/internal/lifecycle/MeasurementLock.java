package dev.brigade.junit.internal.lifecycle;

import java.util.concurrent.locks.ReentrantLock;

/**
 * The JVM-wide lock every measured invocation holds while it runs, so that no two measurements overlap however
 * the tests are scheduled (JUnit's resource locks cover {@code @Brigade} and {@code @Spawn}; this also covers plain
 * tests that take fixtures). Fair: waiting tests run in the order they came. Thread-safe.
 */
final class MeasurementLock {

    private static final ReentrantLock LOCK = new ReentrantLock(true);

    private MeasurementLock() {
    }

    static void lock() throws InterruptedException {
        LOCK.lockInterruptibly();
    }

    static void unlock() {
        LOCK.unlock();
    }

    /** Runs {@code body} holding the lock: its failure, or null when it passed. */
    static Throwable alone(Body body) throws InterruptedException {
        lock();
        try {
            body.run();
            return null;
        } catch (Throwable t) {
            return t;
        } finally {
            unlock();
        }
    }

    /** What runs under the lock. */
    @FunctionalInterface
    interface Body {
        void run() throws Throwable;
    }
}
