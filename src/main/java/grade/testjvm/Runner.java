package grade.testjvm;

import grade.kit.Deadlines;
import grade.kit.LearnerProgram;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What the test JVM's sealed runner asks of the rest of the test JVM: the words for a failure,
 * the output learner code printed during a test, the budget of the next test, and clearing up
 * after each test (every learner program a test left running is ended). None of it decides
 * whether a test passed.
 */
public final class Runner {
    private final OutputCapture capture;
    private Set<String> learnerClasses = Set.of();

    /**
     * A test's outcome in words.
     *
     * @param status {@code pass}, {@code fail}, {@code error} or {@code notrun}
     * @param hung   learner code did not finish or answer in time
     */
    public record Verdict(String status, String message, boolean hung) {
    }

    /** Bytes of learner output kept per test. */
    static final int OUTPUT_CAP = 64 * 1024;

    private Runner(OutputCapture capture) {
        this.capture = capture;
    }

    /**
     * Captures what learner code prints (System.out and System.err) from now on; past the run's
     * output limit, {@code onLimit} runs once with the limit's name.
     */
    public static Runner install(java.util.function.Consumer<String> onLimit) {
        OutputCapture capture = new OutputCapture(OUTPUT_CAP, Long.getLong(grade.kit.RunProperties.OUTPUT_BYTES, Long.MAX_VALUE),
                () -> onLimit.accept("OUTPUT"));
        java.io.PrintStream captured = new java.io.PrintStream(capture, true, java.nio.charset.StandardCharsets.UTF_8);
        System.setOut(captured);
        System.setErr(captured);
        return new Runner(capture);
    }

    /** An exercise begins; the learner's classes are in place by now. */
    public void beginExercise(int timeoutSeconds, boolean failFast) throws IOException {
        learnerClasses = learnerClasses();
        Budget.beginExercise(timeoutSeconds, failFast);
    }

    /** Whether learner code hung in the current exercise (its threads may still be busy). */
    public boolean hung() {
        return Budget.hung();
    }

    /** A test begins: what was printed before it is not its output. */
    public void testStarted() {
        capture.take();
    }

    /** A test ended: the learner programs it left are ended, and the exercise's budget hears of it. */
    public void testFinished(String name, Verdict v) {
        LearnerProgram.destroyAll();
        Budget.finished(v.status().equals("fail") || v.status().equals("error"), v.hung(), name);
    }

    /** What learner code printed since the test began, capped. */
    public String output() {
        return capture.take();
    }

    /** A failure in the learner's words; hung when the test ran out of time or a wait of the kit ran out. */
    public Verdict describe(Throwable t) {
        Describe.Verdict v = Describe.failure(t, learnerClasses);
        return new Verdict(v.status(), v.message(), t instanceof Budget.OutOfTime || Deadlines.ranOut());
    }

    /** Binary names of the learner's top-level classes, to pick their frames out of a stack trace. */
    private static Set<String> learnerClasses() throws IOException {
        Set<String> names = new HashSet<>();
        for (String entry : System.getProperty(grade.kit.RunProperties.LEARNER_CLASSPATH, "").split(java.io.File.pathSeparator)) {
            Path root = Path.of(entry);
            if (entry.isBlank() || !Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(p -> p.toString().endsWith(".class")).forEach(p -> {
                    String rel = root.relativize(p).toString().replace(java.io.File.separatorChar, '.');
                    String name = rel.substring(0, rel.length() - ".class".length());
                    names.add(name.contains("$") ? name.substring(0, name.indexOf('$')) : name);
                });
            }
        }
        return names;
    }
}
