package dev.brigade.junit.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The one rule of the charts' value axes: every value inside with a margin, ticks at 1–2–5 steps in the unit. */
class AxisTest {

    private static final double KIB = 1024;

    @Test
    void kibibytes_step_by_twenty_kib_from_zero_and_the_largest_value_stays_below_the_top() {
        // the figures of the issue: 97.7 KiB, 68.4 KiB, 29.3 KiB drawn as ticks of an axis ending at the largest
        Axis axis = Axis.linear(List.of(29.3 * KIB, 68.4 * KIB, 97.7 * KIB), "B", true);

        assertThat(axis.labels()).containsExactly("0", "20 KiB", "40 KiB", "60 KiB", "80 KiB", "100 KiB",
                "120 KiB");
        assertThat(axis.min()).isZero();
        assertThat(axis.max()).isGreaterThanOrEqualTo(97.7 * KIB * (1 + Axis.MARGIN));
    }

    @Test
    void nanoseconds_read_in_microseconds_at_fifty_microsecond_steps() {
        Axis axis = Axis.linear(List.of(120_000.0, 210_000.0, 230_000.0), "ns", true);

        assertThat(axis.labels()).containsExactly("0", "50 µs", "100 µs", "150 µs", "200 µs", "250 µs");
        assertThat(axis.ticks()).containsExactly(0.0, 50_000.0, 100_000.0, 150_000.0, 200_000.0, 250_000.0);
    }

    @Test
    void a_value_exactly_on_a_tick_gets_the_next_tick_as_its_margin() {
        Axis axis = Axis.linear(List.of(0.0, 100.0), "ns", true);

        assertThat(axis.max()).isGreaterThan(100);
        assertThat(axis.labels()).last().isEqualTo("120 ns");
    }

    @Test
    void every_step_is_one_two_or_five_times_a_power_of_ten_in_the_unit_and_every_value_is_inside_with_margin() {
        java.util.Random random = new java.util.Random(31);
        for (int i = 0; i < 2_000; i++) {
            double scale = Math.pow(10, random.nextInt(12) - 3);
            double a = random.nextDouble() * scale;
            double b = a + random.nextDouble() * scale;
            String unit = List.of("ns", "B", "×", "1").get(i % 4);
            boolean fromZero = i % 3 != 0;
            Axis axis = Axis.linear(List.of(a, b), unit, fromZero);
            double margin = (b - (fromZero ? 0 : a)) * Axis.MARGIN;

            assertThat(axis.max()).as("%s %s in %s", a, b, unit).isGreaterThanOrEqualTo(b + margin * 0.999);
            assertThat(axis.min()).as("%s %s in %s", a, b, unit)
                    .isLessThanOrEqualTo(fromZero ? 0 : a - margin * 0.999);
            assertThat(axis.ticks()).hasSizeBetween(3, 9);
            double step = axis.ticks().get(1) - axis.ticks().get(0);
            String last = axis.labels().get(axis.labels().size() - 1);
            double divisor = unit.equals("B") && last.endsWith("KiB") ? KIB
                    : unit.equals("B") && last.endsWith("MiB") ? KIB * KIB
                    : unit.equals("ns") && last.endsWith("µs") ? 1e3
                    : unit.equals("ns") && last.endsWith("ms") ? 1e6
                    : unit.equals("ns") && last.endsWith(" s") ? 1e9 : 1;
            double mantissa = step / divisor / Math.pow(10, Math.floor(Math.log10(step / divisor) + 1e-9));
            assertThat(mantissa).as("step %s of %s", step, axis.labels()).isCloseTo(
                    mantissa < 1.5 ? 1 : mantissa < 3.5 ? 2 : 5, org.assertj.core.data.Offset.offset(1e-6));
        }
    }

    @Test
    void a_line_that_dips_just_below_zero_gets_room_below_the_zero_tick_and_no_negative_tick() {
        // a memory fit: points from 0 to 120 MiB, the heap line's end at -300 KiB
        Axis axis = Axis.linear(List.of(-300 * KIB, 0.0, 120 * KIB * KIB), "B", true);

        assertThat(axis.min()).isLessThan(-300 * KIB).isGreaterThan(-10 * KIB * KIB);
        assertThat(axis.labels()).containsExactly("0", "20 MiB", "40 MiB", "60 MiB", "80 MiB", "100 MiB", "120 MiB",
                "140 MiB").noneMatch(l -> l.startsWith("-"));
    }

    @Test
    void a_ratio_axis_holds_one_and_its_ticks_read_as_ratios() {
        Axis axis = Axis.linear(List.of(0.93, 1.0, 1.31), "×", false);

        assertThat(axis.min()).isLessThan(0.93);
        assertThat(axis.max()).isGreaterThan(1.31);
        assertThat(axis.labels()).contains("1.0×").allMatch(l -> l.endsWith("×"));
    }

    @Test
    void a_logarithmic_axis_ends_and_ticks_at_one_two_and_five_beyond_the_values() {
        Axis axis = Axis.logarithmic(List.of(1_000.0, 10_000.0), "ns");

        assertThat(axis.labels()).containsExactly("500 ns", "1 µs", "2 µs", "5 µs", "10 µs", "20 µs");
        assertThat(axis.min()).isLessThan(1_000 / 1.05);
        assertThat(axis.max()).isGreaterThan(10_000 * 1.05);
    }

    @Test
    void a_logarithmic_axis_in_bytes_steps_in_kibibytes_without_a_thousand_bytes_beside_one_kib() {
        Axis axis = Axis.logarithmic(List.of(600.0, 3 * KIB), "B");

        assertThat(axis.labels()).containsExactly("500 B", "1 KiB", "2 KiB", "5 KiB");
        assertThat(axis.ticks()).contains(KIB, 5 * KIB);
    }

    @Test
    void a_wide_logarithmic_axis_keeps_the_decades_only() {
        Axis axis = Axis.logarithmic(List.of(2.0, 3_000_000.0), "ns");

        assertThat(axis.labels()).containsExactly("1 ns", "10 ns", "100 ns", "1 µs", "10 µs", "100 µs", "1 ms",
                "10 ms");
    }
}
