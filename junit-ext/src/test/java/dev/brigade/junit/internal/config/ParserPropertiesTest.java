package dev.brigade.junit.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.within;

import dev.brigade.fixture.BrigadeFixture;
import dev.brigade.fixture.TaskKind;
import dev.brigade.junit.Budget;
import dev.brigade.junit.Constants;
import dev.brigade.junit.internal.ForAll;
import dev.brigade.junit.internal.Gen;
import dev.brigade.measure.Bytes;
import dev.brigade.measure.Durations;
import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * Property tests of every parser of user input: durations and sizes (annotations, configuration), CPU lists
 * ({@code cpus(...)}, {@code @Fork(cpus)}), {@code @Budget} values and the configuration parameters. Random and
 * malformed text must give the documented exception with a message naming the text, never another exception, a
 * wrapped-around number or a hang; formatted figures must read back.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ParserPropertiesTest {

    private static final String WHERE = "method [ParserPropertiesTest#property]";
    private static final String[] DURATION_UNITS = {"ns", "us", "µs", "μs", "ms", "s", "m", "min"};
    private static final Map<String, Long> NANOS_PER_UNIT = Map.of("ns", 1L, "us", 1_000L, "µs", 1_000L,
            "μs", 1_000L, "ms", 1_000_000L, "s", 1_000_000_000L, "m", 60_000_000_000L, "min", 60_000_000_000L);
    private static final String[] SIZE_UNITS = {"", "B", "b", "KiB", "kib", "k", "MiB", "m", "GiB", "g", "KB", "MB",
        "GB", "mb"};
    private static final Map<String, Long> BYTES_PER_UNIT = Map.ofEntries(Map.entry("", 1L), Map.entry("b", 1L),
            Map.entry("kib", 1L << 10), Map.entry("k", 1L << 10), Map.entry("mib", 1L << 20), Map.entry("m", 1L << 20),
            Map.entry("gib", 1L << 30), Map.entry("g", 1L << 30), Map.entry("kb", 1_000L),
            Map.entry("mb", 1_000_000L), Map.entry("gb", 1_000_000_000L));
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    // ---- durations ----

    @Test
    void a_duration_is_read_or_rejected_with_a_message_naming_the_text() {
        ForAll.of("Durations.parse of any text", r -> r.nextBoolean() ? Gen.text(r)
                : Gen.numberAndUnit(r, DURATION_UNITS)).tries(10_000).check(text -> {
                    Duration d = readOrRejected(() -> Durations.parse(text), text);
                    if (d != null) {
                        assertThat(d.isNegative()).as("a negative duration read from %s", ForAll.show(text)).isFalse();
                    }
                });
    }

    @Test
    void a_number_and_a_unit_read_as_their_product_or_as_too_long() {
        ForAll.of("Durations.parse of a number and a unit", r -> decimal(r) + space(r)
                + DURATION_UNITS[r.nextInt(DURATION_UNITS.length)]).tries(5_000).check(text -> {
                    String unit = text.replaceAll("[0-9. ]", "");
                    BigDecimal exact = new BigDecimal(text.replaceAll("[^0-9.]", ""))
                            .multiply(BigDecimal.valueOf(NANOS_PER_UNIT.get(unit)));
                    checkProductOrTooLarge(text, exact, () -> Durations.parse(text).toNanos(), "too long a duration");
                });
    }

    @Test
    void a_formatted_duration_reads_back_within_its_three_figures() {
        ForAll.of("Durations.parse(formatNanos(n))", ParserPropertiesTest::logUniformLong).tries(5_000)
                .check(nanos -> {
                    String text = Durations.formatNanos(nanos);
                    long read = Durations.parse(text).toNanos();
                    assertThat((double) read).as("%d ns written as %s", nanos, text)
                            .isCloseTo(nanos, org.assertj.core.data.Offset.offset(0.005 * nanos + 1));
                });
    }

    // ---- sizes ----

    @Test
    void a_size_is_read_or_rejected_with_a_message_naming_the_text() {
        ForAll.of("Bytes.parse of any text", r -> r.nextBoolean() ? Gen.text(r) : Gen.numberAndUnit(r, SIZE_UNITS))
                .tries(10_000).check(text -> {
                    Long bytes = readOrRejected(() -> Bytes.parse(text), text);
                    if (bytes != null) {
                        assertThat(bytes).as("a size read from %s", ForAll.show(text)).isNotNegative();
                    }
                });
    }

    @Test
    void a_size_reads_as_its_product_or_as_too_large() {
        ForAll.of("Bytes.parse of a number and a unit", r -> decimal(r) + space(r)
                + SIZE_UNITS[r.nextInt(SIZE_UNITS.length)]).tries(5_000).check(text -> {
                    String unit = text.replaceAll("[0-9. ]", "").toLowerCase(java.util.Locale.ROOT);
                    BigDecimal exact = new BigDecimal(text.replaceAll("[^0-9.]", ""))
                            .multiply(BigDecimal.valueOf(BYTES_PER_UNIT.get(unit)));
                    checkProductOrTooLarge(text, exact, () -> Bytes.parse(text), "is too large");
                });
    }

    @Test
    void a_formatted_size_reads_back_within_its_three_figures() {
        ForAll.of("Bytes.parse(format(n))", ParserPropertiesTest::logUniformLong).tries(5_000).check(bytes -> {
            String text = Bytes.format(bytes);
            long read = Bytes.parse(text);
            assertThat((double) read).as("%d B written as %s", bytes, text)
                    .isCloseTo(bytes, org.assertj.core.data.Offset.offset(0.005 * bytes + 1));
        });
    }

    // ---- CPU lists ----

    @Test
    void a_cpu_list_of_a_fixture_is_taken_or_rejected_with_a_message_naming_it() {
        int machine = Runtime.getRuntime().availableProcessors();
        ForAll.of("BrigadeFixture.cpus of any text", r -> r.nextBoolean() ? Gen.text(r) : cpuList(r, machine))
                .tries(5_000).check(text -> {
                    try {
                        BrigadeFixture.create().cpus(text);
                        if (!text.trim().isEmpty()) {
                            checkCpusOfThisMachine(text.trim(), machine);
                        }
                    } catch (IllegalArgumentException e) {
                        assertThat(e).as("the error for %s", ForAll.show(text)).hasMessageContaining(
                                "cpus \"" + text + "\"");
                    }
                });
    }

    @Test
    void a_cpu_list_of_fork_is_taken_or_rejected_with_a_configuration_error_naming_it() {
        int machine = Runtime.getRuntime().availableProcessors();
        ForAll.of("@Fork(cpus) of any text", r -> (r.nextBoolean() ? Gen.text(r) : cpuList(r, machine)).trim())
                .tries(5_000).check(cpus -> {
                    if (cpus.isEmpty()) {
                        return;
                    }
                    try {
                        ForkSpec.checkCpus(cpus, WHERE);
                        checkCpusOfThisMachine(cpus, machine);
                    } catch (ExtensionConfigurationException e) {
                        assertThat(e).hasMessageStartingWith("Configuration error: @Fork(cpus = \"" + cpus + "\") on "
                                + WHERE + ": ");
                    }
                });
    }

    // ---- @Budget ----

    @Test
    void a_budget_is_read_or_rejected_with_a_configuration_error_naming_the_attribute() {
        ForAll.of("BudgetSpec.of any @Budget", ParserPropertiesTest::budget).tries(5_000).check(b -> {
            BudgetSpec spec;
            try {
                spec = BudgetSpec.of(b, WHERE);
            } catch (ExtensionConfigurationException e) {
                assertThat(e.getMessage()).startsWith("Configuration error: @Budget(");
                assertThat(b.written().stream().anyMatch(e.getMessage()::contains)
                        || e.getMessage().contains("the budget sets no limit")).as("%s names one of %s",
                        e.getMessage(), b.written()).isTrue();
                return;
            }
            assertThat(spec.limits()).hasSize(b.set());
            for (BudgetSpec.SetLimit limit : spec.limits()) {
                double value = Limit.valueOf(limit.value());
                assertThat(Double.isFinite(value) && value >= 0).as("limit %s of %s", value, b).isTrue();
            }
        });
    }

    @Test
    void a_budget_written_as_a_formatted_figure_reads_back() {
        ForAll.of("@Budget(perHop = formatNanos(n), memoryPerTask = Bytes.format(m))",
                r -> new long[] {logUniformLong(r), logUniformLong(r)}).tries(1_000).check(figures -> {
                    TestBudget b = new TestBudget(TaskKind.VIRTUAL, Durations.formatNanos(figures[0]), "", -1,
                            Bytes.format(figures[1]), "", "", "", -1);
                    BudgetSpec spec = BudgetSpec.of(b, WHERE);
                    assertThat(Limit.valueOf(spec.limits().get(0).value()))
                            .isCloseTo(figures[0], org.assertj.core.data.Offset.offset(0.005 * figures[0] + 1));
                    assertThat(Limit.valueOf(spec.limits().get(1).value()))
                            .isCloseTo(figures[1], org.assertj.core.data.Offset.offset(0.005 * figures[1] + 1));
                });
    }

    // ---- configuration parameters ----

    @Test
    void the_configuration_is_read_or_rejected_with_an_error_naming_the_key_and_value() {
        ForAll.of("Settings.read of any parameters", ParserPropertiesTest::parameters).tries(10_000).check(params -> {
            Settings settings;
            try {
                settings = Settings.read(key -> Optional.ofNullable(params.get(key)), WHERE);
            } catch (ExtensionConfigurationException e) {
                assertThat(e.getMessage()).startsWith("Configuration error: brigade.");
                assertThat(params.entrySet().stream().anyMatch(p -> e.getMessage().contains(p.getKey() + " = \""
                        + p.getValue() + "\"") || e.getMessage().contains(p.getKey() + " = \"" + p.getValue().trim()
                        + "\""))).as("%s names one of %s", e.getMessage(), params).isTrue();
                return;
            }
            assertThat(settings.scale()).isPositive().isLessThan(Double.POSITIVE_INFINITY);
            assertThat(settings.baselineTolerance()).isGreaterThan(0).isLessThan(1);
            assertThat(settings.baselineRuns()).isBetween(1, 1000);
            assertThat(settings.forkTimeout().isPositive()).isTrue();
            for (long nanos : new long[] {0, 1, 1_000_000_000, Long.MAX_VALUE}) {
                Duration scaled = settings.scaled(Duration.ofNanos(nanos));
                assertThat(scaled.isNegative()).as("%d ns scaled by %s", nanos, settings.scale()).isFalse();
                assertThat(scaled.isZero()).isEqualTo(nanos == 0);
            }
        });
    }

    @Test
    void a_baseline_tolerance_is_a_fraction_or_a_configuration_error_naming_it() {
        ForAll.of("@Baseline(tolerance) of any text", r -> r.nextBoolean() ? Gen.text(r)
                : Gen.numberAndUnit(r, "", "%", " %", "e-1")).tries(5_000).check(text -> {
                    // the fraction a plain decimal or percentage means, read another way than the parser's
                    Optional<BigDecimal> meant = plainTolerance(text);
                    boolean valid = meant.map(m -> m.doubleValue() > 0 && m.doubleValue() < 1).orElse(false);
                    try {
                        double tolerance = Settings.tolerance(Settings.ToleranceOf.BASELINE, Optional.of(text),
                                t -> "@Baseline(tolerance = \"" + t + "\")", WHERE);
                        assertThat(tolerance).as("tolerance of %s", ForAll.show(text)).isGreaterThan(0).isLessThan(1);
                        if (text.isBlank()) {
                            assertThat(tolerance).isEqualTo(Constants.BASELINE_TOLERANCE_DEFAULT);
                        } else if (meant.isPresent()) {
                            assertThat(valid).as("%s is outside (0, 1) but was read as %s", ForAll.show(text),
                                    tolerance).isTrue();
                            assertThat(tolerance).as("tolerance of %s", ForAll.show(text))
                                    .isCloseTo(meant.get().doubleValue(), within(1e-12));
                        }
                    } catch (ExtensionConfigurationException e) {
                        assertThat(valid).as("%s is a tolerance but was refused: %s", ForAll.show(text),
                                e.getMessage()).isFalse();
                        assertThat(e).hasMessageStartingWith("Configuration error: @Baseline(tolerance = \""
                                + text.trim() + "\") on " + WHERE);
                    }
                });
    }

    /** {@code 0.05}, {@code 5%} or {@code 5e-2} as a fraction, with the whitespace {@link String#trim} removes. */
    private static Optional<BigDecimal> plainTolerance(String text) {
        String blank = "[\\x00-\\x20]*";
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(blank
                + "((?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?)" + blank + "(%?)" + blank).matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        BigDecimal number;
        try {
            number = new BigDecimal(m.group(1));
        } catch (NumberFormatException e) {
            return Optional.empty(); // an exponent past int
        }
        return Optional.of(m.group(2).isEmpty() ? number : number.movePointLeft(2));
    }

    @Test
    void an_empty_tolerance_is_the_default_of_its_comparison_and_an_error_names_the_comparison() {
        for (Optional<String> empty : List.of(Optional.<String>empty(), Optional.of(""), Optional.of("  "))) {
            assertThat(Settings.tolerance(Settings.ToleranceOf.BASE, empty, t -> t, WHERE)).as("base, %s", empty)
                    .isEqualTo(Constants.BASE_TOLERANCE_DEFAULT).isEqualTo(0.05);
            assertThat(Settings.tolerance(Settings.ToleranceOf.BASELINE, empty, t -> t, WHERE))
                    .as("baseline, %s", empty).isEqualTo(Constants.BASELINE_TOLERANCE_DEFAULT).isEqualTo(0.10);
        }
        assertThat(Settings.tolerance(Settings.ToleranceOf.BASE, Optional.of(" 20% "), t -> t, WHERE))
                .isCloseTo(0.20, within(1e-12));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Settings.tolerance(Settings.ToleranceOf.BASE,
                Optional.of("2"), t -> Constants.BASE_TOLERANCE_PROPERTY_NAME + " = \"" + t + "\"", WHERE))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage("Configuration error: brigade.base.tolerance = \"2\" on " + WHERE + ": a tolerance is the"
                        + " slowdown an @AgainstBase comparison allows, a fraction greater than 0 and less than 1"
                        + " (0.05) or a percentage (5%)");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Settings.tolerance(Settings.ToleranceOf.BASELINE,
                Optional.of("2"), t -> t, WHERE)).hasMessageEndingWith(": a tolerance is the slowdown a baseline"
                        + " comparison allows, a fraction greater than 0 and less than 1 (0.10) or a percentage (10%)");
    }

    // ---- the cases the properties found, kept as examples ----

    @Test
    void a_cpu_number_past_int_is_a_cpu_this_machine_does_not_have() {
        String cpus = "0," + "9".repeat(12);
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> BrigadeFixture.create().cpus(cpus)).withMessageContaining("cpus \"" + cpus + "\"")
                .withMessageContaining("is not a range of CPUs this machine has");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ForkSpec.checkCpus(cpus, WHERE))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("CPU " + "9".repeat(12) + " does not exist here");
    }

    // ---- helpers ----

    /** The value, or null when {@code parse} threw an IllegalArgumentException naming {@code text}. */
    private static <T> T readOrRejected(Supplier<T> parse, String text) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            assertThat(e.getClass()).as("the exception for %s: %s", ForAll.show(text), e)
                    .isEqualTo(IllegalArgumentException.class);
            assertThat(e.getMessage()).as("the message for %s", ForAll.show(text)).contains("\"" + text + "\"");
            return null;
        }
    }

    private static void checkProductOrTooLarge(String text, BigDecimal exact, Supplier<Long> parse, String tooLarge) {
        if (exact.compareTo(new BigDecimal("9.2e18")) <= 0) {
            long read = parse.get();
            assertThat(BigDecimal.valueOf(read).subtract(exact).abs().doubleValue()).as("%s read as %d", text, read)
                    .isLessThanOrEqualTo(Math.max(1, exact.doubleValue() * 1e-12));
        } else if (exact.compareTo(new BigDecimal("9.3e18")) >= 0) {
            try {
                long read = parse.get();
                fail("%s, which is %s, read as %d", text, exact, read);
            } catch (IllegalArgumentException e) {
                assertThat(e).hasMessageContaining("\"" + text + "\"").hasMessageContaining(tooLarge);
            }
        } else {
            try {
                assertThat(BigDecimal.valueOf(parse.get()).compareTo(LONG_MAX)).isLessThanOrEqualTo(0);
            } catch (IllegalArgumentException e) {
                assertThat(e).hasMessageContaining(tooLarge);
            }
        }
    }

    private static void checkCpusOfThisMachine(String cpus, int machine) {
        assertThat(cpus).matches("\\d+(-\\d+)?(,\\d+(-\\d+)?)*");
        for (String part : cpus.split("[,-]")) {
            assertThat(Integer.parseInt(part)).as("CPU %s of %s", part, cpus).isLessThan(machine);
        }
    }

    /** A decimal number of up to 25 digits, with a fraction now and then. */
    private static String decimal(Random r) {
        StringBuilder digits = new StringBuilder(Integer.toString(1 + r.nextInt(9)));
        int length = r.nextInt(25);
        for (int i = 0; i < length; i++) {
            digits.append(r.nextInt(10));
        }
        if (digits.length() > 1 && r.nextInt(3) == 0) {
            digits.insert(1 + r.nextInt(digits.length() - 1), '.');
        }
        return digits.toString();
    }

    private static String space(Random r) {
        return r.nextInt(4) == 0 ? " " : "";
    }

    /** A long from 0 to {@code Long.MAX_VALUE}, uniform in its number of bits. */
    private static long logUniformLong(Random r) {
        int bits = r.nextInt(64);
        return bits == 0 ? 0 : (r.nextLong() >>> (64 - bits)) | (1L << (bits - 1));
    }

    /** A CPU list, mostly well formed, with CPUs of this machine, past it, and past {@code int}. */
    private static String cpuList(Random r, int machine) {
        StringBuilder list = new StringBuilder();
        int parts = 1 + r.nextInt(3);
        for (int i = 0; i < parts; i++) {
            list.append(i == 0 ? "" : ",").append(cpu(r, machine));
            if (r.nextBoolean()) {
                list.append('-').append(cpu(r, machine));
            }
        }
        return (r.nextInt(4) == 0 ? " " : "") + list;
    }

    private static String cpu(Random r, int machine) {
        return switch (r.nextInt(6)) {
            case 0 -> Integer.toString(machine + r.nextInt(3));
            case 1 -> Long.toString(Integer.MAX_VALUE + 1L + r.nextInt(1000));
            case 2 -> "9".repeat(10 + r.nextInt(20));
            default -> Integer.toString(r.nextInt(machine));
        };
    }

    private static TestBudget budget(Random r) {
        return new TestBudget(TaskKind.values()[r.nextInt(TaskKind.values().length)], attribute(r, DURATION_UNITS),
                attribute(r, DURATION_UNITS), count(r), attribute(r, SIZE_UNITS), attribute(r, SIZE_UNITS),
                attribute(r, DURATION_UNITS), attribute(r, DURATION_UNITS), count(r));
    }

    private static String attribute(Random r, String[] units) {
        return switch (r.nextInt(4)) {
            case 0, 1 -> "";
            case 2 -> Gen.numberAndUnit(r, units);
            default -> Gen.text(r);
        };
    }

    private static double count(Random r) {
        double[] odd = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0, Double.MIN_VALUE,
            Double.MAX_VALUE, -1, -1e-300};
        return switch (r.nextInt(4)) {
            case 0, 1 -> -1;
            case 2 -> odd[r.nextInt(odd.length)];
            default -> r.nextDouble() * Math.pow(10, r.nextInt(10) - 3);
        };
    }

    private static Map<String, String> parameters(Random r) {
        String[] keys = {Constants.SCALE_PROPERTY_NAME, Constants.ENABLED_PROPERTY_NAME,
            Constants.REPORT_DIR_PROPERTY_NAME, Constants.BASELINE_DIR_PROPERTY_NAME,
            Constants.BASELINE_UPDATE_PROPERTY_NAME, Constants.BASELINE_RUNS_PROPERTY_NAME,
            Constants.BASELINE_TOLERANCE_PROPERTY_NAME,
            Constants.PINNING_DETECT_PROPERTY_NAME, Constants.FORK_ENABLED_PROPERTY_NAME,
            Constants.FORK_TIMEOUT_PROPERTY_NAME, Constants.TIMEOUT_PROPERTY_NAME, Constants.SUMMARY_PROPERTY_NAME};
        Map<String, String> params = new HashMap<>();
        for (String key : keys) {
            switch (r.nextInt(4)) {
                case 0 -> params.put(key, Gen.text(r));
                case 1 -> params.put(key, plausible(r, key));
                default -> {
                }
            }
        }
        return params;
    }

    /** A value of the right shape for {@code key}, often at the edge of what it takes. */
    private static String plausible(Random r, String key) {
        return switch (key) {
            case Constants.SCALE_PROPERTY_NAME -> List.of("0.2", "1", "0", "-1", "1e-320", "1e308", "1e309", "NaN",
                    " 0.5 ", "0x1p-3", "2d").get(r.nextInt(11));
            case Constants.BASELINE_TOLERANCE_PROPERTY_NAME -> Gen.numberAndUnit(r, "", "%", " %");
            case Constants.BASELINE_UPDATE_PROPERTY_NAME -> List.of("true", "add", " ADD ", "false", "append", "")
                    .get(r.nextInt(6));
            case Constants.BASELINE_RUNS_PROPERTY_NAME -> List.of("10", "1", "0", "1000", "1001", " 5 ", "-1", "2.5",
                    "99999999999", "").get(r.nextInt(10));
            case Constants.FORK_TIMEOUT_PROPERTY_NAME, Constants.TIMEOUT_PROPERTY_NAME ->
                    Gen.numberAndUnit(r, DURATION_UNITS);
            case Constants.SUMMARY_PROPERTY_NAME -> List.of("tests", " FULL ", "full", "all", "").get(r.nextInt(5));
            case Constants.REPORT_DIR_PROPERTY_NAME, Constants.BASELINE_DIR_PROPERTY_NAME ->
                    List.of("target/x", " ", "a\u0000b", "/tmp/brigade dir", "").get(r.nextInt(5));
            default -> List.of("true", "FALSE", " true ", "yes", "1", "").get(r.nextInt(6));
        };
    }

    /** A {@link Budget} with any attribute values, also those the compiler would not let a test write. */
    record TestBudget(TaskKind kind, String perHop, String cpuPerHop, double contextSwitchesPerHop,
                      String memoryPerTask, String heapPerTask, String creationCost, String startLatency,
                      double contextSwitchesPerTask) implements Budget {

        @Override
        public Class<? extends Annotation> annotationType() {
            return Budget.class;
        }

        /** How many limits are set. */
        int set() {
            int set = 0;
            for (String s : List.of(perHop, cpuPerHop, memoryPerTask, heapPerTask, creationCost, startLatency)) {
                set += s.isEmpty() ? 0 : 1;
            }
            return set + (contextSwitchesPerHop >= 0 ? 1 : 0) + (contextSwitchesPerTask >= 0 ? 1 : 0);
        }

        /** Each set attribute as an error names it. */
        List<String> written() {
            List<String> written = new java.util.ArrayList<>();
            Map<String, String> texts = new java.util.LinkedHashMap<>();
            texts.put("perHop", perHop);
            texts.put("cpuPerHop", cpuPerHop);
            texts.put("memoryPerTask", memoryPerTask);
            texts.put("heapPerTask", heapPerTask);
            texts.put("creationCost", creationCost);
            texts.put("startLatency", startLatency);
            texts.forEach((name, value) -> {
                if (!value.isEmpty()) {
                    written.add(name + " = \"" + value + "\"");
                }
            });
            written.add("contextSwitchesPerHop = " + contextSwitchesPerHop);
            written.add("contextSwitchesPerTask = " + contextSwitchesPerTask);
            return written;
        }
    }
}
