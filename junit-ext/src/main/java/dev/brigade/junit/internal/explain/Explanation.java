package dev.brigade.junit.internal.explain;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.brigade.measure.Bytes;
import dev.brigade.measure.PairedShift;
import dev.brigade.measure.Units;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Where the cost of one pair of runs of an {@code @AgainstBase} test moved, base → current, from the JFR recording of
 * its paired rounds ({@link Explainer}): the methods whose estimated CPU time per hop (or task) moved most, the
 * allocation sites whose bytes per hop moved most, and counts per hop of stalls and GC. Immutable. Rendered under the
 * ratio of a failed comparison ({@link #lines()}); when there is nothing to say, {@link #missing} says why.
 *
 * <p>Public for {@code base} and {@code verdict}, which make it and hand it on as {@link Explained}.
 *
 * @param unit        {@code hop} or {@code task}
 * @param sampler     the samples that divide each side's CPU time among its methods
 * @param methods     the methods whose time per unit (total: in them and what they call) moved most, largest move
 *                    first, callers left out when a method they call carries the move (at most {@link Explainer#SHOWN})
 * @param tested      how many methods were tested for a move beyond noise (the Bonferroni divisor)
 * @param marked      how many of them moved beyond noise (shown or not)
 * @param allocations the allocation sites whose bytes per unit moved most, largest move first
 * @param noSites     why no allocation site is named though the current side allocated, else null
 * @param current     the current side's counts
 * @param base        the base side's counts
 * @param thin        why the time explanation is missing or thin (too few samples), else null
 * @param recording   the {@code .jfr} file
 * @param stacks      the collapsed-stack files, current then base
 */
@API(status = INTERNAL, since = "0.1.0")
public record Explanation(String unit, Sampler sampler, List<MethodShift> methods, int tested, int marked,
                          List<AllocationShift> allocations, String noSites,
                          SideCounts current, SideCounts base, String thin, Optional<Path> recording,
                          List<Path> stacks) {

    /** The start of the line that names the recording in the failure message. */
    private static final String RECORDING = "  recording: ";
    /** What separates the recording from the names of the stacks beside it on that line. */
    private static final String STACKS = "; stacks (flamegraph.pl, speedscope): ";

    /** Copies the lists. */
    public Explanation {
        methods = List.copyOf(methods);
        allocations = List.copyOf(allocations);
        stacks = List.copyOf(stacks);
    }

    /**
     * A method's share of each side's samples, and what it makes of each side's CPU time per unit.
     *
     * <p>Public for the experiment that measures explanations ({@code ExplainExperiment}, in the tests).
     *
     * @param method                   {@code com.example.Codec.encode(Frame)}
     * @param selfCurrent              samples with the method on top, current side
     * @param selfBase                 the same, base side
     * @param totalCurrent             samples with the method anywhere in the stack, current side
     * @param totalBase                the same, base side
     * @param nanosPerUnitCurrent      its total share × the current side's CPU time per unit
     * @param nanosPerUnitBase         the same, base side
     * @param shift                    the paired shift of its total share, current − base, round by round; null
     *                                 when it was not tested (too few pairs)
     * @param beyondNoise              whether that shift's Bonferroni interval excludes zero
     */
    @API(status = INTERNAL, since = "0.1.0")
    public record MethodShift(String method, int selfCurrent, int selfBase, int totalCurrent, int totalBase,
                              double nanosPerUnitCurrent, double nanosPerUnitBase, PairedShift shift,
                              boolean beyondNoise) {

        /** The move of its estimated time per unit (total), current − base. */
        public double deltaNanosPerUnit() {
            return nanosPerUnitCurrent - nanosPerUnitBase;
        }
    }

    /**
     * An allocation site's bytes per unit on each side, from the allocation samples' weights.
     *
     * @param allocatedClass            the class allocated, e.g. {@code byte[]}
     * @param site                      the first frame outside the JDK and Brigade, e.g.
     *                                  {@code com.example.Codec.frame(int)}
     * @param bytesPerUnitCurrent       bytes per unit, current side
     * @param bytesPerUnitBase          bytes per unit, base side
     * @param samplesCurrent            its allocation samples, current side
     * @param samplesBase               the same, base side
     */
    record AllocationShift(String allocatedClass, String site, double bytesPerUnitCurrent,
                           double bytesPerUnitBase, int samplesCurrent, int samplesBase) {

        /** The move of its bytes per unit, current − base. */
        public double deltaBytesPerUnit() {
            return bytesPerUnitCurrent - bytesPerUnitBase;
        }
    }

    /**
     * One side's measured rounds of the pair as the recording saw them.
     *
     * @param rounds                 measured rounds found in the recording
     * @param units                  hops or tasks those rounds ran
     * @param samples                execution or CPU-time samples that fell in them (the explanation's sampler)
     * @param allocationSamples      allocation samples that fell in them
     * @param cpuNanosPerUnit        the side's CPU time per unit, the median of its rounds (the comparison's figure)
     * @param parksPerUnit           parks of at least {@value PairedRecording#STALL_THRESHOLD_MILLIS} ms within a round
     * @param monitorWaitsPerUnit    monitor waits of that length
     * @param monitorEntersPerUnit   contended monitor enters of that length
     * @param pinnedPerUnit          pinned virtual-thread parks of that length
     * @param gcPausesPerUnit        garbage collections that started in a round
     * @param gcPauseNanosPerUnit    their pauses, summed
     */
    record SideCounts(int rounds, long units, int samples, int allocationSamples,
                      double cpuNanosPerUnit, double parksPerUnit, double monitorWaitsPerUnit,
                      double monitorEntersPerUnit, double pinnedPerUnit, double gcPausesPerUnit,
                      double gcPauseNanosPerUnit) {

        /** A side with no rounds: nothing recorded, or the missing side of a run measured alone. */
        static final SideCounts NONE = new SideCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /** An explanation that could not be made: {@code why}, in one line. */
    public static Explanation missing(String unit, String why, Optional<Path> recording) {
        return new Explanation(unit, Sampler.EXECUTION, List.of(), 0, 0, List.of(), null, SideCounts.NONE,
                SideCounts.NONE,
                why, recording, List.of());
    }

    /** Its lines with the files it left, for the failure message and the reports. */
    public Explained explained() {
        return new Explained(lines(), recording, stacks);
    }

    /** The lines to add under the ratio of a failed comparison, each starting with two spaces. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        if (current.rounds() == 0 && base.rounds() == 0) {
            lines.add("  no explanation: " + thin);
            return lines;
        }
        lines.add(String.format(Locale.ROOT, "  where the time moved (JFR %s of the measured rounds"
                + " × each side's CPU time per %s, %s → %s; %d of %d methods tested beyond noise, Bonferroni):",
                sampler.words(), unit, Units.format(base.cpuNanosPerUnit(), "ns"),
                Units.format(current.cpuNanosPerUnit(), "ns"), marked, tested));
        if (thin != null) {
            lines.add("    " + thin);
        }
        for (MethodShift m : methods) {
            lines.add(String.format(Locale.ROOT,
                    "    %s/%s  %s  total %s → %s, self %s → %s of %d → %d samples; %s",
                    signed(Units.format(m.deltaNanosPerUnit(), "ns")), unit, m.method(),
                    percent(m.totalBase(), base.samples()),
                    percent(m.totalCurrent(), current.samples()),
                    percent(m.selfBase(), base.samples()),
                    percent(m.selfCurrent(), current.samples()), base.samples(),
                    current.samples(), m.shift() == null
                            ? "too few pairs to test" : m.beyondNoise() ? "beyond sampling noise"
                            : "within sampling noise"));
        }
        if (noSites != null) {
            lines.add("  allocation sites: " + noSites);
        } else if (!allocations.isEmpty()) {
            lines.add(String.format(Locale.ROOT, "  allocation sites that moved (%d / %d allocation samples):",
                    current.allocationSamples(), base.allocationSamples()));
            for (AllocationShift a : allocations) {
                lines.add(String.format(Locale.ROOT, "    %s/%s  %s at %s  %s → %s per %s",
                        signed(Bytes.format(a.deltaBytesPerUnit())), unit, a.allocatedClass(), a.site(),
                        Bytes.format(a.bytesPerUnitBase()), Bytes.format(a.bytesPerUnitCurrent()), unit));
            }
        }
        lines.add(String.format(Locale.ROOT, "  per %s, base → current: parks ≥ %d ms %s → %s,"
                + " monitor waits %s → %s,"
                + " contended enters %s → %s, pinned %s → %s, GC pauses %s → %s (%s → %s)", unit,
                PairedRecording.STALL_THRESHOLD_MILLIS, count(base.parksPerUnit()), count(current.parksPerUnit()),
                count(base.monitorWaitsPerUnit()), count(current.monitorWaitsPerUnit()),
                count(base.monitorEntersPerUnit()), count(current.monitorEntersPerUnit()),
                count(base.pinnedPerUnit()), count(current.pinnedPerUnit()), count(base.gcPausesPerUnit()),
                count(current.gcPausesPerUnit()), Units.format(base.gcPauseNanosPerUnit(), "ns"),
                Units.format(current.gcPauseNanosPerUnit(), "ns")));
        recording.ifPresent(r -> lines.add(recordingLine(r, stacks)));
        return lines;
    }

    /** The line that names the recording and the collapsed stacks beside it, as the report reads it back. */
    static String recordingLine(Path recording, List<Path> stacks) {
        return RECORDING + recording + (stacks.isEmpty() ? ""
                : STACKS + String.join(", ", stacks.stream().map(p -> p.getFileName().toString()).toList()));
    }

    private static String signed(String figure) {
        return figure.startsWith("-") ? figure : "+" + figure;
    }

    static String percent(int part, int whole) {
        return whole == 0 ? "–" : String.format(Locale.ROOT, "%.0f %%", 100.0 * part / whole);
    }

    static String count(double perUnit) {
        return Units.format(perUnit, "1");
    }
}
