package dev.brigade.junit.internal.report;

import dev.brigade.junit.internal.report.model.Flame;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The tree of a differential flame graph ({@link Flame}) from an explanation's two collapsed-stack files, current and
 * base, as {@code Explainer} wrote them beside the recording ({@code root;…;leaf count} a line). Pruned so that the
 * page stays small whatever the stacks: a frame under {@value #PRUNE_BELOW_SHARE} of both sides' samples is left out
 * with what it calls, and of the rest at most {@value #MAX_FRAMES}, the heaviest, are kept. Stateless.
 */
final class Flames {

    /** A frame below this share of each side's samples is left out. */
    static final double PRUNE_BELOW_SHARE = 0.005;
    /** Frames kept at most. */
    static final int MAX_FRAMES = 300;

    private Flames() {
    }

    /**
     * The flame of the stacks {@code files} (current, then base), or null when there are not two or one cannot be
     * read (the files are gone, or the explanation never wrote them).
     */
    static Flame read(List<String> files) {
        if (files.size() != 2) {
            return null;
        }
        Node root = new Node("all", 0);
        try {
            for (int side = 0; side < 2; side++) {
                for (String line : Files.readAllLines(Path.of(files.get(side)), StandardCharsets.UTF_8)) {
                    int space = line.lastIndexOf(' ');
                    if (space <= 0) {
                        continue;
                    }
                    int count = Integer.parseInt(line.substring(space + 1).strip());
                    root.add(line.substring(0, space).split(";"), side, count);
                }
            }
        } catch (IOException | UncheckedIOException | NumberFormatException e) {
            return null;
        }
        return of(root);
    }

    private static Flame of(Node root) {
        int current = root.counts[0];
        int base = root.counts[1];
        List<Node> kept = new ArrayList<>();
        root.collect(current, base, kept);
        if (kept.size() > MAX_FRAMES) {
            // the heaviest, shallower first among equals: a frame weighs no more than its caller and lies deeper, so
            // what is kept stays one tree (a deep recursion of one share keeps its first frames)
            kept.sort(Comparator.comparingDouble((Node n) -> -n.share(current, base)).thenComparingInt(n -> n.depth));
            kept = kept.subList(0, MAX_FRAMES);
        }
        Set<Node> keep = Collections.newSetFromMap(new IdentityHashMap<>());
        keep.addAll(kept);
        Flame.Frame tree = root.frame(keep);
        return new Flame(current, base, PRUNE_BELOW_SHARE, MAX_FRAMES, root.size() - tree.size(), tree);
    }

    /** A frame while the tree is built: its samples per side and its callees by name. Not thread-safe. */
    private static final class Node {

        final String name;
        final int[] counts = new int[2];
        final Map<String, Node> children = new TreeMap<>();
        final int depth;

        Node(String name, int depth) {
            this.name = name;
            this.depth = depth;
        }

        void add(String[] stack, int side, int count) {
            Node node = this;
            node.counts[side] += count;
            for (String frame : stack) {
                int depth = node.depth + 1;
                node = node.children.computeIfAbsent(frame, f -> new Node(f, depth));
                node.counts[side] += count;
            }
        }

        /** The larger of its shares of each side's samples. */
        double share(int current, int base) {
            return Math.max(current == 0 ? 0 : (double) counts[0] / current, base == 0 ? 0 : (double) counts[1] / base);
        }

        int size() {
            int size = 1;
            for (Node child : children.values()) {
                size += child.size();
            }
            return size;
        }

        /** The frames from here whose share of either side reaches {@link #PRUNE_BELOW_SHARE}, this one always. */
        void collect(int current, int base, List<Node> into) {
            into.add(this);
            for (Node child : children.values()) {
                if (child.share(current, base) >= PRUNE_BELOW_SHARE) {
                    child.collect(current, base, into);
                }
            }
        }

        /** This frame and those it calls that are in {@code keep}, by name as flamegraph.pl orders them. */
        Flame.Frame frame(Set<Node> keep) {
            return new Flame.Frame(name, counts[0], counts[1], children.values().stream().filter(keep::contains)
                    .map(c -> c.frame(keep)).toList());
        }
    }
}
