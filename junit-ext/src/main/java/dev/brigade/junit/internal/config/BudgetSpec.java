package dev.brigade.junit.internal.config;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.brigade.fixture.TaskKind;
import dev.brigade.junit.Budget;
import dev.brigade.measure.Bytes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * A {@link Budget}, checked and read: the kind it limits and the limits it sets, in the order of the annotation.
 *
 * <p>Public for {@code verdict}, which decides the budgets.
 *
 * @param kind   the task kind whose results are limited
 * @param limits the limits set (at least one)
 * @param text   the annotation as written, with only the attributes set:
 *               {@code @Budget(kind = VIRTUAL, perHop = "2us")}
 */
@API(status = INTERNAL, since = "0.1.0")
public record BudgetSpec(TaskKind kind, List<SetLimit> limits, String text) {

    /**
     * One limit a budget sets.
     *
     * <p>Public for {@code verdict}, which decides each limit.
     *
     * @param limit   which limit
     * @param value   a {@link Duration}, a byte count ({@link Long}) or a count ({@link Double})
     * @param written the attribute as written: {@code perHop = "2us"}
     */
    @API(status = INTERNAL, since = "0.1.0")
    public record SetLimit(Limit limit, Object value, String written) {
    }

    /** Reads a budget, naming the attribute at fault in the error. */
    static BudgetSpec of(Budget b, String where) {
        List<SetLimit> limits = new ArrayList<>();
        duration(b.perHop(), Limit.PER_HOP, limits, where);
        duration(b.cpuPerHop(), Limit.CPU_PER_HOP, limits, where);
        count(b.contextSwitchesPerHop(), Limit.CONTEXT_SWITCHES_PER_HOP, limits, where);
        size(b.memoryPerTask(), Limit.MEMORY_PER_TASK, limits, where);
        size(b.heapPerTask(), Limit.HEAP_PER_TASK, limits, where);
        duration(b.creationCost(), Limit.CREATION_COST, limits, where);
        duration(b.startLatency(), Limit.START_LATENCY, limits, where);
        count(b.contextSwitchesPerTask(), Limit.CONTEXT_SWITCHES_PER_TASK, limits, where);
        String text = "@Budget(kind = " + b.kind()
                + limits.stream().map(l -> ", " + l.written()).collect(Collectors.joining()) + ")";
        if (limits.isEmpty()) {
            throw ConfigurationErrors.error(text, where, "the budget sets no limit: set "
                    + Arrays.stream(Limit.values()).map(Limit::attribute).collect(Collectors.joining(", "))
                    + " (durations like \"2us\", sizes like \"8KiB\", counts like 0.1)");
        }
        return new BudgetSpec(b.kind(), List.copyOf(limits), text);
    }

    /**
     * Checks that this budget can apply to a template: its kind is one the template runs, and each limit is one
     * the template's fixture measures.
     */
    void checkFits(TemplateSpec template, String where) {
        if (!template.kinds().contains(kind)) {
            throw ConfigurationErrors.error("@Budget(kind = " + kind + ")", where, "the test runs "
                    + template.kinds().stream().map(TaskKind::name).collect(Collectors.joining(", "))
                    + " but not " + kind + ": add " + kind + " to " + template.annotation()
                    + "(kinds = ...) or remove the budget");
        }
        for (SetLimit set : limits) {
            if (!set.limit().appliesTo(template.fixture())) {
                List<String> fitting = Arrays.stream(Limit.values()).filter(l -> l.appliesTo(template.fixture()))
                        .map(Limit::attribute).toList();
                throw ConfigurationErrors.error("@Budget(" + set.written() + ")", where, set.limit().attribute()
                        + " limits " + sourceName(set.limit().source()) + " results, which a " + template.annotation()
                        + " test does not produce: use " + String.join(", ", fitting));
            }
        }
    }

    /** One limit as written, for messages: {@code @Budget(kind = VIRTUAL, perHop = "2us")}. */
    public String textOf(SetLimit set) {
        return "@Budget(kind = " + kind + ", " + set.written() + ")";
    }

    public static String sourceName(Limit.Source source) {
        return switch (source) {
            case BRIGADE -> "brigade";
            case SPAWN -> "spawn";
            case MEMORY -> "memory";
        };
    }

    private static void duration(String value, Limit limit, List<SetLimit> limits, String where) {
        if (value.isEmpty()) {
            return;
        }
        Duration d = TemplateSpec.duration("@Budget", limit.attribute(), value, false, where);
        limits.add(new SetLimit(limit, d, limit.attribute() + " = \"" + value + "\""));
    }

    private static void size(String value, Limit limit, List<SetLimit> limits, String where) {
        if (value.isEmpty()) {
            return;
        }
        try {
            limits.add(new SetLimit(limit, Bytes.parse(value), limit.attribute() + " = \"" + value + "\""));
        } catch (IllegalArgumentException e) {
            throw ConfigurationErrors.error("@Budget(" + limit.attribute() + " = \"" + value + "\")", where,
                    e.getMessage());
        }
    }

    private static void count(double value, Limit limit, List<SetLimit> limits, String where) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw ConfigurationErrors.error("@Budget(" + limit.attribute() + " = " + value + ")", where,
                    limit.attribute() + " must be a finite number of context switches, or negative to leave it unset");
        }
        if (value < 0) {
            return;
        }
        limits.add(new SetLimit(limit, value, limit.attribute() + " = " + value));
    }
}
