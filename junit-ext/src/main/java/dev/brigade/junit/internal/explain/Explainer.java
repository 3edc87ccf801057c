package dev.brigade.junit.internal.explain;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.sun.management.HotSpotDiagnosticMXBean;
import dev.brigade.measure.PairedShift;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;
import org.apiguardian.api.API;

/**
 * Reads a {@link PairedRecording} and explains one pair of runs in it ({@link Explanation}): every execution (or
 * CPU-time, {@link Sampler}) and allocation sample is given to the measured round whose time span holds it (only one
 * side measures at a time; the other waits, parked; an allocation sample also to a round set aside while the JIT
 * compiled), and each side's figures are divided by the hops or tasks of its rounds, but for allocation: each side's
 * measured bytes per unit are shared between its sites by their samples' weights. Stateless.
 *
 * <p>Time: a method's total share of a side's samples (the samples with it anywhere in the stack) times that side's
 * CPU time per unit (the median of its rounds, the figure the comparison used; both samplers see threads running
 * Java, so they divide CPU time, not wall time); callers whose move a callee carries are left out, so the method that
 * got dearer leads, not the stack's roots, and Brigade's own methods come after the code under test. Noise: for
 * each of the {@value #TESTED} methods that moved most, the shift of its total share, current round {@code k} minus
 * base round {@code k}, with its Wilcoxon interval ({@link PairedShift}) at a confidence of {@code 1 - 0.05 / tested}
 * (Bonferroni), so that an A/A pair marks no method in 95 % of runs.
 *
 * <p>Public for {@code base}, which explains a failed pair of runs with it.
 */
@API(status = INTERNAL, since = "0.1.0")
public final class Explainer {

    /** Methods and allocation sites shown. */
    public static final int SHOWN = 3;
    /** Methods tested for a move beyond noise, at most: those whose estimated self time moved most. */
    static final int TESTED = 20;
    /**
     * The JVM flags under which execution samples name the right one of several inlined methods: without
     * {@code DebugNonSafepoints} a compiled method keeps where its inlined methods lie only at its safepoints, and
     * a sample taken between them is given to the nearest, which may be another inlined method, or the other build's
     * copy of the same one (measured, docs/methodology.md, "Explanations of a failed comparison"). {@code @Fork}'s
     * children get them; the test JVM needs them in its own flags (Surefire's {@code argLine}).
     */
    public static final List<String> PRECISE_SAMPLES = List.of("-XX:+UnlockDiagnosticVMOptions",
            "-XX:+DebugNonSafepoints");

    /**
     * The JVM flags under which a platform brigade's threads give JFR many allocation samples: a new TLAB every
     * 16 KiB. In a 20-task comparison of 1 s a side, 469 in the current side's rounds (one recording) instead of 0 to
     * 23; the new allocation site named 20 of 20 times instead of 33 of 40; the hop's time and allocation did not
     * change measurably (docs/methodology.md, "Few allocation samples, and shared bytes").
     */
    static final List<String> MORE_ALLOCATION_SAMPLES = List.of("-XX:TLABSize=16k", "-XX:-ResizeTLAB");
    /** Methods considered, those whose estimated time moved most, before callers are left out. */
    static final int CANDIDATES = 40;
    /** A callee is nested in a caller when this share of the callee's samples also hold the caller. */
    static final double NESTED = 0.95;
    /**
     * A callee carries a caller's move when it moves the same way by at least this share of it: at 0.8, a hop whose
     * encode got 3x slower was named instead of encode in some runs (two estimates, each with its sampling noise).
     */
    static final double CARRIED = 0.5;
    /** Family-wise error of the noise marks. */
    static final double FAMILY_ALPHA = 0.05;
    private static final String CURRENT = "current";
    private static final String BASE = "base";
    /** The side of a run measured alone, in Brigade's round events. */
    private static final String ALONE = "-";
    /** The phases of Brigade's round events read here. */
    private static final String WARMUP = "warmup";
    private static final String MEASURED = "measured";
    /** The events that say a thread was running Java code at their time. */
    private static final Set<String> SAMPLES = Set.of("jdk.ExecutionSample", PairedRecording.CPU_TIME_SAMPLE,
            "jdk.ObjectAllocationSample");
    private static final List<String> OUTSIDE_SITES = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.",
            "dev.brigade.fixture.", "dev.brigade.measure.", "dev.brigade.junit.", "org.junit.");

    /** The address a hidden class's name ends with ({@code .0x...} or {@code /0x...}), with a lambda's number. */
    private static final java.util.regex.Pattern HIDDEN = java.util.regex.Pattern.compile(
            "(\\$\\d+)?[./]0x[0-9a-fA-F]+");

    private Explainer() {
    }

    /**
     * Explains pair {@code pair} (0 for the first brigade or spawn the test ran beside the base build) of the
     * recording {@code file}, whose sides took {@code cpuNanosPerUnitCurrent} and {@code cpuNanosPerUnitBase} of CPU
     * time per unit and {@code bytesPerUnitCurrent} and {@code bytesPerUnitBase} of allocation (the medians of their
     * rounds); {@code unit} is {@code hop} or {@code task}. The collapsed stacks of each side are written beside the
     * file.
     */
    public static Explanation explain(Path file, int pair, double cpuNanosPerUnitCurrent, double cpuNanosPerUnitBase,
                                      double bytesPerUnitCurrent, double bytesPerUnitBase, String unit,
                                      Sampler sampler) {
        Recorded recorded;
        try {
            recorded = Recorded.read(file, pair, false, sampler);
        } catch (IOException | RuntimeException e) {
            return Explanation.missing(unit, "cannot read the recording " + file + ": " + e, Optional.of(file));
        }
        if (recorded.rounds.isEmpty()) {
            return Explanation.missing(unit, "the recording holds no measured round of pair " + (pair + 1),
                    Optional.of(file));
        }
        recorded.shareWeights(new double[] {bytesPerUnitCurrent, bytesPerUnitBase});
        List<Path> stacks = new ArrayList<>();
        String thin = null;
        for (String side : List.of(CURRENT, BASE)) {
            thin = recorded.collapsed(file, (pair == 0 ? "" : "-pair" + (pair + 1)) + "-" + side, side, stacks, thin);
        }
        Explanation.SideCounts current = recorded.counts(CURRENT, cpuNanosPerUnitCurrent);
        Explanation.SideCounts base = recorded.counts(BASE, cpuNanosPerUnitBase);
        List<Explanation.MethodShift> methods = List.of();
        int tested = 0;
        int marked = 0;
        Sampler used = recorded.sampler;
        if (current.samples() < used.minimum() || base.samples() < used.minimum()) {
            thin = tooFew(used, base.samples() + " → " + current.samples() + ", " + used.minimum() + " a side");
        } else {
            List<Explanation.MethodShift> moved = recorded.methodShifts(current, base);
            tested = moved.size();
            marked = (int) moved.stream().filter(Explanation.MethodShift::beyondNoise).count();
            methods = moved.subList(0, Math.min(SHOWN, moved.size()));
            thin = thin == null ? recorded.caveat() : thin;
        }
        return new Explanation(unit, used, methods, tested, marked, recorded.allocationShifts(current, base,
                new double[] {bytesPerUnitCurrent, bytesPerUnitBase}), noSites(current, base, bytesPerUnitCurrent),
                current, base, thin, Optional.of(file), stacks);
    }

    /**
     * Why no allocation site is named, when the current side allocated {@code bytesPerUnitCurrent} per unit but its
     * rounds hold no allocation sample: every site would show a move towards the base build, whatever the current
     * build allocates (a site of the base side's samples led 1 of 20 platform-brigade comparisons so,
     * 2026-12-06, docs/methodology.md); null when there is a sample, or nothing was allocated.
     */
    static String noSites(Explanation.SideCounts current, Explanation.SideCounts base, double bytesPerUnitCurrent) {
        return current.allocationSamples() == 0 && bytesPerUnitCurrent > 0
                ? "none named, for the current side's rounds hold no allocation sample (" + base.allocationSamples()
                + " → 0): JFR samples a thread when it takes a new TLAB, which the threads of a platform brigade do"
                + " seldom, and all at once: " + String.join(" ", MORE_ALLOCATION_SAMPLES) + " gives more"
                + " (docs/explanations.md)" : null;
    }

    /**
     * Where the time and allocation of the one run measured alone in the recording {@code file} go (the second
     * measurement of a failed budget), which took {@code cpuNanosPerUnit} of CPU time and allocated
     * {@code bytesPerUnit} per unit (the medians of its rounds; {@code NaN} when not measured); {@code unit} is
     * {@code hop} or {@code task}. Its collapsed stacks are written beside the file.
     */
    public static Profile profile(Path file, double cpuNanosPerUnit, double bytesPerUnit, String unit,
                                  Sampler sampler) {
        Recorded recorded;
        try {
            recorded = Recorded.read(file, 0, true, sampler);
        } catch (IOException | RuntimeException e) {
            return Profile.missing(unit, "cannot read the recording " + file + ": " + e, Optional.of(file));
        }
        if (recorded.rounds.isEmpty()) {
            return Profile.missing(unit, "the recording holds no measured round", Optional.of(file));
        }
        List<Path> stacks = new ArrayList<>();
        String thin = recorded.collapsed(file, "", ALONE, stacks, null);
        Explanation.SideCounts counts = recorded.counts(ALONE, cpuNanosPerUnit);
        Explanation.SideCounts none = Explanation.SideCounts.NONE;
        List<Explanation.MethodShift> methods = List.of();
        Sampler used = recorded.sampler;
        if (counts.samples() < used.minimum()) {
            thin = tooFew(used, counts.samples() + ", " + used.minimum());
        } else {
            List<Explanation.MethodShift> costs = recorded.methodMoves(counts, none);
            methods = costs.subList(0, Math.min(SHOWN, costs.size()));
            thin = thin == null ? recorded.caveat() : thin;
        }
        return new Profile(unit, used, methods, recorded.allocationShifts(counts, none,
                new double[] {bytesPerUnit, Double.NaN}), counts, thin, Optional.of(file), stacks);
    }

    /**
     * Why the methods named may be the wrong ones among inlined methods, when this JVM (the one that recorded) runs
     * without {@code DebugNonSafepoints}; null when it runs with it, or when it is not HotSpot.
     */
    static String imprecise() {
        try {
            HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            if (hotSpot == null || Boolean.parseBoolean(hotSpot.getVMOption("DebugNonSafepoints").getValue())) {
                return null;
            }
        } catch (RuntimeException e) {
            return null;  // no such flag: not HotSpot, nothing known to say
        }
        return "samples may name a neighbour of the method they fell in, among methods the JIT inlined together:"
                + " run the tests with " + String.join(" ", PRECISE_SAMPLES) + " (docs/explanations.md)";
    }

    /**
     * {@code moves} with Brigade's own methods (its tasks' loop and links) after the others, each part in its
     * order. Both sides run the same Brigade code; its time moves when the hand-off does, which the ratio already
     * says, and it moves when the code under test gets slower: a slower hop leaves a carrier idle more often, and
     * the link's {@code send} that wakes it gets dearer. Ranked with the rest, the queue link's {@code send} headed
     * 2 of 20 failed comparisons whose base build's {@code encode} did a third of the steps (measured in
     * {@code ExplainExperiment}, 2026-12-06; docs/methodology.md); after them, none.
     */
    static List<Explanation.MethodShift> codeUnderTestFirst(List<Explanation.MethodShift> moves) {
        List<Explanation.MethodShift> ordered = new ArrayList<>(moves.size());
        moves.stream().filter(m -> !brigades(m.method())).forEach(ordered::add);
        moves.stream().filter(m -> brigades(m.method())).forEach(ordered::add);
        return ordered;
    }

    private static boolean brigades(String method) {
        return method.startsWith("dev.brigade.fixture.") || method.startsWith("dev.brigade.measure.")
                || method.startsWith("dev.brigade.junit.internal.");
    }

    private static String tooFew(Sampler sampler, String counts) {
        return "too few " + sampler.words() + " for a time explanation: " + counts + " at least (" + sampler.few()
                + ": docs/explanations.md)";
    }

    /** A round of a side: its span and units. */
    record Round(String side, int index, Instant start, Instant end, long units) {
    }

    /** An execution or CPU-time sample in a round: its frames, top first, as method names. */
    private record Sample(Round round, List<String> frames) {
    }

    /**
     * An allocation sample in a round: taken at {@code at} on thread {@code thread}, weighing {@code bytes}, the bytes
     * the thread allocated since its previous sample in the recording, taken at {@code since} (null for its first).
     */
    record Allocation(Round round, String allocatedClass, String site, long bytes, long thread, Instant at,
                      Instant since) {
    }

    /** Where an allocation sample was taken: the class allocated and the first frame outside the JDK and Brigade. */
    private record Site(String allocatedClass, String site) {
    }

    /** A round of a pair and its phase ({@value #WARMUP}, {@value #MEASURED} or {@code set-aside}). */
    record Span(Round round, String phase) {
    }

    /** A stall (park, wait, enter, pinned) or GC that happened within a round. */
    private record Stall(Round round, String type, long pauseNanos) {
    }

    /** What the recording holds of one pair's measured rounds. */
    static final class Recorded {

        /** The pair's measured rounds, sorted by start. */
        final List<Round> rounds;
        /**
         * Every round of the pair, warm-up and set-aside ones too, sorted by start: the spans that an allocation
         * sample's weight may reach back over.
         */
        final List<Round> spans;
        /** The pair's rounds in which allocation samples count: measured and set-aside ones, sorted by start. */
        final List<Round> sampled;
        /** The sides each thread was seen running in the pair's rounds, by any sample it left there. */
        final Map<Long, Set<String>> threadSides = new HashMap<>();
        /** The samples of {@link #sampler} in the rounds. */
        final List<Sample> samples = new ArrayList<>();
        /** The sampler asked for, or execution samples when the recording holds none of its samples. */
        final Sampler sampler;
        /** Whether execution samples stand in for the sampler asked for (a JVM without the CPU-time sampler). */
        final boolean standIn;
        final List<Allocation> allocations = new ArrayList<>();
        final List<Stall> stalls = new ArrayList<>();

        /** A pair whose rounds, with their phases, sorted by start, are {@code spans}; {@link #read} adds samples. */
        Recorded(List<Span> spans, Sampler sampler, boolean standIn) {
            this.rounds = spans.stream().filter(s -> s.phase().equals(MEASURED)).map(Span::round).toList();
            this.spans = spans.stream().map(Span::round).toList();
            // allocation samples count in set-aside rounds too: the same code ran, and a platform brigade's few
            // samples come in bursts (see shareWeights) that may all fall in one
            this.sampled = spans.stream().filter(s -> !s.phase().equals(WARMUP)).map(Span::round).toList();
            this.sampler = sampler;
            this.standIn = standIn;
        }

        /**
         * The measured rounds of pair {@code pair}, or with {@code alone} of the run measured alone, with the samples
         * of {@code sampler}; of the execution sampler when {@code sampler} recorded nothing in the whole file.
         */
        static Recorded read(Path file, int pair, boolean alone, Sampler sampler) throws IOException {
            List<RecordedEvent> events = RecordingFile.readAllEvents(file);
            boolean standIn = sampler != Sampler.EXECUTION && events.stream().noneMatch(e -> e.getEventType()
                    .getName().equals(sampler.event()));
            Recorded recorded = new Recorded(pairRounds(events, pair, alone), standIn ? Sampler.EXECUTION : sampler,
                    standIn);
            if (recorded.rounds.isEmpty()) {
                return recorded;
            }
            String sampled = recorded.sampler.event();
            Round[] byStart = recorded.rounds.toArray(Round[]::new);
            Round[] sampledByStart = recorded.sampled.toArray(Round[]::new);
            Round[] anyByStart = recorded.spans.toArray(Round[]::new);
            Set<Long> drivers = drivers(events);
            Map<Long, Round> lastDriverSample = new HashMap<>();  // the round of each driver's last allocation sample
            Map<Long, Instant> lastAllocationSample = new HashMap<>();  // each thread's, anywhere in the recording
            List<RecordedEvent> byTime = events.stream().sorted(Comparator.comparing(RecordedEvent::getStartTime))
                    .toList();
            for (RecordedEvent e : byTime) {
                String type = e.getEventType().getName();
                recorded.seen(e, anyByStart);
                if (type.equals(sampled)) {
                    Round r = roundAt(byStart, e.getStartTime());
                    // a CPU-time sample whose stack could not be walked has none
                    if (r != null && e.getStackTrace() != null) {
                        recorded.samples.add(new Sample(r, frames(e.getStackTrace())));
                    }
                    continue;
                }
                switch (type) {
                    case "jdk.ObjectAllocationSample" -> {
                        long thread = e.getThread() == null ? -1 : e.getThread().getJavaThreadId();
                        Instant since = thread < 0 ? null : lastAllocationSample.put(thread, e.getStartTime());
                        Round r = roundAt(sampledByStart, e.getStartTime());
                        RecordedClass allocated = e.getClass("objectClass");
                        if (r != null && allocated != null && !straddles(e, r, drivers, lastDriverSample)) {
                            recorded.allocations.add(new Allocation(r, typeName(allocated.getName()),
                                    site(e.getStackTrace()), e.getLong("weight"), thread, e.getStartTime(), since));
                        }
                    }
                    case "jdk.ThreadPark", "jdk.JavaMonitorWait", "jdk.JavaMonitorEnter", "jdk.VirtualThreadPinned" -> {
                        Round r = roundAt(byStart, e.getStartTime());
                        // only a stall within one round: the idle side's tasks wait across the other side's rounds
                        if (r != null && !e.getEndTime().isAfter(r.end())) {
                            recorded.stalls.add(new Stall(r, type, 0));
                        }
                    }
                    case "jdk.GarbageCollection" -> {
                        Round r = roundAt(byStart, e.getStartTime());
                        if (r != null) {
                            recorded.stalls.add(new Stall(r, type, e.getDuration("sumOfPauses").toNanos()));
                        }
                    }
                    default -> {
                    }
                }
            }
            return recorded;
        }

        /**
         * Gives each allocation sample of a thread that ran both sides' hops only its own side's part of its weight.
         * Both sides' rounds may run on one brigade (the current side's tasks run the base build's hops in the base
         * side's rounds), and a sample's weight is the bytes its thread allocated since its previous sample, which may
         * lie rounds back, across rounds of both sides: JFR samples a thread when it takes a new TLAB, and a platform
         * brigade's threads, each allocating little, take one seldom, and all together, since they run the same hops
         * in turn (a 20-task {@code PLATFORM} comparison of 1 s held 0 to 23 allocation samples in the pair's rounds,
         * 2026-12-06). The part that is the sample's own side is estimated from the units each side ran in
         * that span, in any of the pair's rounds, and each side's measured allocation per unit: a task that allocates
         * 1 KiB in the current side's hops and nothing in the base side's gives a current-side sample all of its
         * weight, whatever lies between. A thread seen running in one side's rounds only (by any of its samples)
         * keeps its weights.
         *
         * @param bytesPerUnit each side's measured allocation per unit, current first
         */
        void shareWeights(double[] bytesPerUnit) {
            Instant first = spans.get(0).start();
            List<Allocation> shared = new ArrayList<>(allocations.size());
            for (Allocation a : allocations) {
                if (a.thread() < 0 || threadSides.getOrDefault(a.thread(), Set.of()).size() < 2) {
                    shared.add(a);
                    continue;
                }
                double[] units = unitsBetween(a.since() == null || a.since().isBefore(first) ? first : a.since(),
                        a.at());
                int side = index(a.round());
                double own = Math.max(0, bytesPerUnit[side]) * units[side];
                double all = own + Math.max(0, bytesPerUnit[1 - side]) * units[1 - side];
                long bytes = all > 0 ? Math.round(a.bytes() * own / all) : a.bytes();
                shared.add(new Allocation(a.round(), a.allocatedClass(), a.site(), bytes, a.thread(), a.at(),
                        a.since()));
            }
            allocations.clear();
            allocations.addAll(shared);
        }

        /** Units of each side's rounds, any phase, within ({@code from}, {@code to}], a round by its span's share. */
        private double[] unitsBetween(Instant from, Instant to) {
            double[] units = new double[2];
            for (Round r : spans) {
                if (!r.start().isBefore(to)) {
                    break;
                }
                if (!r.end().isAfter(from)) {
                    continue;
                }
                Instant start = r.start().isAfter(from) ? r.start() : from;
                Instant end = r.end().isBefore(to) ? r.end() : to;
                long span = Duration.between(r.start(), r.end()).toNanos();
                units[index(r)] += span <= 0 ? r.units()
                        : r.units() * (double) Duration.between(start, end).toNanos() / span;
            }
            return units;
        }

        /** The threads that ran the rounds: those that committed Brigade's round events. */
        private static Set<Long> drivers(List<RecordedEvent> events) {
            Set<Long> drivers = new HashSet<>();
            for (RecordedEvent e : events) {
                if (e.getEventType().getName().equals(PairedRecording.ROUND) && e.getThread() != null) {
                    drivers.add(e.getThread().getJavaThreadId());
                }
            }
            return drivers;
        }

        /**
         * Whether allocation sample {@code e}, in round {@code r}, is one of the thread that drives the rounds and
         * its weight reaches back before the round. A sample's weight is the bytes its thread allocated since the
         * thread's last sample; the driver allocates between rounds (probe readings, the side's bookkeeping) and
         * little in them, so its first sample in a round carried that into the round: a CI run named a
         * {@code ForkJoinTask$RunnableExecuteAction} started by the test method at +6 KiB/hop where the comparison
         * measured +528 B/hop in all. Such a sample is left out; the driver's samples after it in the same round are
         * kept. Tasks' threads allocate nothing outside rounds and are not affected.
         */
        private static boolean straddles(RecordedEvent e, Round r, Set<Long> drivers,
                                         Map<Long, Round> lastDriverSample) {
            if (e.getThread() == null || !drivers.contains(e.getThread().getJavaThreadId())) {
                return false;
            }
            Round last = lastDriverSample.put(e.getThread().getJavaThreadId(), r);
            return last != r;
        }

        /**
         * The rounds of the {@code pair}-th paired run, every phase, sorted by start: paired runs follow one another,
         * each starting with its warm-up rounds; with {@code alone}, every round of the runs measured alone (a second
         * measurement's recording holds one run).
         */
        static List<Span> pairRounds(List<RecordedEvent> events, int pair, boolean alone) {
            List<RecordedEvent> rounds = events.stream().filter(e -> e.getEventType().getName()
                    .equals(PairedRecording.ROUND) && alone == ALONE.equals(e.getString("side")))
                    .sorted(Comparator.comparing(RecordedEvent::getStartTime)).toList();
            List<Span> spans = new ArrayList<>();
            int run = -1;
            boolean inWarmup = false;
            for (RecordedEvent e : rounds) {
                String phase = e.getString("phase");
                boolean warmup = WARMUP.equals(phase);
                if (warmup && !inWarmup) {
                    run++;
                }
                inWarmup = warmup;
                // alone: the recording of a second measurement holds that one run, which may have had no warm-up
                if (alone || run == pair) {
                    spans.add(new Span(new Round(e.getString("side"), e.getInt("round"), e.getStartTime(),
                            e.getEndTime(), e.getLong("units")), phase));
                }
            }
            return spans;
        }

        /**
         * Notes the side that {@code e}'s thread ran, when {@code e} is a sample (execution, CPU-time or allocation)
         * that fell in one of the pair's rounds {@code byStart}.
         */
        private void seen(RecordedEvent e, Round[] byStart) {
            if (e.getThread() == null || !SAMPLES.contains(e.getEventType().getName())) {
                return;
            }
            Round r = roundAt(byStart, e.getStartTime());
            if (r != null) {
                threadSides.computeIfAbsent(e.getThread().getJavaThreadId(), t -> new HashSet<>()).add(r.side());
            }
        }

        /**
         * What the reader should know of the samples, when they ranked methods: that execution samples stood in
         * for the CPU-time samples this JVM lacks, or that they may name an inlined neighbour; null when neither.
         */
        String caveat() {
            if (standIn) {
                return "execution samples stand in for CPU-time samples, which this JVM does not take (JDK 25 or later"
                        + " on Linux): they misplace time between the methods of platform threads that block at"
                        + " every hop (docs/explanations.md)";
            }
            return imprecise();
        }

        Explanation.SideCounts counts(String side, double cpuNanosPerUnit) {
            List<Round> own = rounds.stream().filter(r -> r.side().equals(side)).toList();
            long units = own.stream().mapToLong(Round::units).sum();
            double per = units == 0 ? 0 : 1.0 / units;
            List<Stall> ownStalls = stalls.stream().filter(s -> s.round().side().equals(side)).toList();
            return new Explanation.SideCounts(own.size(), units,
                    (int) samples.stream().filter(s -> s.round().side().equals(side)).count(),
                    (int) allocations.stream().filter(a -> a.round().side().equals(side)).count(), cpuNanosPerUnit,
                    per * count(ownStalls, "jdk.ThreadPark"), per * count(ownStalls, "jdk.JavaMonitorWait"),
                    per * count(ownStalls, "jdk.JavaMonitorEnter"), per * count(ownStalls, "jdk.VirtualThreadPinned"),
                    per * count(ownStalls, "jdk.GarbageCollection"),
                    per * ownStalls.stream().mapToLong(Stall::pauseNanos).sum());
        }

        /**
         * Writes {@code side}'s stacks to {@code <file without .jfr><suffix>.collapsed} and adds it to {@code stacks};
         * returns {@code thin}, or why the file could not be written.
         */
        String collapsed(Path file, String suffix, String side, List<Path> stacks, String thin) {
            Path collapsed = file.resolveSibling(file.getFileName().toString().replaceFirst("\\.jfr$", "") + suffix
                    + ".collapsed");
            try {
                writeCollapsed(collapsed, samples.stream().filter(s -> s.round.side.equals(side)).toList());
                stacks.add(collapsed);
                return thin;
            } catch (IOException e) {
                return "cannot write the collapsed stacks " + collapsed + ": " + e.getMessage();
            }
        }

        private static long count(List<Stall> stalls, String type) {
            return stalls.stream().filter(s -> s.type().equals(type)).count();
        }

        /**
         * The methods whose estimated time per unit (total: samples with the method anywhere in the stack) moved
         * most, largest move first, each tested against noise; a method is left out when a method it calls, deeper in
         * the same stacks, carries at least {@value #CARRIED} of its move in the same direction (a caller of the
         * method that got dearer moves as much, and says nothing more).
         */
        List<Explanation.MethodShift> methodShifts(Explanation.SideCounts current, Explanation.SideCounts base) {
            List<Explanation.MethodShift> kept = codeUnderTestFirst(methodMoves(current, base));
            int tested = Math.min(TESTED, kept.size());
            double confidence = 1 - FAMILY_ALPHA / Math.max(1, tested);
            List<Explanation.MethodShift> marked = new ArrayList<>(tested);
            for (Explanation.MethodShift m : kept.subList(0, tested)) {
                double[] d = totalShareDifferences(m.method());
                PairedShift shift = d.length == 0 ? null : PairedShift.of(d, confidence);
                marked.add(new Explanation.MethodShift(m.method(), m.selfCurrent(), m.selfBase(), m.totalCurrent(),
                        m.totalBase(), m.nanosPerUnitCurrent(), m.nanosPerUnitBase(),
                        shift == null || !shift.reachesConfidence() ? null : shift,
                        shift != null && shift.excludesZero()));
            }
            return marked;
        }

        /**
         * The methods whose estimated time per unit moved most, largest move first, untested, callers left out when a
         * method they call carries their move. Against {@link Explanation.SideCounts#NONE} (a run measured alone, as
         * the current side), the move is the time itself: the methods the time goes to.
         */
        List<Explanation.MethodShift> methodMoves(Explanation.SideCounts current, Explanation.SideCounts base) {
            Map<String, int[]> counts = new HashMap<>();  // self current, self base, total current, total base
            Map<String, double[]> depths = new HashMap<>();  // sum of depths from the top, samples
            for (Sample s : samples) {
                int side = index(s.round());
                if (s.frames().isEmpty()) {
                    continue;
                }
                counts.computeIfAbsent(s.frames().get(0), m -> new int[4])[side]++;
                Set<String> seen = new HashSet<>();
                for (int depth = 0; depth < s.frames().size(); depth++) {
                    String method = s.frames().get(depth);
                    if (seen.add(method)) {
                        counts.computeIfAbsent(method, m -> new int[4])[2 + side]++;
                        double[] d = depths.computeIfAbsent(method, m -> new double[2]);
                        d[0] += depth;
                        d[1]++;
                    }
                }
            }
            List<Explanation.MethodShift> shifts = new ArrayList<>();
            for (Map.Entry<String, int[]> e : counts.entrySet()) {
                int[] c = e.getValue();
                shifts.add(new Explanation.MethodShift(e.getKey(), c[0], c[1], c[2], c[3],
                        share(c[2], current.samples()) * current.cpuNanosPerUnit(),
                        share(c[3], base.samples()) * base.cpuNanosPerUnit(), null, false));
            }
            shifts.sort(Comparator.comparingDouble((Explanation.MethodShift m) -> -Math.abs(m.deltaNanosPerUnit()))
                    .thenComparing(Explanation.MethodShift::method));
            List<Explanation.MethodShift> candidates = shifts.subList(0, Math.min(CANDIDATES, shifts.size()));
            return withoutCallers(candidates, depths);
        }

        private static double share(int part, int whole) {
            return whole == 0 ? 0 : (double) part / whole;
        }

        /**
         * {@code candidates} without the methods whose move a method they call carries: one that has the caller in
         * at least {@value #NESTED} of its samples, lies deeper on average, and moves the same way by at least
         * {@value #CARRIED} of the caller's move.
         */
        private List<Explanation.MethodShift> withoutCallers(List<Explanation.MethodShift> candidates,
                                                             Map<String, double[]> depths) {
            int n = candidates.size();
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < n; i++) {
                index.put(candidates.get(i).method(), i);
            }
            int[][] together = new int[n][n];
            for (Sample s : samples) {
                Set<Integer> in = new HashSet<>();
                for (String method : s.frames()) {
                    Integer i = index.get(method);
                    if (i != null) {
                        in.add(i);
                    }
                }
                for (int i : in) {
                    for (int j : in) {
                        together[i][j]++;
                    }
                }
            }
            List<Explanation.MethodShift> kept = new ArrayList<>();
            for (int m = 0; m < n; m++) {
                Explanation.MethodShift caller = candidates.get(m);
                boolean carried = false;
                for (int c = 0; c < n && !carried; c++) {
                    Explanation.MethodShift callee = candidates.get(c);
                    int calleeSamples = callee.totalCurrent() + callee.totalBase();
                    carried = c != m && calleeSamples > 0 && together[c][m] >= NESTED * calleeSamples
                            && depth(depths, callee.method()) < depth(depths, caller.method())
                            && Math.signum(callee.deltaNanosPerUnit()) == Math.signum(caller.deltaNanosPerUnit())
                            && Math.abs(callee.deltaNanosPerUnit()) >= CARRIED * Math.abs(caller.deltaNanosPerUnit());
                }
                if (!carried) {
                    kept.add(caller);
                }
            }
            return kept;
        }

        private static double depth(Map<String, double[]> depths, String method) {
            double[] d = depths.get(method);
            return d == null || d[1] == 0 ? 0 : d[0] / d[1];
        }

        /**
         * Per pair of rounds {@code k} in which both sides have samples: the method's total share of current round
         * {@code k} (samples with it anywhere in the stack) minus its share of base round {@code k}.
         */
        double[] totalShareDifferences(String method) {
            Map<Integer, int[]> byRound = new HashMap<>();  // samples current, base; with the method current, base
            for (Sample s : samples) {
                int side = index(s.round());
                int[] c = byRound.computeIfAbsent(s.round().index(), k -> new int[4]);
                c[side]++;
                if (s.frames().contains(method)) {
                    c[2 + side]++;
                }
            }
            return byRound.values().stream().filter(c -> c[0] > 0 && c[1] > 0)
                    .mapToDouble(c -> (double) c[2] / c[0] - (double) c[3] / c[1]).toArray();
        }

        /**
         * The allocation sites whose bytes per unit moved most, largest first, at most {@link #SHOWN}: each side's
         * measured allocation per unit {@code bytesPerUnit} (current first) shared between its sites by their samples'
         * weights. The weights alone, summed per unit of the side's rounds, fell short of the measured figure by half
         * or more where a side had few samples (a platform brigade's: 200–280 of the 528 B a hop its new
         * {@code byte[]} allocated, 2026-12-06): a sum counts the few samples that happened to fall in the side's
         * rounds, each weighing what its thread allocated since its last one, wherever that was. A side whose
         * allocation per unit was not measured ({@code NaN}, or 0) keeps the weights' sums per unit.
         */
        List<Explanation.AllocationShift> allocationShifts(Explanation.SideCounts current,
                                                           Explanation.SideCounts base, double[] bytesPerUnit) {
            Map<Site, long[]> sites = new HashMap<>();  // bytes current, base; samples current, base
            long[] weights = new long[2];
            for (Allocation a : allocations) {
                int side = index(a.round());
                long[] c = sites.computeIfAbsent(new Site(a.allocatedClass(), a.site()), k -> new long[4]);
                c[side] += a.bytes();
                c[2 + side]++;
                weights[side] += a.bytes();
            }
            double[] perByte = new double[2];  // what a byte of weight makes per unit, each side
            long[] units = {current.units(), base.units()};
            for (int side = 0; side < 2; side++) {
                perByte[side] = weights[side] == 0 ? 0 : bytesPerUnit[side] > 0
                        ? bytesPerUnit[side] / weights[side] : units[side] == 0 ? 0 : 1.0 / units[side];
            }
            return sites.entrySet().stream().map(e -> new Explanation.AllocationShift(e.getKey().allocatedClass(),
                            e.getKey().site(), e.getValue()[0] * perByte[0], e.getValue()[1] * perByte[1],
                            (int) e.getValue()[2], (int) e.getValue()[3]))
                    .sorted(Comparator.comparingDouble((Explanation.AllocationShift a) -> -Math.abs(
                            a.deltaBytesPerUnit())).thenComparing(Explanation.AllocationShift::site))
                    .limit(SHOWN).toList();
        }
    }

    /** A side's slot in the counters: 1 for the base side, 0 for the current side or a run measured alone. */
    private static int index(Round round) {
        return round.side().equals(BASE) ? 1 : 0;
    }

    /** The measured round whose span holds {@code t}, or null; {@code rounds} sorted by start, not overlapping. */
    private static Round roundAt(Round[] rounds, Instant t) {
        int low = 0;
        int high = rounds.length - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (rounds[mid].start().isAfter(t)) {
                high = mid - 1;
            } else {
                low = mid + 1;
            }
        }
        return high >= 0 && !t.isAfter(rounds[high].end()) ? rounds[high] : null;
    }

    /** The frames' methods, top first. */
    private static List<String> frames(RecordedStackTrace stack) {
        List<String> frames = new ArrayList<>(stack.getFrames().size());
        for (RecordedFrame f : stack.getFrames()) {
            if (f.isJavaFrame() && f.getMethod() != null) {
                frames.add(method(f.getMethod()));
            }
        }
        return frames;
    }

    /** The first frame outside the JDK and Brigade, or the top frame when every frame is inside them. */
    private static String site(RecordedStackTrace stack) {
        if (stack == null || stack.getFrames().isEmpty()) {
            return "(no stack)";
        }
        for (RecordedFrame f : stack.getFrames()) {
            if (f.isJavaFrame() && f.getMethod() != null) {
                String type = f.getMethod().getType().getName();
                if (OUTSIDE_SITES.stream().noneMatch(type::startsWith)) {
                    return method(f.getMethod());
                }
            }
        }
        RecordedMethod top = stack.getFrames().get(0).getMethod();
        return top == null ? "(no frame)" : method(top);
    }

    /**
     * {@code com.example.Codec.encode(Frame,int)}: no spaces, for the collapsed stacks; a hidden class (a lambda) by
     * its stable name, {@code Cases$$Lambda.run()}, so that the two sides' lambdas, each defined apart, meet.
     */
    static String method(RecordedMethod m) {
        return typeName(m.getType().getName()) + "." + m.getName() + "("
                + String.join(",", parameters(m.getDescriptor())) + ")";
    }

    /** A hidden class's name without its address: {@code X$$Lambda.0x0000000801001234} → {@code X$$Lambda}. */
    static String stable(String className) {
        return HIDDEN.matcher(className).replaceAll("");
    }

    /** The simple names of a method descriptor's parameter types: {@code (I[Ljava/lang/String;)V} → int, String[]. */
    static List<String> parameters(String descriptor) {
        List<String> names = new ArrayList<>();
        int i = descriptor.indexOf('(') + 1;
        int end = descriptor.indexOf(')');
        while (i > 0 && i < end) {
            int dims = 0;
            while (descriptor.charAt(i) == '[') {
                dims++;
                i++;
            }
            String name;
            char c = descriptor.charAt(i);
            if (c == 'L') {
                int semi = descriptor.indexOf(';', i);
                String binary = descriptor.substring(i + 1, semi);
                name = binary.substring(binary.lastIndexOf('/') + 1);
                i = semi + 1;
            } else {
                name = switch (c) {
                    case 'Z' -> "boolean";
                    case 'B' -> "byte";
                    case 'C' -> "char";
                    case 'S' -> "short";
                    case 'I' -> "int";
                    case 'J' -> "long";
                    case 'F' -> "float";
                    case 'D' -> "double";
                    default -> String.valueOf(c);
                };
                i++;
            }
            names.add(name + "[]".repeat(dims));
        }
        return names;
    }

    /** A class name as Java writes it: {@code [B} → {@code byte[]}. */
    static String typeName(String jvmName) {
        if (!jvmName.startsWith("[")) {
            return stable(jvmName);
        }
        List<String> element = parameters("(" + jvmName.replace('.', '/') + ")V");
        return element.isEmpty() ? jvmName : element.get(0);
    }

    /** One line per distinct stack, root first, {@code frame;frame;frame count}, as flamegraph.pl reads. */
    private static void writeCollapsed(Path file, List<Sample> samples) throws IOException {
        Map<String, Integer> stacks = new HashMap<>();
        for (Sample s : samples) {
            List<String> rootFirst = new ArrayList<>(s.frames());
            java.util.Collections.reverse(rootFirst);
            stacks.merge(rootFirst.isEmpty() ? "(no frame)" : String.join(";", rootFirst), 1, Integer::sum);
        }
        Files.createDirectories(file.getParent());
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, Integer> e : stacks.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .toList()) {
                out.write(e.getKey() + " " + e.getValue());
                out.newLine();
            }
        }
    }
}
