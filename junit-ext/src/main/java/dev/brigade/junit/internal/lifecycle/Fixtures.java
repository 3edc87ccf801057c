package dev.brigade.junit.internal.lifecycle;

import dev.brigade.fixture.BrigadeFixture;
import dev.brigade.fixture.CostMeter;
import dev.brigade.fixture.Remeasure;
import dev.brigade.fixture.SpawnFixture;
import dev.brigade.fixture.TaskKind;
import dev.brigade.junit.internal.base.BaseRuns;
import dev.brigade.junit.internal.config.MethodPlan;
import dev.brigade.junit.internal.config.Settings;
import dev.brigade.junit.internal.config.TemplateSpec;
import dev.brigade.junit.internal.invocation.InvocationResults;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;

/**
 * Makes the fixtures the extension injects: configured, times scaled, timeout from {@code brigade.timeout}, results
 * reported to the invocation.
 */
final class Fixtures {

    private Fixtures() {
    }

    /** A fixture for a plain test's parameter: the fixture's defaults, times scaled. */
    static Object plain(Class<?> type, ExtensionContext context) {
        return BaseRuns.attach(unpaired(type, context), context);
    }

    private static Object unpaired(Class<?> type, ExtensionContext context) {
        MethodPlan plan = TestState.plan(context);
        InvocationResults results = TestState.results(context);
        Settings s = plan.settings();
        if (type == BrigadeFixture.class) {
            BrigadeFixture f = Remeasure.attach(BrigadeFixture.create(), results).listener(results)
                    .detectPinning(s.pinningDetect()).timeout(s.timeout());
            return f.warmup(s.scaled(f.warmup())).measure(s.scaled(f.measure()));
        }
        if (type == SpawnFixture.class) {
            SpawnFixture f = Remeasure.attach(SpawnFixture.create(), results).listener(results).timeout(s.timeout());
            return f.warmup(s.scaled(f.warmup())).measure(s.scaled(f.measure()));
        }
        if (type == CostMeter.class) {
            return CostMeter.create().listener(results);
        }
        throw new ParameterResolutionException("Brigade cannot inject a " + type.getName());
    }

    /** The fixture of a template invocation: as the annotation says, for one kind, times scaled. */
    static Object template(TemplateSpec spec, TaskKind kind, ExtensionContext context) {
        return BaseRuns.attach(unpaired(spec, kind, context), context);
    }

    private static Object unpaired(TemplateSpec spec, TaskKind kind, ExtensionContext context) {
        MethodPlan plan = TestState.plan(context);
        InvocationResults results = TestState.results(context);
        Settings s = plan.settings();
        return switch (spec.fixture()) {
            case BRIGADE -> Remeasure.attach(BrigadeFixture.create(), results).tasks(spec.tasks()).kind(kind).link(spec.link())
                    .warmup(s.scaled(spec.warmup())).measure(s.scaled(spec.measure())).listener(results)
                    .detectPinning(s.pinningDetect()).timeout(s.timeout());
            case SPAWN -> Remeasure.attach(SpawnFixture.create(), results).tasks(spec.tasks()).kind(kind).timeout(s.timeout())
                    .warmup(s.scaled(spec.warmup())).measure(s.scaled(spec.measure())).listener(results);
        };
    }
}
