package dev.brigade.junit.internal.report.model;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import org.apiguardian.api.API;

/**
 * Both sides' samples (execution or CPU-time, as the explanation's lines say) of a failed comparison with the base
 * build as one tree of frames, root first: what the page draws as a differential flame graph (current against base).
 * Built from the per-side collapsed stacks the explanation wrote, pruned to the frames that weigh something on either
 * side. Immutable.
 *
 * <p>Public for {@code report}, which builds and renders it beside this package.
 *
 * @param samplesCurrent      the current side's samples (the root's {@code current})
 * @param samplesBase         the base side's (the root's {@code base})
 * @param prunedBelowShare    frames whose share of both sides' samples was below this (a fraction) were left out,
 *                            with what they call
 * @param maxFrames           of the rest, at most this many were kept, the heaviest
 * @param framesLeftOut       how many frames were left out, either way
 * @param root                the tree's root, named {@code all}
 */
@API(status = INTERNAL, since = "0.1.0")
public record Flame(int samplesCurrent, int samplesBase, double prunedBelowShare, int maxFrames, int framesLeftOut,
                    Frame root) {

    /**
     * A frame: a method at one place in the stacks, with the samples that hold it there (it and what it calls).
     *
     * <p>Public for {@code report}, which builds and draws the tree.
     *
     * @param name     {@code com.example.Codec.encode(Frame)}
     * @param current  samples of the current side with this frame at this place in the stack
     * @param base     the same, base side
     * @param children the frames it calls, by name (as flamegraph.pl orders them)
     */
    @API(status = INTERNAL, since = "0.1.0")
    public record Frame(String name, int current, int base, List<Frame> children) {

        /** Copies the children. */
        public Frame {
            children = List.copyOf(children);
        }

        /** How many frames the tree from here holds, this one included. */
        public int size() {
            int size = 1;
            for (Frame child : children) {
                size += child.size();
            }
            return size;
        }
    }
}
