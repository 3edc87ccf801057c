package dev.brigade.examples.findings;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Busy threads that compete for the CPUs until closed: load for the findings that ask what contention does to a
 * hand-off. {@link #spinning(int)} lets only some of them spin while the rest park, so two loads can take turns.
 * Closing stops and joins every one of them. One thread drives it; the spinners only read its settings.
 */
final class Spinners implements AutoCloseable {

    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;
    /** How many of the spinners (the first ones) may spin; the rest park. */
    private volatile int spinning = Integer.MAX_VALUE;

    private Spinners() {
    }

    /** Starts {@code n} platform threads that spin until {@link #close()}. */
    static Spinners start(int n) {
        return start(n, Thread.ofPlatform().daemon(), 0);
    }

    /**
     * Starts {@code n} threads from {@code builder} that spin until {@link #close()}, pausing for 50 µs after every
     * {@code sliceNanos} of spinning (never, when 0). A virtual thread that never blocks keeps its carrier; one that
     * only yields keeps it too, ahead of new tasks (measured: a new virtual thread did not start within two minutes
     * among four busy ones yielding every millisecond).
     */
    static Spinners start(int n, Thread.Builder builder, long sliceNanos) {
        Spinners spinners = new Spinners();
        for (int i = 0; i < n; i++) {
            int index = i;
            spinners.threads.add(builder.name("spinner-" + i).start(() -> spinners.spin(index, sliceNanos)));
        }
        return spinners;
    }

    /** Lets the first {@code n} spinners spin and parks the others; returns at once. */
    void spinning(int n) {
        int before = spinning;
        spinning = n;
        for (int i = before; i < Math.min(n, threads.size()); i++) {
            LockSupport.unpark(threads.get(i));
        }
    }

    private void spin(int index, long sliceNanos) {
        long slice = System.nanoTime();
        while (running) {
            if (index >= spinning) {
                LockSupport.park(this);
                slice = System.nanoTime();
            } else if (sliceNanos > 0 && System.nanoTime() - slice > sliceNanos) {
                LockSupport.parkNanos(50_000);
                slice = System.nanoTime();
            }
        }
    }

    @Override
    public void close() {
        running = false;
        for (Thread t : threads) {
            LockSupport.unpark(t);
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while stopping the spinners", e);
            }
        }
    }
}
