package dev.brigade.junit.internal.config;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.brigade.fixture.BrigadeFixture;
import dev.brigade.fixture.CostMeter;
import dev.brigade.fixture.SpawnFixture;
import dev.brigade.junit.Brigade;
import dev.brigade.junit.Budget;
import dev.brigade.junit.Spawn;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * What Brigade makes of one test method: its template (from {@link Brigade} or {@link Spawn}), its budgets and the
 * configuration, every value checked before anything runs.
 *
 * <p>Public for every room that acts on a test: {@code lifecycle}, {@code invocation}, {@code base}, {@code fork},
 * {@code verdict} and {@code report}.
 *
 * @param where    {@code method [X#y]}, for messages
 * @param template the template, or null for a plain test
 * @param budgets  the budgets, in the order written
 * @param settings the configuration parameters
 * @param baseline the method's (or its class's) {@code @Baseline}, if any
 * @param fork     the method's (or its class's) {@code @Fork}, if any
 * @param base     the method's {@code @AgainstBase} with its configuration, if any: read here once, for the base
 *                 build's runs and the comparisons with it
 */
@API(status = INTERNAL, since = "0.1.0")
public record MethodPlan(String where, TemplateSpec template, List<BudgetSpec> budgets, Settings settings,
                  Optional<BaselineSpec> baseline, Optional<ForkSpec> fork, Optional<BaseSpec> base) {

    /** The fixture types the extension injects. */
    public static final Set<Class<?>> FIXTURES = Set.of(BrigadeFixture.class, SpawnFixture.class, CostMeter.class);

    /**
     * Whether Brigade measures in this method: it is a {@code @Brigade} or {@code @Spawn} test, has a
     * {@code @Budget}, or takes a fixture parameter.
     */
    public static boolean isMeasured(Method method) {
        if (AnnotationSupport.isAnnotated(method, Brigade.class) || AnnotationSupport.isAnnotated(method, Spawn.class)
                || !AnnotationSupport.findRepeatableAnnotations(method, Budget.class).isEmpty()
                || AnnotationSupport.isAnnotated(method, dev.brigade.junit.Fork.class)
                || AnnotationSupport.isAnnotated(method.getDeclaringClass(), dev.brigade.junit.Fork.class)) {
            return true;
        }
        for (Parameter p : method.getParameters()) {
            if (FIXTURES.contains(p.getType())) {
                return true;
            }
        }
        return false;
    }

    /** Whether the context is of a measured method (false for a class). */
    public static boolean isMeasured(ExtensionContext context) {
        return context.getTestMethod().map(MethodPlan::isMeasured).orElse(false);
    }

    /**
     * Reads and checks the method's annotations and the configuration.
     *
     * @throws org.junit.jupiter.api.extension.ExtensionConfigurationException {@code Configuration error: ...}
     */
    public static MethodPlan of(ExtensionContext context) {
        Method method = context.getRequiredTestMethod();
        String where = ConfigurationErrors.where(context);
        Optional<Brigade> brigade = AnnotationSupport.findAnnotation(method, Brigade.class);
        Optional<Spawn> spawn = AnnotationSupport.findAnnotation(method, Spawn.class);
        if (brigade.isPresent() && spawn.isPresent()) {
            throw ConfigurationErrors.error("@Brigade and @Spawn", where,
                    "a test method is either a brigade test or a spawn test; write two methods");
        }
        TemplateSpec template = null;
        if (brigade.isPresent()) {
            template = TemplateSpec.of(brigade.get(), where);
        } else if (spawn.isPresent()) {
            template = TemplateSpec.of(spawn.get(), where);
        }
        if (template != null && AnnotationSupport.isAnnotated(method, Test.class)) {
            throw ConfigurationErrors.error(template.annotation() + " and @Test", where, template.annotation()
                    + " makes the method a test (one per kind) by itself: remove @Test");
        }
        List<BudgetSpec> budgets = new ArrayList<>();
        for (Budget b : AnnotationSupport.findRepeatableAnnotations(method, Budget.class)) {
            BudgetSpec budget = BudgetSpec.of(b, where);
            if (template != null) {
                budget.checkFits(template, where);
            }
            budgets.add(budget);
        }
        if (template == null && !budgets.isEmpty()
                && Arrays.stream(method.getParameterTypes()).noneMatch(FIXTURES::contains)) {
            throw ConfigurationErrors.error(budgets.get(0).text(), where, "the method is not a @Brigade or @Spawn"
                    + " test and takes no BrigadeFixture, SpawnFixture or CostMeter parameter, so no result can reach"
                    + " the budget: take the fixture as a parameter, or use @Brigade or @Spawn");
        }
        Settings settings = Settings.read(context, where);
        Optional<BaselineSpec> baseline = BaselineSpec.of(method, context.getRequiredTestClass(), settings, where);
        Optional<ForkSpec> fork = ForkSpec.of(method, context.getRequiredTestClass(), where);
        return new MethodPlan(where, template, List.copyOf(budgets), settings, baseline, fork, BaseSpec.of(context));
    }
}
