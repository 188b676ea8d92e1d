package grade.testjvm.seal;

import grade.protocol.Message;
import grade.protocol.TestId;
import grade.testjvm.Runner;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Turns JUnit's events for one exercise into signed results. Whether a test passed is JUnit's
 * own verdict; the words come from the runner's {@link Runner}. Events that do not come from the
 * thread that runs the tests are not JUnit's and are ignored.
 */
final class Listener implements TestExecutionListener {
    private final Link link;
    private final String exercise;
    private final Runner runner;
    private final Map<String, Long> started = new ConcurrentHashMap<>();
    private final Set<String> reported = new HashSet<>();
    private Thread engine;
    private TestPlan plan;

    Listener(Link link, String exercise, Runner runner) {
        this.link = link;
        this.exercise = exercise;
        this.runner = runner;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
        engine = Thread.currentThread();
    }

    @Override
    public void executionStarted(TestIdentifier id) {
        if (id.isTest() && fromEngine()) {
            runner.testStarted();
            started.put(id.getUniqueId(), System.nanoTime());
        }
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        if (id.isTest() && fromEngine()) {
            send(id, "notrun", reason, "", 0, false);
        } else if (fromEngine() && id.getSource().orElse(null) instanceof ClassSource) {
            plan.getDescendants(id).stream().filter(TestIdentifier::isTest)
                    .forEach(t -> send(t, "notrun", reason, "", 0, false));
        }
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (!fromEngine()) {
            return;
        }
        if (!id.isTest()) {
            if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL && id.getSource().orElse(null) instanceof ClassSource) {
                // the class could not set its tests up: each of its tests not yet reported fails with its words
                String why = result.getThrowable().map(runner::describe).map(Runner.Verdict::message).orElse("the test class failed");
                String output = runner.output();
                plan.getDescendants(id).stream().filter(TestIdentifier::isTest)
                        .forEach(t -> send(t, "error", why, output, 0, false));
            }
            return;
        }
        long millis = (System.nanoTime() - started.getOrDefault(id.getUniqueId(), System.nanoTime())) / 1_000_000;
        Runner.Verdict v = switch (result.getStatus()) {
            case SUCCESSFUL -> new Runner.Verdict("pass", "", false);
            case ABORTED -> new Runner.Verdict("notrun", result.getThrowable().map(runner::describe)
                    .map(Runner.Verdict::message).orElse("aborted"), false);
            case FAILED -> result.getThrowable().map(runner::describe).orElse(new Runner.Verdict("fail", "the test failed", false));
        };
        runner.testFinished(id.getDisplayName(), v);
        send(id, v.status(), v.message(), runner.output(), millis, v.hung());
    }

    private boolean fromEngine() {
        return engine == null || Thread.currentThread() == engine;
    }

    private void send(TestIdentifier id, String status, String message, String output, long millis, boolean hung) {
        if (!(id.getSource().orElse(null) instanceof MethodSource m) || !reported.add(id.getUniqueId())) {
            return;
        }
        link.send(new Message.Result(exercise, TestId.of(m.getClassName(), m.getMethodName(), m.getMethodParameterTypes()),
                status, message, output, millis, hung));
    }
}
