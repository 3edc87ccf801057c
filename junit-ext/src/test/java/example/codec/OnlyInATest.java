package example.codec;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Lets the test cases of this package run only when a test runs them (EngineTestKit, or the base side of an
 * {@code @AgainstBase} case), not in the build's own run of the test classes.
 */
public final class OnlyInATest implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return context.getConfigurationParameter("brigade.test.inTestKit").isPresent()
                || context.getConfigurationParameter("brigade.base.pairing").isPresent()
                ? ConditionEvaluationResult.enabled("run by a test")
                : ConditionEvaluationResult.disabled("a test case; AgainstBaseTest runs it");
    }
}
