package dev.brigade.junit.internal.lifecycle;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.brigade.fixture.TaskKind;
import dev.brigade.junit.Brigade;
import dev.brigade.junit.Constants;
import dev.brigade.junit.Spawn;
import dev.brigade.junit.internal.base.BaseRuns;
import dev.brigade.junit.internal.config.Configuration;
import dev.brigade.junit.internal.config.ForkSpec;
import dev.brigade.junit.internal.config.MethodPlan;
import dev.brigade.junit.internal.config.Settings;
import dev.brigade.junit.internal.fork.ForkChild;
import dev.brigade.junit.internal.fork.ForkRunner;
import dev.brigade.junit.internal.report.ReportEntries;
import dev.brigade.junit.internal.report.RunReport;
import dev.brigade.junit.internal.verdict.BaseCheck;
import dev.brigade.junit.internal.verdict.BaselineCheck;
import dev.brigade.junit.internal.verdict.BudgetCheck;
import dev.brigade.junit.internal.verdict.BudgetVerdict;
import java.util.List;
import java.lang.reflect.Method;
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
 */
@API(status = INTERNAL, since = "0.1.0")
public final class Measurements {

    private Measurements() {
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

    /** Checks the annotations and configuration of a measured test before it, or its parameters, run. */
    public static void beforeEach(ExtensionContext context) {
        MethodPlan plan = MethodPlan.isMeasured(context) ? TestState.plan(context) : null;
        // a test that forks runs both sides of @AgainstBase in its child, not here
        if (plan != null && !forks(plan, context)) {
            BaseRuns.beforeEach(context, plan.settings().timeout());
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
     * Runs the invocation in its forks, one after another, adding their results: the failure of the first that
     * failed (the others are not started), or null.
     */
    private static Throwable runForks(CurrentInvocation current) {
        ExtensionContext context = current.context();
        MethodPlan plan = current.plan();
        InvocationResults results = current.results();
        ForkSpec spec = plan.fork().orElseThrow();
        TaskKind kind = TestState.kind(context);
        for (int run = 1; run <= spec.runs(); run++) {
            ForkRunner.Outcome outcome;
            try {
                outcome = ForkRunner.run(context, plan, spec, kind == null ? "-" : kind.name(), run);
            } catch (RuntimeException | Error e) {
                notStarted(context, spec, run);
                throw e;
            }
            int numbered = spec.runs() == 1 ? 0 : run;
            for (int i = 0; i < outcome.results().size(); i++) {
                results.addForked(outcome.results().get(i), numbered);
                current.compared(outcome.results().get(i), outcome.comparisons().get(i));
                current.comparedWithBase(outcome.results().get(i), outcome.base().get(i));
                BaseRuns.explainedInFork(context, outcome.results().get(i), outcome.explained().get(i));
            }
            outcome.entries().forEach(context::publishReportEntry);
            outcome.deferred().forEach(current::defer);
            if (outcome.failure() != null) {
                notStarted(context, spec, run);
                return outcome.failure();
            }
        }
        return null;
    }

    /**
     * Whether this invocation runs in forks: it has {@code @Fork}, forks are enabled, and this is neither a fork nor
     * the base side of an {@code @AgainstBase} test (which runs where its current side runs).
     */
    private static boolean forks(MethodPlan plan, ExtensionContext context) {
        return plan.fork().isPresent() && ForkChild.kind(context).isEmpty() && !Configuration.of(context).baseSide()
                && plan.settings().forkEnabled();
    }

    /** Says in a report entry which runs were not started after run {@code failed} failed. */
    private static void notStarted(ExtensionContext context, ForkSpec spec, int failed) {
        if (failed < spec.runs()) {
            context.publishReportEntry(Constants.REPORT_ENTRY_PREFIX + "fork", "run " + failed + " of " + spec.runs()
                    + " failed: " + (failed + 1 == spec.runs() ? "run " + spec.runs() + " was"
                    : "runs " + (failed + 1) + " to " + spec.runs() + " were") + " not started");
        }
    }

    /**
     * Runs a measured invocation alone (under {@link MeasurementLock}), then publishes its results as report
     * entries and checks its budgets; any other invocation just proceeds.
     */
    public static void intercept(InvocationInterceptor.Invocation<Void> invocation, ExtensionContext context)
            throws Throwable {
        Method method = context.getRequiredTestMethod();
        if (!MethodPlan.isMeasured(method)) {
            invocation.proceed();
            return;
        }
        MethodPlan plan = TestState.plan(context);
        if (Configuration.of(context).baseSide()) {
            // the base build's copy of an @AgainstBase test: its current side holds the measurement lock, reports
            // and checks; this side only measures, paired with it
            invocation.proceed();
            return;
        }
        InvocationResults results = TestState.results(context);
        CurrentInvocation current = new CurrentInvocation(context, plan, results);
        try (AutoCloseable entered = current.enter()) {
            Throwable failure = null;
            boolean fork = forks(plan, context);
            if (plan.fork().isPresent() && ForkChild.kind(context).isEmpty() && !plan.settings().forkEnabled()) {
                int runs = plan.fork().get().runs();
                context.publishReportEntry(Constants.REPORT_ENTRY_PREFIX + "fork", Constants.FORK_ENABLED_PROPERTY_NAME
                        + " = false: ran in the test's own JVM, not in a fork"
                        + (runs == 1 ? "" : " (once, not in " + runs + " forks)"));
            }
            MeasurementLock.lock();
            try {
                if (fork) {
                    invocation.skip();
                    failure = runForks(current);
                } else if (BaseRuns.hasBase(context)) {
                    failure = BaseRuns.runBeside(invocation, context, TestState.kind(context),
                            plan.settings().reportDir());
                } else {
                    invocation.proceed();
                }
            } catch (Throwable t) {
                failure = t;
            } finally {
                MeasurementLock.unlock();
            }
            if (ForkChild.kind(context).isPresent()) {
                BaseCheck.pair(current, results.collected());
                ForkChild.keep(current, BaseCheck.explanations(current, results.collected()));
                if (failure != null) {
                    throw failure;
                }
                return;
            }
            InvocationResults.Collected collected = results.collected();
            ReportEntries.publish(context, collected);
            if (failure != null) {
                RunReport.record(current, collected,
                        BudgetCheck.decide(plan, collected, TestState.kind(context), false));
                throw failure;
            }
            AssertionError baselineFailure = BaselineCheck.check(plan, collected);
            AssertionError baseFailure = BaseCheck.check(current, collected);
            if (baseFailure != null) {
                if (baselineFailure != null) {
                    baseFailure.addSuppressed(baselineFailure);
                }
                baselineFailure = baseFailure;
            }
            List<BudgetVerdict> budgets;
            try {
                budgets = BudgetCheck.decide(plan, collected, TestState.kind(context), true);
            } catch (RuntimeException configurationError) {
                RunReport.record(current, collected, List.of());
                throw configurationError;
            }
            RunReport.record(current, collected, budgets);
            AssertionError budgetFailure = BudgetCheck.failure(plan, budgets);
            if (budgetFailure != null) {
                if (baselineFailure != null) {
                    budgetFailure.addSuppressed(baselineFailure);
                }
                throw budgetFailure;
            }
            if (baselineFailure != null) {
                throw baselineFailure;
            }
        }
    }
}
