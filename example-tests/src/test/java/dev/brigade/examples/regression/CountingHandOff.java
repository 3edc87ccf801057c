package dev.brigade.examples.regression;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.LongAdder;

/**
 * A one-slot hand-off between two tasks that counts the items passed through it: the component the regression
 * demo puts a budget on, in two versions.
 *
 * <p>{@link #countingInline()} counts on the sender's thread. {@link #countingOnAThreadOfItsOwn()} is the
 * regression: a change moved the count to a platform thread started for every item, and waits for it so that no
 * count is lost. Both pass every functional test; only the cost tells them apart. Thread-safe.
 */
public final class CountingHandOff extends ArrayBlockingQueue<Object> {

    private static final long serialVersionUID = 1L;

    private final transient LongAdder handedOff = new LongAdder();
    private final boolean threadPerItem;

    private CountingHandOff(boolean threadPerItem) {
        super(1);
        this.threadPerItem = threadPerItem;
    }

    /** The good version: the sender counts the item itself. */
    public static CountingHandOff countingInline() {
        return new CountingHandOff(false);
    }

    /** The regressed version: every item is counted on a new platform thread, which the sender waits for. */
    public static CountingHandOff countingOnAThreadOfItsOwn() {
        return new CountingHandOff(true);
    }

    /** Hands {@code item} on, waiting for the slot to be free, and counts it. */
    @Override
    public void put(Object item) throws InterruptedException {
        super.put(item);
        if (threadPerItem) {
            Thread.ofPlatform().name("hand-off-count").start(handedOff::increment).join();
        } else {
            handedOff.increment();
        }
    }

    /** Items handed on so far. */
    public long handedOff() {
        return handedOff.sum();
    }
}
