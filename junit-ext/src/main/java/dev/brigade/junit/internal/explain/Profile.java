package dev.brigade.junit.internal.explain;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.brigade.measure.Bytes;
import dev.brigade.measure.Units;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Where the time and allocation of one run measured alone go, per hop (or task), from a JFR recording of it
 * ({@link Explainer#profile}): the second measurement of a failed {@code @Budget}. The same figures as an
 * {@link Explanation} of a comparison, for one side and without a diff. Immutable.
 *
 * <p>Public for {@code verdict}, whose {@code SecondMeasurement} words a failed budget's explanation from it.
 *
 * @param unit        {@code hop} or {@code task}
 * @param sampler     the samples that divide the run's CPU time among its methods
 * @param methods     the methods the time goes to most (total: in them and what they call), callers left out when a
 *                    method they call carries their time, as {@link Explanation.MethodShift}s of the current side
 *                    alone (at most {@link Explainer#SHOWN})
 * @param allocations the allocation sites that allocate most per unit, as shifts of the current side alone
 * @param counts      the run's counts
 * @param thin        why the time explanation is missing or thin (too few samples), else null
 * @param recording   the {@code .jfr} file
 * @param stacks      the collapsed-stack file
 */
@API(status = INTERNAL, since = "0.1.0")
public record Profile(String unit, Sampler sampler, List<Explanation.MethodShift> methods,
                      List<Explanation.AllocationShift> allocations, Explanation.SideCounts counts, String thin,
                      Optional<Path> recording, List<Path> stacks) {

    /** Copies the lists. */
    public Profile {
        methods = List.copyOf(methods);
        allocations = List.copyOf(allocations);
        stacks = List.copyOf(stacks);
    }

    /** A profile that could not be made: {@code why}, in one line. */
    public static Profile missing(String unit, String why, Optional<Path> recording) {
        return new Profile(unit, Sampler.EXECUTION, List.of(), List.of(), Explanation.SideCounts.NONE, why, recording,
                List.of());
    }

    /** The lines to add to a failed budget's message, each starting with two spaces. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        if (counts.rounds() == 0) {
            lines.add("  no explanation: " + thin);
            return lines;
        }
        int samples = counts.samples();
        lines.add(String.format(Locale.ROOT, "  where the time goes (JFR %s of its %d measured round%s"
                + " × its CPU time per %s, %s; %d samples):", sampler.words(), counts.rounds(),
                counts.rounds() == 1 ? "" : "s", unit, Units.format(counts.cpuNanosPerUnit(), "ns"), samples));
        if (thin != null) {
            lines.add("    " + thin);
        }
        for (Explanation.MethodShift m : methods) {
            lines.add(String.format(Locale.ROOT, "    %s/%s  %s  total %s, self %s of %d samples (%d, %d)",
                    Units.format(m.nanosPerUnitCurrent(), "ns"), unit, m.method(),
                    Explanation.percent(m.totalCurrent(), samples), Explanation.percent(m.selfCurrent(), samples),
                    samples, m.totalCurrent(), m.selfCurrent()));
        }
        if (!allocations.isEmpty()) {
            lines.add(String.format(Locale.ROOT, "  where it allocates (%d allocation sample%s):",
                    counts.allocationSamples(), counts.allocationSamples() == 1 ? "" : "s"));
            for (Explanation.AllocationShift a : allocations) {
                lines.add(String.format(Locale.ROOT, "    %s/%s  %s at %s  (%d sample%s)",
                        Bytes.format(a.bytesPerUnitCurrent()), unit, a.allocatedClass(), a.site(),
                        a.samplesCurrent(), a.samplesCurrent() == 1 ? "" : "s"));
            }
        }
        lines.add(String.format(Locale.ROOT, "  per %s: parks ≥ %d ms %s, monitor waits %s, contended enters %s,"
                + " pinned %s, GC pauses %s (%s)", unit, PairedRecording.STALL_THRESHOLD_MILLIS,
                Explanation.count(counts.parksPerUnit()), Explanation.count(counts.monitorWaitsPerUnit()),
                Explanation.count(counts.monitorEntersPerUnit()), Explanation.count(counts.pinnedPerUnit()),
                Explanation.count(counts.gcPausesPerUnit()), Units.format(counts.gcPauseNanosPerUnit(), "ns")));
        recording.ifPresent(r -> lines.add(Explanation.recordingLine(r, stacks)));
        return lines;
    }
}
