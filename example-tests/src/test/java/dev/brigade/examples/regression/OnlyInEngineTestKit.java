package dev.brigade.examples.regression;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Marks a test class that another test runs through {@code EngineTestKit}: it runs only when the configuration
 * parameter {@value #PARAMETER} is set, and is skipped when an IDE or a build discovers it on its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(OnlyInEngineTestKit.Condition.class)
@interface OnlyInEngineTestKit {

    /** The configuration parameter that lets the marked classes run. */
    String PARAMETER = "brigade.examples.inEngineTestKit";

    /** Enables the marked classes only when {@link #PARAMETER} is set. */
    final class Condition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return context.getConfigurationParameter(PARAMETER).isPresent()
                    ? ConditionEvaluationResult.enabled("run by EngineTestKit")
                    : ConditionEvaluationResult.disabled(
                            "a test case that RegressionDemoTest runs through EngineTestKit");
        }
    }
}
