package grade.run;

import grade.compile.CompileResult;
import grade.compile.Compiler;
import grade.course.Exercise;
import grade.report.ExerciseResult;
import grade.report.GradeReport;
import grade.report.TestResult;
import grade.workspace.Sources;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One grade, in one direction: compile each exercise on its own (one that does not compile does
 * not stop the others), run the hidden tests of those that compiled in one test JVM, and gather
 * one report.
 */
public final class Grading {
    private final Compiler compiler;

    public Grading(Compiler compiler) {
        this.compiler = compiler;
    }

    public GradeReport grade(List<Exercise> exercises, Sources sources) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Map<String, ExerciseResult> done = new LinkedHashMap<>();
        List<TestRun.Unit> units = new ArrayList<>();
        for (Exercise e : exercises) {
            CompileResult c = compiler.compile(e.id(), sources.root(e), e.files());
            if (c.ok()) {
                units.add(new TestRun.Unit(e.id(), c.classes(), e.tests(), e.timeoutSeconds()));
                done.put(e.id(), null);
            } else {
                done.put(e.id(), ExerciseResult.error(e, (grade.course.Lang.current() == grade.course.Lang.ZH ? "没有编译通过：\n" : "did not compile:\n")
                        + String.join("\n", c.errors())));
            }
        }
        if (!units.isEmpty()) {
            TestRun.Outcome outcome = new TestRun(sources.workspace()).run(units, deadline(exercises));
            for (Exercise e : exercises) {
                if (done.get(e.id()) == null) {
                    List<TestResult> tests = outcome.results().getOrDefault(e.id(), List.of());
                    long ms = tests.stream().mapToLong(TestResult::millis).sum();
                    done.put(e.id(), ExerciseResult.of(e, tests, ms));
                }
            }
        }
        return new GradeReport(sources.label(), List.copyOf(done.values()), (System.nanoTime() - start) / 1_000_000);
    }

    /** The run's deadline: generous enough for every test to hit its own timeout a few times. */
    static int deadline(List<Exercise> exercises) {
        return 60 + exercises.stream().mapToInt(e -> 3 * e.timeoutSeconds()).sum();
    }
}
