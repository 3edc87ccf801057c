package example.codec;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Lets the test cases of this package run only when a test runs them (EngineTestKit, the base side of an
 * {@code @AgainstBase} case, or a fork's child), not in the build's own run of the test classes.
 */
public final class OnlyInATest implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return context.getConfigurationParameter("brigade.test.inTestKit").isPresent()
                || context.getConfigurationParameter("brigade.base.pairing").isPresent()
                || context.getConfigurationParameter("brigade.fork.child").isPresent()
                ? ConditionEvaluationResult.enabled("run by a test")
                : ConditionEvaluationResult.disabled("a test case; AgainstBaseTest runs it");
    }
}
