package dev.brigade.junit.internal.config;

import static dev.brigade.assertj.BrigadeAssertions.assertThat;
import static org.apiguardian.api.API.Status.INTERNAL;

import dev.brigade.fixture.BrigadeResult;
import dev.brigade.fixture.Measurement;
import dev.brigade.fixture.MemoryResult;
import dev.brigade.fixture.SpawnResult;
import dev.brigade.fixture.TaskKind;
import java.time.Duration;
import org.apiguardian.api.API;

/**
 * One attribute of {@code @Budget}: its name, the results it applies to and how it is checked. Every check goes
 * through {@code BrigadeAssertions}, so a budget fails with the same message as the assertion would.
 *
 * <p>Public for {@code verdict}, which checks limits, and {@code invocation}, which keeps results by the limits'
 * sources.
 */
@API(status = INTERNAL, since = "0.1.0")
public enum Limit {
    /** Wall time per hop of a brigade. */
    PER_HOP("perHop", Source.BRIGADE, "wall time per hop", "nanosPerHop") {
        @Override
        public void check(Measurement result, Object limit) {
            assertThat((BrigadeResult) result).perHop().isAtMost((Duration) limit);
        }
    },
    /** Process CPU per hop of a brigade. */
    CPU_PER_HOP("cpuPerHop", Source.BRIGADE, "CPU per hop", "cpuNanosPerHop") {
        @Override
        public void check(Measurement result, Object limit) {
            assertThat((BrigadeResult) result).cpuPerHop().isAtMost((Duration) limit);
        }
    },
    /** Context switches per hop of a brigade. */
    CONTEXT_SWITCHES_PER_HOP("contextSwitchesPerHop", Source.BRIGADE, "context switches per hop",
            "contextSwitchesPerHop") {
        @Override
        public void check(Measurement result, Object limit) {
            assertThat((BrigadeResult) result).contextSwitchesPerHop().isAtMost((Double) limit);
        }
    },
    /** Resident memory per task. */
    MEMORY_PER_TASK("memoryPerTask", Source.MEMORY, "memory per task", "rssBytesPerTask") {
        @Override
        public void check(Measurement result, Object limit) {
            assertThat((MemoryResult) result).memoryPerTask().isAtMost((Long) limit);
        }
    },
    /** Live heap per task. */
    HEAP_PER_TASK("heapPerTask", Source.MEMORY, "heap per task", "heapBytesPerTask") {
        @Override
        public void check(Measurement result, Object limit) {
            assertThat((MemoryResult) result).heapPerTask().isAtMost((Long) limit);
        }
    },
    /** Creation cost per task of a spawn. */
    CREATION_COST("creationCost", Source.SPAWN, "creation cost", "nanosPerTask") {
        @Override
        public void check(Measurement result, Object limit) {
            assertThat((SpawnResult) result).creationCost().isAtMost((Duration) limit);
        }
    },
    /** Start latency of a spawn. */
    START_LATENCY("startLatency", Source.SPAWN, "start latency", "startLatencyNanos") {
        @Override
        public void check(Measurement result, Object limit) {
            assertThat((SpawnResult) result).startLatency().isAtMost((Duration) limit);
        }
    },
    /** Context switches per spawned task. */
    CONTEXT_SWITCHES_PER_TASK("contextSwitchesPerTask", Source.SPAWN, "context switches per task",
            "contextSwitchesPerTask") {
        @Override
        public void check(Measurement result, Object limit) {
            assertThat((SpawnResult) result).contextSwitchesPerTask().isAtMost((Double) limit);
        }
    };

    /**
     * Which results a limit applies to.
     *
     * <p>Public for {@code verdict} and {@code invocation}, which pick the results a limit checks.
     */
    @API(status = INTERNAL, since = "0.1.0")
    public enum Source {
        /** Brigade results ({@code run()}, not the one-thread floor). */
        BRIGADE,
        /** Spawn results. */
        SPAWN,
        /** Memory per task: {@code parked(n)}, or a brigade that measured memory. */
        MEMORY;

        /**
         * The part of {@code result} that a limit of this source on {@code kind} checks — the result itself, or a
         * brigade's memory per task — or null when it checks none of it. The one home of the rule.
         */
        public Measurement target(Measurement result, TaskKind kind) {
            return switch (this) {
                case BRIGADE -> result instanceof BrigadeResult r && !r.oneThread() && r.kind() == kind ? r : null;
                case SPAWN -> result instanceof SpawnResult r && r.kind() == kind ? r : null;
                case MEMORY -> result instanceof MemoryResult r && r.kind() == kind ? r
                        : result instanceof BrigadeResult r && !r.oneThread() && r.kind() == kind
                        ? r.memoryPerTask() : null;
            };
        }
    }

    private final String attribute;
    private final Source source;
    private final String description;
    private final String metric;

    Limit(String attribute, Source source, String description, String metric) {
        this.attribute = attribute;
        this.source = source;
        this.description = description;
        this.metric = metric;
    }

    /** The metric the limit bounds, by its name in results: {@code perHop} bounds {@code nanosPerHop}. */
    public String metric() {
        return metric;
    }

    /** The limit's value in the metric's unit (ns, a count, bytes), for reports. */
    public static double valueOf(Object value) {
        if (value instanceof java.time.Duration d) {
            return d.getSeconds() * 1e9 + d.getNano();
        }
        return ((Number) value).doubleValue();
    }

    /** The attribute's name in {@code @Budget}. */
    public String attribute() {
        return attribute;
    }

    public Source source() {
        return source;
    }

    String description() {
        return description;
    }

    /** Whether a template of this fixture produces results this limit applies to. */
    public boolean appliesTo(FixtureType fixture) {
        return source == Source.MEMORY
                || (source == Source.BRIGADE ? fixture == FixtureType.BRIGADE : fixture == FixtureType.SPAWN);
    }

    /**
     * Asserts that {@code result} is within {@code limit}.
     *
     * @throws AssertionError with {@code BrigadeAssertions}' message when the limit is exceeded with confidence
     */
    public abstract void check(Measurement result, Object limit);
}
