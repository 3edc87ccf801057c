package dev.brigade.junit.internal.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.brigade.junit.internal.ForAll;
import dev.brigade.junit.internal.Gen;
import dev.brigade.measure.Estimate;
import dev.brigade.measure.Metric;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property tests of reading baseline files that someone edited, merged badly, truncated or replaced: whatever the
 * file holds, reading it gives the stored estimates or a {@link BaselineFile.BaselineFileException} naming the file,
 * never a {@code NullPointerException}, a {@code ClassCastException} or an estimate that a comparison then chokes
 * on; recording into it either keeps the file as it was or leaves a file that holds the new entry.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BaselineFilePropertiesTest {

    private static final String ENTRY = "handOff [VIRTUAL] 20 tasks, QUEUE / brigade VIRTUAL";
    private static final Estimate CURRENT = Estimate.of("ns", 1_000, 1_100, 1_050, 990, 1_020, 1_010);

    @TempDir
    static Path dir;
    private static String valid;
    /** The same file as schema 1 wrote it: each entry one run, its metrics beside its time. */
    private static String validSchema1;

    @BeforeAll
    static void record_a_valid_file() throws IOException {
        Path file = dir.resolve("valid.json");
        Map<String, Estimate> metrics = new LinkedHashMap<>();
        metrics.put("nanosPerHop", Estimate.of("ns", 1_000, 1_100, 1_050, 990, 1_020, 1_010));
        metrics.put("contextSwitchesPerHop", Estimate.ofInterval("1", 0.5, 0.4, 0.6, 0.1, 20));
        metrics.put("rssBytesPerTask", Estimate.ofInterval("B", 3_000, 2_500, 3_500, 0.1, 4));
        BaselineFile.record(file, BaselineFilePropertiesTest.class, MachineFingerprint.current(), ENTRY, metrics);
        metrics.put("nanosPerHop", Estimate.of("ns", 1_200, 1_150, 1_250, 1_210, 1_190, 1_230));
        BaselineFile.record(file, BaselineFilePropertiesTest.class, MachineFingerprint.current(), ENTRY, metrics,
                true, 10);
        BaselineFile.record(file, BaselineFilePropertiesTest.class, MachineFingerprint.current(), "other", metrics);
        valid = Files.readString(file);
        validSchema1 = schema1(valid);
    }

    @Test
    void any_content_reads_as_estimates_or_as_an_error_naming_the_file() {
        Path file = dir.resolve("read.json");
        ForAll.of("BaselineFile.find of any content", BaselineFilePropertiesTest::content).tries(1_500)
                .check(bytes -> {
                    write(file, bytes);
                    for (String entry : List.of(ENTRY, "other", "absent")) {
                        Optional<Map<String, List<Estimate>>> found;
                        try {
                            found = BaselineFile.find(file, MachineFingerprint.current().id(), entry);
                        } catch (BaselineFile.BaselineFileException e) {
                            assertThat(e).hasMessageStartingWith("Baseline file " + file + " (line ");
                            return;
                        }
                        found.ifPresent(BaselineFilePropertiesTest::checkComparable);
                    }
                });
    }

    @Test
    void recording_into_any_content_keeps_the_file_or_leaves_one_with_the_new_entry() {
        Path file = dir.resolve("record.json");
        Map<String, Estimate> metrics = Map.of("nanosPerHop", CURRENT);
        Random appends = new Random(5);
        ForAll.of("BaselineFile.record into any content", BaselineFilePropertiesTest::content).tries(500)
                .check(bytes -> {
                    write(file, bytes);
                    boolean append = appends.nextBoolean();
                    int runs;
                    try {
                        runs = BaselineFile.record(file, BaselineFilePropertiesTest.class,
                                MachineFingerprint.current(), ENTRY, metrics, append, 3);
                    } catch (BaselineFile.BaselineFileException e) {
                        assertThat(e).hasMessageStartingWith("Baseline file " + file + " (line ");
                        assertThat(read(file)).as("the file after a refused record").isEqualTo(bytes);
                        return;
                    }
                    Map<String, List<Estimate>> stored = BaselineFile.find(file, MachineFingerprint.current().id(),
                            ENTRY).orElseThrow();
                    List<Estimate> perHop = stored.get("nanosPerHop");
                    assertThat(perHop.get(perHop.size() - 1).median()).isEqualTo(CURRENT.median());
                    assertThat(runs).isBetween(1, append ? 3 : 1);
                });
    }

    // ---- the cases the properties found, kept as examples ----

    @Test
    void a_file_of_schema_1_reads_as_runs_of_one() {
        Path file = dir.resolve("schema1.json");
        write(file, validSchema1.getBytes(StandardCharsets.UTF_8));

        Map<String, List<Estimate>> found = BaselineFile.find(file, MachineFingerprint.current().id(), ENTRY)
                .orElseThrow();

        assertThat(found.get("nanosPerHop")).singleElement().satisfies(e -> assertThat(e.median()).isEqualTo(1_205));
        assertThat(found.get("rssBytesPerTask")).singleElement()
                .satisfies(e -> assertThat(e.median()).isEqualTo(3_000));
        assertThat(file).hasContent(validSchema1);
    }

    @Test
    void an_infinite_stored_median_is_an_error_naming_the_file() {
        Path file = dir.resolve("infinite.json");
        write(file, valid.replaceFirst("\"median\" : [0-9.E]+", "\"median\" : 1e400").getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> BaselineFile.find(file, MachineFingerprint.current().id(), ENTRY))
                .isInstanceOf(BaselineFile.BaselineFileException.class)
                .hasMessageContaining("\"median\" must be a finite number, but was Infinity");
        assertThatThrownBy(() -> BaselineFile.record(file, BaselineFilePropertiesTest.class,
                MachineFingerprint.current(), ENTRY, Map.of("nanosPerHop", CURRENT), true, 10))
                .isInstanceOf(BaselineFile.BaselineFileException.class);
        assertThat(file).hasContent(valid.replaceFirst("\"median\" : [0-9.E]+", "\"median\" : 1e400"));
    }

    @Test
    void a_file_that_is_not_utf8_is_an_error_naming_the_file() {
        Path file = dir.resolve("latin1.json");
        write(file, valid.replace("\"other\"", "\"caf\u00e9\"").getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> BaselineFile.find(file, MachineFingerprint.current().id(), ENTRY))
                .isInstanceOf(BaselineFile.BaselineFileException.class)
                .hasMessageStartingWith("Baseline file " + file + " (line 1) is not UTF-8 text");
        assertThatThrownBy(() -> BaselineFile.record(file, BaselineFilePropertiesTest.class,
                MachineFingerprint.current(), ENTRY, Map.of("nanosPerHop", CURRENT)))
                .isInstanceOf(BaselineFile.BaselineFileException.class)
                .hasMessageStartingWith("Baseline file " + file + " (line 1) is not UTF-8 text");
    }

    @Test
    void a_stored_estimate_without_its_unit_or_of_another_unit_is_an_error_naming_the_file() {
        Path file = dir.resolve("unit.json");
        for (String edit : List.of("\"unit\" : null", "\"unit\" : \"B\"", "\"unit\" : 7")) {
            write(file, valid.replaceFirst("\"unit\" : \"ns\"", edit).getBytes(StandardCharsets.UTF_8));

            assertThatThrownBy(() -> BaselineFile.find(file, MachineFingerprint.current().id(), ENTRY))
                    .isInstanceOf(BaselineFile.BaselineFileException.class)
                    .hasMessageContaining("has an unreadable nanosPerHop in \"" + ENTRY + "\"")
                    .hasMessageContaining("\"unit\" must be \"ns\"");
        }
    }

    @Test
    void a_negative_stored_estimate_is_an_error_naming_the_file() {
        Path file = dir.resolve("negative.json");
        write(file, valid.replace("\"low\" : 2500.0", "\"low\" : -5.0").getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> BaselineFile.find(file, MachineFingerprint.current().id(), ENTRY))
                .isInstanceOf(BaselineFile.BaselineFileException.class)
                .hasMessageContaining("a cost must not be negative or infinite");
    }

    // ---- helpers ----

    /** The stored runs of a metric Brigade knows can be compared with a current estimate of that metric. */
    private static void checkComparable(Map<String, List<Estimate>> stored) {
        stored.forEach((name, runs) -> {
            runs.forEach(estimate -> checkComparable(name, estimate));
            Optional<Metric> metric = Arrays.stream(Metric.values()).filter(m -> m.key().equals(name)).findFirst();
            if (metric.isPresent() && !runs.isEmpty() && runs.stream().allMatch(e -> e.low() > 0)) {
                Estimate current = Estimate.of(runs.get(0).unit(), 1_000, 1_100, 1_050, 990, 1_020, 1_010);
                assertThat(dev.brigade.measure.BaselineComparison.of(metric.get(), runs, current, 0.1).baselineRuns())
                        .isEqualTo(runs.size());
            }
        });
    }

    /** A stored estimate of a metric Brigade knows can be compared with a current one of that metric. */
    private static void checkComparable(String name, Estimate estimate) {
        assertThat(Double.isFinite(estimate.median()) && Double.isFinite(estimate.low())
                && Double.isFinite(estimate.high())).as("%s: %s", name, estimate).isTrue();
        assertThat(estimate.low()).as("%s: %s", name, estimate).isGreaterThanOrEqualTo(0)
                .isLessThanOrEqualTo(estimate.median());
        assertThat(estimate.median()).isLessThanOrEqualTo(estimate.high());
        Optional<Metric> metric = Arrays.stream(Metric.values()).filter(m -> m.key().equals(name)).findFirst();
        if (metric.isPresent()) {
            assertThat(estimate.unit()).as("%s: %s", name, estimate).isEqualTo(metric.get().unit());
            Estimate current = Estimate.of(estimate.unit(), 1_000, 1_100, 1_050, 990, 1_020, 1_010);
            if (estimate.low() > 0) {
                dev.brigade.measure.BaselineComparison.of(metric.get(), estimate, current, 0.1);
            }
        }
    }

    /**
     * The content of a baseline file (of schema 2, or now and then of schema 1): a valid one with one value replaced
     * by any JSON value, truncated or with a character changed; text that is not JSON; or bytes that are not UTF-8.
     */
    private static byte[] content(Random r) {
        String valid = r.nextInt(4) == 0 ? validSchema1 : BaselineFilePropertiesTest.valid;
        String text = switch (r.nextInt(6)) {
            case 0, 1 -> replaceOneValue(r, valid);
            case 2 -> valid.substring(0, r.nextInt(valid.length() + 1));
            case 3 -> {
                int at = r.nextInt(valid.length());
                yield valid.substring(0, at) + Gen.text(r) + valid.substring(at + (r.nextBoolean() ? 1 : 0));
            }
            case 4 -> Gen.text(r);
            default -> null;
        };
        if (text != null) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        byte[] bytes = valid.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i <= r.nextInt(3); i++) {
            bytes[r.nextInt(bytes.length)] = (byte) (0x80 + r.nextInt(128));
        }
        return bytes;
    }

    /** The valid file with one node, chosen among all nodes of the tree, replaced by a random JSON value or removed. */
    @SuppressWarnings("unchecked")
    private static String replaceOneValue(Random r, String valid) {
        try {
            Map<String, Object> root = JSON.std.mapFrom(valid);
            List<Object[]> places = new ArrayList<>();
            collect(root, places);
            Object[] place = places.get(r.nextInt(places.size()));
            Object replacement = anyJsonValue(r, 2);
            if (place[0] instanceof Map<?, ?> map) {
                if (r.nextInt(4) == 0) {
                    map.remove(place[1]);
                } else {
                    ((Map<Object, Object>) map).put(place[1], replacement);
                }
            } else {
                ((List<Object>) place[0]).set((Integer) place[1], replacement);
            }
            return JSON.std.asString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code text}, a file of schema 2, as schema 1 kept it: each entry its newest run's metrics and time. */
    @SuppressWarnings("unchecked")
    private static String schema1(String text) throws IOException {
        Map<String, Object> root = JSON.std.mapFrom(text);
        root.put("brigadeBaseline", 1);
        for (Object machine : ((Map<String, Object>) root.get("machines")).values()) {
            Map<String, Object> entries = (Map<String, Object>) ((Map<String, Object>) machine).get("entries");
            entries.replaceAll((name, entry) -> {
                List<Object> runs = (List<Object>) ((Map<String, Object>) entry).get("runs");
                return runs.get(runs.size() - 1);
            });
        }
        return JSON.std.with(JSON.Feature.PRETTY_PRINT_OUTPUT).asString(root);
    }

    /** Every place in the tree under {@code node}, as its container and its key or index. */
    private static void collect(Object node, List<Object[]> places) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, child) -> {
                places.add(new Object[] {map, key});
                collect(child, places);
            });
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                places.add(new Object[] {list, i});
                collect(list.get(i), places);
            }
        }
    }

    private static Object anyJsonValue(Random r, int depth) {
        return switch (r.nextInt(depth > 0 ? 12 : 10)) {
            case 0 -> null;
            case 1 -> r.nextBoolean();
            case 2 -> r.nextInt();
            case 3 -> -r.nextDouble() * Math.pow(10, r.nextInt(7));
            case 4 -> new java.math.BigDecimal("1e400");
            case 5 -> new java.math.BigInteger("9".repeat(40));
            case 6 -> Gen.text(r);
            case 7 -> List.of("ns", "B", "1", "").get(r.nextInt(4));
            case 8 -> 0;
            case 9 -> r.nextDouble() * 1e4;
            case 10 -> {
                List<Object> list = new ArrayList<>();
                IntStream.range(0, r.nextInt(4)).forEach(i -> list.add(anyJsonValue(r, depth - 1)));
                yield list;
            }
            default -> {
                Map<String, Object> map = new LinkedHashMap<>();
                IntStream.range(0, r.nextInt(4)).forEach(i -> map.put(List.of("median", "low", "high", "cv",
                        "samples", "unit", "values", "metrics", "entries", Gen.text(r)).get(r.nextInt(10)),
                        anyJsonValue(r, depth - 1)));
                yield map;
            }
        };
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
