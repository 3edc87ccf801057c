package dev.brigade.junit;

import dev.brigade.junit.internal.lifecycle.ExtensionPoints;
import java.lang.reflect.Method;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

/**
 * The JUnit Jupiter extension behind {@link Brigade}, {@link Spawn} and {@link Budget}: it runs one invocation per
 * kind, injects preconfigured fixtures, runs measured tests one at a time, publishes every result as a report entry
 * and checks budgets.
 *
 * <p>The annotations register it themselves. Register it with {@code @ExtendWith(BrigadeExtension.class)} on a class
 * (or method) whose plain {@code @Test} methods take a {@code BrigadeFixture}, {@code SpawnFixture} or
 * {@code CostMeter} parameter: each gets the fixture's defaults, with warm-up and measurement times multiplied by
 * {@value Constants#SCALE_PROPERTY_NAME}, and reports its results like a {@code @Brigade} test.
 *
 * <pre>{@code
 * @ExtendWith(BrigadeExtension.class)
 * class PipelineTest {
 *     @Test
 *     void virtualBeatsPlatform(BrigadeFixture brigade) {
 *         BrigadeResult v = brigade.kind(VIRTUAL).run(), p = brigade.kind(PLATFORM).run();
 *         assertThat(v).isFasterThan(p).byAtLeast(1.5);
 *     }
 * }
 * }</pre>
 *
 * <p>Stateless and thread-safe: the state of each test lives in its {@code ExtensionContext.Store}.
 */
public final class BrigadeExtension implements TestTemplateInvocationContextProvider, ParameterResolver,
        BeforeEachCallback, InvocationInterceptor, ExecutionCondition {

    /** Created by JUnit. */
    public BrigadeExtension() {
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return ExtensionPoints.condition(context);
    }

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return ExtensionPoints.isTemplate(context);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        return ExtensionPoints.invocations(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        ExtensionPoints.beforeEach(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return ExtensionPoints.supportsParameter(parameter, context);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return ExtensionPoints.resolveParameter(parameter, context);
    }

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
                                    ExtensionContext context) throws Throwable {
        ExtensionPoints.intercept(invocation, context);
    }

    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation,
                                            ReflectiveInvocationContext<Method> invocationContext,
                                            ExtensionContext context) throws Throwable {
        ExtensionPoints.intercept(invocation, context);
    }
}
