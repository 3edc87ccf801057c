package dev.brigade.junit.internal.baseline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.jr.ob.JSON;
import dev.brigade.fixture.internal.MeasurementCodec;
import dev.brigade.measure.Estimate;
import dev.brigade.measure.Metric;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The baseline file of one test class: for each machine fingerprint, the recorded runs of each result of each
 * test, oldest first, each with its metrics and their rounds. Read, checked and merged here; written through
 * {@link LockedFile}, so that tests running in parallel or in several JVMs each add their entries without losing
 * the others'.
 *
 * <pre>{@code
 * { "brigadeBaseline": 2, "testClass": "com.example.HandOffTest",
 *   "machines": { "3f2a9c01b7e4": { "machine": { "cpuModel": "...", "cpus": 2, ... },
 *       "entries": { "handOff [VIRTUAL] 500 tasks, QUEUE / brigade VIRTUAL": { "recordedAt": "...",
 *           "runs": [ { "recordedAt": "...",
 *                       "metrics": { "nanosPerHop": { "median": 1210.5, "low": ..., "high": ..., "cv": ...,
 *                                    "samples": 20, "unit": "ns", "values": [ ... ] } } }, ... ] } } } } }
 * }</pre>
 *
 * <p>Schema 1 kept one run per entry, as {@code "metrics"} beside {@code "recordedAt"}: such a file is read as
 * entries of one run each, and written as schema 2 by the next record.
 */
final class BaselineFile {

    /** The schema this Brigade writes. */
    static final int SCHEMA = 2;
    /** The oldest schema this Brigade reads; its entries are migrated to {@link #SCHEMA} in memory. */
    static final int OLDEST_SCHEMA = 1;
    private static final String SCHEMA_KEY = "brigadeBaseline";
    private static final JSON JSON_OUT = JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT);

    private BaselineFile() {
    }

    /** The file of {@code testClass} in {@code dir}. */
    static Path of(Path dir, Class<?> testClass) {
        return dir.resolve(testClass.getName() + ".json");
    }

    /**
     * The recorded runs of each metric of {@code entry} for {@code machine}, oldest first, or empty when there is
     * no such entry. A metric that some runs lack has only the runs that hold it.
     *
     * @throws BaselineFileException when the file cannot be read as a baseline file
     */
    static Optional<Map<String, List<Estimate>>> find(Path file, String machine, String entry) {
        return history(file, machine, entry).map(runs -> {
            Map<String, List<Estimate>> estimates = new LinkedHashMap<>();
            for (BaselineStore.RecordedRun run : runs) {
                run.metrics().forEach((name, e) -> estimates.computeIfAbsent(name, k -> new ArrayList<>()).add(e));
            }
            return estimates;
        });
    }

    /**
     * The recorded runs of {@code entry} for {@code machine}, oldest first, each with when it was recorded (null if
     * the file does not say) and its metrics; empty when there is no such entry.
     *
     * @throws BaselineFileException when the file cannot be read as a baseline file
     */
    static Optional<List<BaselineStore.RecordedRun>> history(Path file, String machine, String entry) {
        String text;
        try {
            text = LockedFile.read(file);
        } catch (UncheckedIOException e) {
            throw notText(file, e);
        }
        if (text == null) {
            return Optional.empty();
        }
        Object stored = entries(file, text, parse(file, text), machine).get(entry);
        if (stored == null) {
            return Optional.empty();
        }
        List<BaselineStore.RecordedRun> history = new ArrayList<>();
        for (Map<String, Object> run : runs(file, text, stored, entry)) {
            Map<String, Estimate> metrics = new LinkedHashMap<>();
            object(file, text, run.get("metrics"), entry + ".metrics").forEach(
                    (name, value) -> metrics.put(name, estimate(file, text, value, entry, name)));
            history.add(new BaselineStore.RecordedRun(run.get("recordedAt") instanceof String at ? at : null,
                    metrics));
        }
        return Optional.of(history);
    }

    /**
     * Stores {@code metrics} as the only run of the baseline of {@code entry} on {@code machine}, keeping every
     * other entry.
     *
     * @throws BaselineFileException when the existing file cannot be read; it is then left as it was
     */
    static void record(Path file, Class<?> testClass, MachineFingerprint machine, String entry,
                       Map<String, Estimate> metrics) {
        record(file, testClass, machine, entry, List.of(metrics), false, 1, 0);
    }

    /**
     * Stores {@code metrics} as a run of the baseline of {@code entry} on {@code machine}, keeping every other
     * entry: as its only run, or, when {@code append}, after the runs it holds, keeping the newest {@code keep}.
     *
     * @return how many runs the entry holds now
     * @throws BaselineFileException when the existing file cannot be read, or a run it keeps of this entry; it is
     *                               then left as it was
     */
    static int record(Path file, Class<?> testClass, MachineFingerprint machine, String entry,
                      Map<String, Estimate> metrics, boolean append, int keep) {
        return record(file, testClass, machine, entry, List.of(metrics), append, keep, 0);
    }

    /**
     * Stores {@code newRuns} (the runs of one invocation measured in several fresh JVMs, in order) as runs of the
     * baseline of {@code entry} on {@code machine}, keeping every other entry: as its only runs, or, when
     * {@code append}, after the runs it holds; either way keeping the newest {@code keep}. The newest
     * {@code replacing} runs it holds are dropped first: the same invocation's runs, recorded before with fewer
     * metrics, that {@code newRuns} stand for now.
     *
     * @return how many runs the entry holds now
     * @throws BaselineFileException when the existing file cannot be read, or a run it keeps of this entry; it is
     *                               then left as it was
     */
    static int record(Path file, Class<?> testClass, MachineFingerprint machine, String entry,
                      List<Map<String, Estimate>> newRuns, boolean append, int keep, int replacing) {
        if (newRuns.isEmpty()) {
            throw new IllegalArgumentException("recording a baseline needs at least 1 run, but got none");
        }
        if (keep < 1) {
            throw new IllegalArgumentException("a baseline keeps at least 1 run, but keep was " + keep);
        }
        int[] held = new int[1];
        try {
            LockedFile.update(file, text -> {
                Map<String, Object> root = text == null ? newRoot(testClass) : parse(file, text);
                Map<String, Object> machines = object(file, text, root.computeIfAbsent("machines",
                        k -> new TreeMap<>()), "machines");
                Map<String, Object> ours = object(file, text, machines.computeIfAbsent(machine.id(),
                        k -> new LinkedHashMap<>()), "machines." + machine.id());
                ours.put("machine", machine.describe());
                Map<String, Object> entries = object(file, text, ours.computeIfAbsent("entries",
                        k -> new TreeMap<>()), "entries");
                Object stored = entries.get(entry);
                List<Object> runs = append && stored != null ? rewritten(file, text, stored, entry)
                        : new ArrayList<>();
                runs.subList(Math.max(0, runs.size() - replacing), runs.size()).clear();
                String now = Instant.now().toString();
                newRuns.forEach(metrics -> runs.add(run(now, metrics)));
                List<Object> kept = new ArrayList<>(runs.subList(Math.max(0, runs.size() - keep), runs.size()));
                held[0] = kept.size();
                Map<String, Object> updated = new LinkedHashMap<>();
                updated.put("recordedAt", Instant.now().toString());
                updated.put("runs", kept);
                entries.put(entry, updated);
                machines.put(machine.id(), sorted(ours));
                root.put("machines", new TreeMap<>(machines));
                root.put(SCHEMA_KEY, SCHEMA);
                try {
                    return JSON_OUT.asString(root) + System.lineSeparator();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw notText(file, e);
        }
        return held[0];
    }

    /**
     * The runs of a stored entry, each checked and written again as this Brigade writes it, so that a value it
     * reads leniently (a number too large for a double) is not carried into the file.
     */
    private static List<Object> rewritten(Path file, String text, Object stored, String entry) {
        List<Object> runs = new ArrayList<>();
        for (Map<String, Object> run : runs(file, text, stored, entry)) {
            Map<String, Estimate> metrics = new LinkedHashMap<>();
            object(file, text, run.get("metrics"), entry + ".metrics").forEach(
                    (name, value) -> metrics.put(name, estimate(file, text, value, entry, name)));
            runs.add(run(run.get("recordedAt") instanceof String at ? at : null, metrics));
        }
        return runs;
    }

    /** One recorded run: when, and the metrics with their rounds, each written as this Brigade writes it. */
    private static Map<String, Object> run(String recordedAt, Map<String, Estimate> metrics) {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("recordedAt", recordedAt);
        Map<String, Object> values = new LinkedHashMap<>();
        metrics.forEach((name, e) -> values.put(name, MeasurementCodec.encode(e)));
        run.put("metrics", values);
        return run;
    }

    /** The runs of a stored entry, each an object, oldest first. */
    private static List<Map<String, Object>> runs(Path file, String text, Object stored, String entry) {
        Object runs = object(file, text, stored, entry).get("runs");
        if (!(runs instanceof List<?> list)) {
            throw new BaselineFileException(file, lineOf(text, entry), "has \"" + entry + ".runs\" where a list of"
                    + " recorded runs belongs, but found " + runs);
        }
        List<Map<String, Object>> checked = new ArrayList<>();
        for (Object run : list) {
            checked.add(object(file, text, run, entry + ".runs"));
        }
        return checked;
    }

    /** A file that is not UTF-8 text (saved in another encoding, or binary) as the error it is; others as they are. */
    private static RuntimeException notText(Path file, UncheckedIOException e) {
        return e.getCause() instanceof CharacterCodingException
                ? new BaselineFileException(file, 1, "is not UTF-8 text (saved in another encoding, or not text)") : e;
    }

    private static Map<String, Object> sorted(Map<String, Object> machine) {
        Map<String, Object> copy = new LinkedHashMap<>(machine);
        copy.put("entries", new TreeMap<>(castMap(machine.get("entries"))));
        return copy;
    }

    private static Map<String, Object> newRoot(Class<?> testClass) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put(SCHEMA_KEY, SCHEMA);
        root.put("testClass", testClass.getName());
        root.put("machines", new TreeMap<>());
        return root;
    }

    private static Map<String, Object> parse(Path file, String text) {
        Map<String, Object> root;
        try {
            root = JSON.std.mapFrom(text);
        } catch (JsonProcessingException e) {
            throw new BaselineFileException(file, e.getLocation() == null ? 1 : e.getLocation().getLineNr(),
                    "is not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new BaselineFileException(file, 1, "cannot be read (" + e.getMessage() + ")");
        }
        if (root == null) {
            throw new BaselineFileException(file, 1, "is empty");
        }
        Object schema = root.get(SCHEMA_KEY);
        if (!(schema instanceof Number n)) {
            throw new BaselineFileException(file, lineOf(text, SCHEMA_KEY), "has no \"" + SCHEMA_KEY
                    + "\" schema version, so it is no Brigade baseline file");
        }
        if (n.doubleValue() != n.intValue() || n.intValue() < OLDEST_SCHEMA || n.intValue() > SCHEMA) {
            throw new BaselineFileException(file, lineOf(text, SCHEMA_KEY), "has schema version " + n + ", and this"
                    + " Brigade reads versions " + OLDEST_SCHEMA + " to " + SCHEMA + (n.doubleValue() > SCHEMA
                    ? ": it was written by a newer Brigade; upgrade Brigade, or record new baselines with this one"
                    : ""));
        }
        Map<String, Object> checked = new LinkedHashMap<>(root);
        if (n.intValue() == 1) {
            migrateFromSchema1(checked);
        }
        return checked;
    }

    /**
     * Turns each entry of schema 1, {@code {"recordedAt", "metrics"}}, into an entry of one run. What is not
     * shaped like an entry is left as it is, for the reading of that entry to report with its line.
     */
    private static void migrateFromSchema1(Map<String, Object> root) {
        if (!(root.get("machines") instanceof Map<?, ?> machines)) {
            return;
        }
        for (Object machine : machines.values()) {
            if (!(machine instanceof Map<?, ?> m) || !(m.get("entries") instanceof Map<?, ?> entries)) {
                continue;
            }
            Map<String, Object> all = castMap(entries);
            for (String name : new ArrayList<>(all.keySet())) {
                if (all.get(name) instanceof Map<?, ?> stored && !stored.containsKey("runs")) {
                    Map<String, Object> run = new LinkedHashMap<>();
                    run.put("recordedAt", stored.get("recordedAt"));
                    run.put("metrics", stored.get("metrics"));
                    Map<String, Object> migrated = new LinkedHashMap<>();
                    migrated.put("recordedAt", stored.get("recordedAt"));
                    migrated.put("runs", new ArrayList<>(List.of(run)));
                    all.put(name, migrated);
                }
            }
        }
    }

    private static Map<String, Object> entries(Path file, String text, Map<String, Object> root, String machine) {
        Object machines = root.get("machines");
        if (machines == null) {
            return Map.of();
        }
        Object ours = object(file, text, machines, "machines").get(machine);
        if (ours == null) {
            return Map.of();
        }
        Object entries = object(file, text, ours, machine).get("entries");
        return entries == null ? Map.of() : object(file, text, entries, machine + ".entries");
    }

    private static Estimate estimate(Path file, String text, Object value, String entry, String metric) {
        Map<String, Object> m = object(file, text, value, metric);
        try {
            double median = number(m, "median");
            if (!Double.isFinite(median)) {
                throw new IllegalArgumentException("\"median\" must be a finite number, but was " + median);
            }
            double[] values = m.get("values") instanceof List<?> list
                    ? list.stream().mapToDouble(v -> number(v, "each of \"values\"")).toArray() : new double[0];
            String unit = unit(m, metric);
            Estimate e;
            if (values.length > 0) {
                e = Estimate.of(unit, values);
                if (Math.abs(e.median() - median) > 1e-9 * Math.max(1, Math.abs(median))) {
                    throw new IllegalArgumentException("its median " + median + " is not the median of its values, "
                            + e.median());
                }
            } else {
                double samples = number(m, "samples");
                if (!(samples >= 1 && samples <= Integer.MAX_VALUE)) {
                    throw new IllegalArgumentException("\"samples\" must be a count of at least 1, but was " + samples);
                }
                double cv = number(m, "cv");
                if (!(cv >= 0 && Double.isFinite(cv))) {
                    throw new IllegalArgumentException("\"cv\" must be a finite number of at least 0, but was " + cv);
                }
                e = Estimate.ofInterval(unit, median, number(m, "low"), number(m, "high"), cv, (int) samples);
            }
            if (!(e.low() >= 0 && Double.isFinite(e.high()))) {
                throw new IllegalArgumentException("a cost must not be negative or infinite, but its interval is "
                        + e.low() + " to " + e.high());
            }
            return e;
        } catch (RuntimeException e) {
            throw new BaselineFileException(file, lineOf(text, entry), "has an unreadable " + metric + " in \"" + entry
                    + "\": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        }
    }

    private static double number(Map<String, Object> m, String key) {
        return number(m.get(key), "\"" + key + "\"");
    }

    private static double number(Object value, String what) {
        if (!(value instanceof Number n)) {
            throw new IllegalArgumentException(what + " must be a number, but was " + value);
        }
        return n.doubleValue();
    }

    /** The stored unit: the metric's own for a metric this Brigade knows, so a comparison divides like by like. */
    private static String unit(Map<String, Object> m, String metric) {
        Object unit = m.get("unit");
        String expected = Arrays.stream(Metric.values()).filter(k -> k.key().equals(metric)).map(Metric::unit)
                .findFirst().orElse(null);
        if (expected == null ? !(unit instanceof String) : !expected.equals(unit)) {
            throw new IllegalArgumentException("\"unit\" must be " + (expected == null ? "a string"
                    : "\"" + expected + "\"") + ", but was " + unit);
        }
        return (String) unit;
    }

    private static Map<String, Object> object(Path file, String text, Object value, String what) {
        if (!(value instanceof Map<?, ?>)) {
            throw new BaselineFileException(file, text == null ? 1 : lineOf(text, lastPart(what)), "has \"" + what
                    + "\" where an object belongs, but found " + value);
        }
        return castMap(value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object value) {
        return (Map<String, Object>) value;
    }

    private static String lastPart(String what) {
        return what.substring(what.lastIndexOf('.') + 1);
    }

    /** The line of the first occurrence of {@code "key"}, 1 when there is none. */
    static int lineOf(String text, String key) {
        int at = text.indexOf("\"" + key + "\"");
        if (at < 0) {
            return 1;
        }
        int line = 1;
        for (int i = 0; i < at; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** A baseline file that cannot be used: names the file, the line and what is wrong. */
    static final class BaselineFileException extends RuntimeException {
        BaselineFileException(Path file, int line, String problem) {
            super("Baseline file " + file + " (line " + line + ") " + problem + ". Fix the file, or delete it and"
                    + " record new baselines with -D" + dev.brigade.junit.Constants.BASELINE_UPDATE_PROPERTY_NAME
                    + "=true; it was left as it was.");
        }
    }
}
