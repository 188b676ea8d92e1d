package grade.testjvm;

import grade.kit.Deadlines;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * How much time each test of an exercise gets. A test runs (with its set-up and tear-down) on a
 * thread of its own and is stopped after the exercise's timeout. Once learner code has hung in a
 * test of the exercise (the test ran out of time, or a wait of the kit ran out and the test
 * failed), each later test gets {@link #SHORT}, and those that would start more than
 * {@link #AFTER_HANG} after the hang are not run: so a stuck program costs seconds, not a timeout
 * per test, and the verdict says which test it hung in. With fail-fast ({@code grade verify}), the
 * tests after the first failure are not run. The runner registers this extension; Jupiter finds it
 * through the service loader.
 */
public final class Budget implements ExecutionCondition, InvocationInterceptor {
    /** The time of each test after learner code hung in an earlier one. */
    public static final Duration SHORT = Duration.ofSeconds(1);
    /** How long after a hang later tests may still start. */
    public static final Duration AFTER_HANG = Duration.ofSeconds(5);

    private static volatile Duration timeout = Duration.ofSeconds(10);
    private static volatile boolean failFast;
    private static volatile boolean failed;
    private static volatile long hungAt;
    private static volatile String hungIn;
    private static volatile Duration current = timeout;

    /** An exercise begins: nothing has failed or hung yet. */
    static void beginExercise(int timeoutSeconds, boolean stopAtFirstFailure) {
        timeout = Duration.ofSeconds(timeoutSeconds);
        failFast = stopAtFirstFailure;
        failed = false;
        hungAt = 0;
        hungIn = null;
    }

    /** A test of the exercise ended: {@code hung} when learner code did not finish or answer in time. */
    static void finished(boolean testFailed, boolean hung, String name) {
        failed |= testFailed;
        if (hung && hungAt == 0) {
            hungAt = System.nanoTime();
            hungIn = name;
        }
    }

    /** Whether learner code hung in a test of the current exercise. */
    static boolean hung() {
        return hungAt != 0;
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (context.getTestMethod().isEmpty()) {
            return ConditionEvaluationResult.enabled("");
        }
        if (failFast && failed) {
            return ConditionEvaluationResult.disabled(Describe.notRunAfterFailure());
        }
        if (hungAt != 0 && System.nanoTime() - hungAt > AFTER_HANG.toNanos()) {
            return ConditionEvaluationResult.disabled(Describe.notRunAfterHang(hungIn, AFTER_HANG));
        }
        current = hungAt != 0 && SHORT.compareTo(timeout) < 0 ? SHORT : timeout;
        Deadlines.begin(current);
        return ConditionEvaluationResult.enabled("");
    }

    @Override
    public void interceptBeforeEachMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
                                          ExtensionContext context) throws Throwable {
        within(invocation);
    }

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
                                    ExtensionContext context) throws Throwable {
        within(invocation);
    }

    @Override
    public void interceptAfterEachMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
                                         ExtensionContext context) throws Throwable {
        within(invocation);
    }

    /** Runs one step of a test on a thread of its own; past the test's time, stops waiting for it. */
    private static void within(Invocation<Void> invocation) throws Throwable {
        Duration budget = current;
        FutureTask<Void> step = new FutureTask<>(() -> {
            try {
                return invocation.proceed();
            } catch (Throwable thrown) {
                throw new Carried(thrown);
            }
        });
        Thread t = new Thread(step, "test");
        t.setDaemon(true);
        t.start();
        try {
            step.get(budget.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Carried c ? c.getCause() : e.getCause();
        } catch (TimeoutException e) {
            t.interrupt();
            throw new OutOfTime(budget, budget != timeout);
        } catch (InterruptedException e) {
            t.interrupt();
            throw new AssertionError("the test's thread was interrupted while it waited for your code");
        }
    }

    /** What a step threw, carried across the thread it ran on. */
    private static final class Carried extends Exception {
        private static final long serialVersionUID = 1L;

        Carried(Throwable thrown) {
            super(thrown);
        }
    }

    /** A test stopped at the end of its time. */
    static final class OutOfTime extends TimeoutException {
        private static final long serialVersionUID = 1L;
        final Duration budget;
        final boolean shortened;

        OutOfTime(Duration budget, boolean shortened) {
            super("the test did not finish within " + budget.toSeconds() + " s");
            this.budget = budget;
            this.shortened = shortened;
        }
    }
}
