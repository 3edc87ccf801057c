package dev.brigade.junit.internal.lifecycle;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.brigade.junit.Brigade;
import dev.brigade.junit.Constants;
import dev.brigade.junit.Spawn;
import dev.brigade.junit.internal.config.Configuration;
import dev.brigade.junit.internal.config.MethodPlan;
import dev.brigade.junit.internal.config.Settings;
import dev.brigade.junit.internal.invocation.CurrentInvocation;
import java.util.Optional;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * What {@code BrigadeExtension} does at each extension point, kept out of the public class. Stateless: every
 * test's state is in its {@link ExtensionContext.Store} ({@link TestState}).
 *
 * <p>Public for {@code BrigadeExtension}, which calls it at each extension point.
 */
@API(status = INTERNAL, since = "0.1.0")
public final class ExtensionPoints {

    private ExtensionPoints() {
    }

    /** Skips measured tests when {@code brigade.enabled} is false. */
    public static ConditionEvaluationResult condition(ExtensionContext context) {
        if (!MethodPlan.isMeasured(context)) {
            return ConditionEvaluationResult.enabled("not a measured test");
        }
        if (!Settings.enabledOrUnreadable(context)) {
            return ConditionEvaluationResult.disabled(Constants.ENABLED_PROPERTY_NAME
                    + " = false: measured tests are skipped");
        }
        return ConditionEvaluationResult.enabled(Constants.ENABLED_PROPERTY_NAME + " = true");
    }

    /** Whether the method is a {@code @Brigade} or {@code @Spawn} test. */
    public static boolean isTemplate(ExtensionContext context) {
        return context.getTestMethod().map(m -> AnnotationSupport.isAnnotated(m, Brigade.class)
                || AnnotationSupport.isAnnotated(m, Spawn.class)).orElse(false);
    }

    /** One invocation per kind; the annotations and configuration are checked first. */
    public static Stream<TestTemplateInvocationContext> invocations(ExtensionContext context) {
        MethodPlan plan = TestState.plan(context);
        Configuration configuration = Configuration.of(context);
        Optional<String> childKind = configuration.forkChildKind().or(configuration::baseKind);
        return plan.template().kinds().stream().filter(kind -> childKind.map(kind.name()::equals).orElse(true))
                .map(kind -> new TemplateInvocation(plan.template(), kind));
    }

    /**
     * Checks the annotations and configuration of a measured test before it, or its parameters, run, and decides how
     * the invocation runs ({@link InvocationMode}), opening the base build it runs beside, if any.
     */
    public static void beforeEach(ExtensionContext context) {
        if (MethodPlan.isMeasured(context)) {
            TestState.mode(context);
        }
    }

    /**
     * Whether this extension resolves the parameter: a {@code BrigadeFixture}, {@code SpawnFixture} or
     * {@code CostMeter}, except the fixture a template invocation resolves itself.
     */
    public static boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (!MethodPlan.FIXTURES.contains(type)) {
            return false;
        }
        if (isTemplate(context)) {
            return type != TemplateInvocation.fixtureType(TestState.plan(context).template());
        }
        return true;
    }

    /** A fixture with the defaults (times scaled), reporting to the invocation. */
    public static Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (context.getTestMethod().isEmpty()) {
            throw new ParameterResolutionException("Brigade injects " + type.getSimpleName()
                    + " into test methods (and @BeforeEach methods), not into " + parameter.getDeclaringExecutable()
                    + ": take it as a parameter of the test method, or create one with " + type.getSimpleName()
                    + ".create()");
        }
        return Fixtures.plain(type, context);
    }

    /**
     * Runs a measured invocation in its mode, decided once ({@link InvocationMode}), then decides its verdicts in
     * one step ({@link InvocationVerdicts}); any other invocation just proceeds.
     */
    public static void intercept(InvocationInterceptor.Invocation<Void> invocation, ExtensionContext context)
            throws Throwable {
        if (!MethodPlan.isMeasured(context.getRequiredTestMethod())) {
            invocation.proceed();
            return;
        }
        MethodPlan plan = TestState.plan(context);
        InvocationMode mode = TestState.mode(context);
        CurrentInvocation current = new CurrentInvocation(context, plan, TestState.results(context));
        try (AutoCloseable entered = mode.enter(current)) {
            InvocationVerdicts.decide(current, mode.run(invocation, current));
        }
    }
}
