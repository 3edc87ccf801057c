package dev.brigade.junit.internal.config;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.brigade.fixture.LinkType;
import dev.brigade.fixture.TaskKind;
import dev.brigade.junit.Brigade;
import dev.brigade.junit.Spawn;
import dev.brigade.measure.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * A {@link Brigade} or {@link Spawn} annotation, checked and read: what each invocation's fixture starts with.
 *
 * <p>Public for {@code lifecycle}, which makes the template's fixtures, and {@code baseline}, which names entries by
 * it.
 *
 * @param fixture which fixture the template injects
 * @param tasks   tasks in the chain or per batch
 * @param kinds   one invocation per kind, in order
 * @param link    the brigade's links; null for a spawn
 * @param warmup  warm-up as written (not yet scaled)
 * @param measure measurement time as written (not yet scaled)
 */
@API(status = INTERNAL, since = "0.1.0")
public record TemplateSpec(FixtureType fixture, int tasks, List<TaskKind> kinds, LinkType link, Duration warmup,
                           Duration measure) {

    /** Reads {@code @Brigade}, naming the attribute at fault in the error. */
    static TemplateSpec of(Brigade a, String where) {
        int tasks = tasks("@Brigade", a.tasks(), where);
        List<TaskKind> kinds = kinds("@Brigade", a.kinds(), where);
        if (kinds.contains(TaskKind.ASYNC) && a.link() == LinkType.SYNCHRONOUS_QUEUE) {
            throw ConfigurationErrors.error("@Brigade(kinds = " + text(a.kinds()) + ", link = SYNCHRONOUS_QUEUE)",
                    where, "ASYNC tasks cannot hand off through SYNCHRONOUS_QUEUE links: a callback stage cannot"
                            + " wait for its receiver; use link = LinkType.QUEUE or drop ASYNC from kinds");
        }
        Duration warmup = duration("@Brigade", "warmup", a.warmup(), false, where);
        Duration measure = duration("@Brigade", "measure", a.measure(), true, where);
        return new TemplateSpec(FixtureType.BRIGADE, tasks, kinds, a.link(), warmup, measure);
    }

    /** Reads {@code @Spawn}, naming the attribute at fault in the error. */
    static TemplateSpec of(Spawn a, String where) {
        int tasks = tasks("@Spawn", a.tasks(), where);
        List<TaskKind> kinds = kinds("@Spawn", a.kinds(), where);
        Duration warmup = duration("@Spawn", "warmup", a.warmup(), false, where);
        Duration measure = duration("@Spawn", "measure", a.measure(), true, where);
        return new TemplateSpec(FixtureType.SPAWN, tasks, kinds, null, warmup, measure);
    }

    /** The annotation's name: {@code @Brigade} or {@code @Spawn}. */
    public String annotation() {
        return fixture == FixtureType.BRIGADE ? "@Brigade" : "@Spawn";
    }

    /** {@code [VIRTUAL] 500 tasks, QUEUE} or {@code [PLATFORM] 10000 tasks}. */
    public String displayName(TaskKind kind) {
        return "[" + kind + "] " + tasks + (tasks == 1 ? " task" : " tasks") + (link == null ? "" : ", " + link);
    }

    private static int tasks(String annotation, int tasks, String where) {
        if (tasks < 1) {
            throw ConfigurationErrors.error(annotation + "(tasks = " + tasks + ")", where, "tasks must be at least 1");
        }
        return tasks;
    }

    private static List<TaskKind> kinds(String annotation, TaskKind[] kinds, String where) {
        if (kinds.length == 0) {
            throw ConfigurationErrors.error(annotation + "(kinds = {})", where,
                    "kinds must name at least one task kind, like kinds = {VIRTUAL, PLATFORM}");
        }
        Set<TaskKind> seen = EnumSet.noneOf(TaskKind.class);
        List<TaskKind> list = new ArrayList<>();
        for (TaskKind kind : kinds) {
            if (!seen.add(kind)) {
                throw ConfigurationErrors.error(annotation + "(kinds = " + text(kinds) + ")", where,
                        "kinds names " + kind + " twice; name each kind once");
            }
            list.add(kind);
        }
        return List.copyOf(list);
    }

    static Duration duration(String annotation, String attribute, String value, boolean positive, String where) {
        String what = annotation + "(" + attribute + " = \"" + value + "\")";
        Duration d;
        try {
            d = Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw ConfigurationErrors.error(what, where, e.getMessage());
        }
        if (positive && d.isZero()) {
            throw ConfigurationErrors.error(what, where, attribute + " must be longer than zero, like \"1s\"");
        }
        return d;
    }

    static String text(TaskKind[] kinds) {
        return Arrays.stream(kinds).map(TaskKind::name).collect(Collectors.joining(", ", "{", "}"));
    }
}
