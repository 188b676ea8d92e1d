package grade.testjvm;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips an exercise's remaining tests once one of them has failed, when the run asks for it
 * ({@code -Dgrade.failfast=true}). {@code grade verify} needs only one failure to prove that a
 * starter or a known-wrong solution fails; without this, a solution that hangs would make every
 * later test wait for its timeout too. Skipped tests are not reported.
 */
public final class FailFast implements ExecutionCondition {
    private static final boolean ENABLED = Boolean.getBoolean("grade.failfast");
    private static volatile boolean failed;

    /** A new exercise begins: nothing has failed yet. */
    static void reset() {
        failed = false;
    }

    /** A test of the current exercise failed. */
    static void failed() {
        failed = true;
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (ENABLED && failed && context.getTestMethod().isPresent()) {
            return ConditionEvaluationResult.disabled("an earlier test of this exercise failed");
        }
        return ConditionEvaluationResult.enabled("");
    }
}
