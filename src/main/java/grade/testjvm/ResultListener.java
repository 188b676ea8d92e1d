package grade.testjvm;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import java.io.BufferedWriter;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Writes each finished test as one JSON line: class, name, status, message, output, millis, and
 * the test's weight, visibility and until (from {@link Marks}).
 */
final class ResultListener implements TestExecutionListener {
    private final BufferedWriter out;
    private final Gson gson;
    private final OutputCapture capture;
    private final Set<String> learnerClasses;
    private final long timeoutSeconds;
    private final Map<String, Long> started = new ConcurrentHashMap<>();
    private TestPlan plan;

    ResultListener(BufferedWriter out, Gson gson, OutputCapture capture, Set<String> learnerClasses, long timeoutSeconds) {
        this.out = out;
        this.gson = gson;
        this.capture = capture;
        this.learnerClasses = learnerClasses;
        this.timeoutSeconds = timeoutSeconds;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        this.plan = testPlan;
    }

    @Override
    public void executionStarted(TestIdentifier id) {
        if (id.isTest()) {
            capture.take();
            started.put(id.getUniqueId(), System.nanoTime());
        }
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        if (id.isTest()) {
            write(className(id), name(id), "skipped", reason, "", 0, Marks.PLAIN);
        }
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (!id.isTest()) {
            if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL && id.getSource().orElse(null) instanceof ClassSource cs) {
                Throwable t = result.getThrowable().orElse(null);
                String why = t == null ? "the test class failed" : Describe.failure(t, learnerClasses, timeoutSeconds).message();
                classError(cs.getClassName(), why);
            }
            return;
        }
        grade.kit.LearnerProgram.destroyAll();
        long nanos = System.nanoTime() - started.getOrDefault(id.getUniqueId(), System.nanoTime());
        String output = capture.take();
        Marks marks;
        try {
            marks = Marks.of(method(id));
        } catch (Marks.Mistake m) {
            write(className(id), name(id), "error", m.getMessage(), output, nanos / 1_000_000, Marks.PLAIN);
            return;
        }
        switch (result.getStatus()) {
            case SUCCESSFUL -> write(className(id), name(id), "pass", "", output, nanos / 1_000_000, marks);
            case ABORTED -> write(className(id), name(id), "skipped",
                    result.getThrowable().map(Describe::safeMessage).orElse("aborted"), output, nanos / 1_000_000, marks);
            case FAILED -> {
                Describe.Verdict v = result.getThrowable()
                        .map(t -> Describe.failure(t, learnerClasses, timeoutSeconds))
                        .orElse(new Describe.Verdict("fail", "the test failed"));
                write(className(id), name(id), v.status(), v.message(), output, nanos / 1_000_000, marks);
            }
        }
    }

    /** The test method behind {@code id}: its own, or its parent's for an invocation of a parameterized or dynamic test. */
    private Method method(TestIdentifier id) {
        for (TestIdentifier cur = id; cur != null; cur = plan == null ? null : plan.getParent(cur).orElse(null)) {
            if (cur.getSource().orElse(null) instanceof MethodSource ms) {
                try {
                    return ms.getJavaMethod();
                } catch (RuntimeException e) {
                    return null; // not loadable here: counts as a plain test
                }
            }
        }
        return null;
    }

    /** A whole test class could not run (its setup failed, or it is missing). */
    void classError(String className, String message) {
        Marks marks = Marks.PLAIN;
        try {
            marks = Marks.of(Class.forName(className, false, Thread.currentThread().getContextClassLoader()));
        } catch (ClassNotFoundException | LinkageError | Marks.Mistake e) {
            // a class that cannot be loaded or is mis-marked: its error is shown as it is
        }
        write(className, "(setting up the tests)", "error", message, capture.take(), 0, marks);
    }

    private String name(TestIdentifier id) {
        Optional<TestIdentifier> parent = plan == null ? Optional.empty() : plan.getParent(id);
        if (parent.isPresent() && !(parent.get().getSource().orElse(null) instanceof ClassSource)) {
            return parent.get().getDisplayName() + " " + id.getDisplayName();
        }
        return id.getDisplayName();
    }

    private String className(TestIdentifier id) {
        TestIdentifier cur = id;
        while (cur != null) {
            TestSource source = cur.getSource().orElse(null);
            if (source instanceof MethodSource ms) {
                return ms.getClassName();
            }
            if (source instanceof ClassSource cs) {
                return cs.getClassName();
            }
            cur = plan == null ? null : plan.getParent(cur).orElse(null);
        }
        return "";
    }

    private void write(String className, String name, String status, String message, String output, long millis, Marks marks) {
        if (status.equals("fail") || status.equals("error")) {
            FailFast.failed();
        }
        JsonObject o = new JsonObject();
        o.addProperty("class", className);
        o.addProperty("name", name);
        o.addProperty("status", status);
        o.addProperty("message", message);
        o.addProperty("output", output);
        o.addProperty("millis", millis);
        o.addProperty("weight", marks.weight());
        o.addProperty("visibility", marks.visibility());
        if (!marks.until().isEmpty()) {
            o.addProperty("until", marks.until());
        }
        TestMain.writeLine(out, gson.toJson(o));
    }
}
