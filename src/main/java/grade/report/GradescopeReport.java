package grade.report;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import grade.course.Lang;
import java.time.LocalDate;
import java.util.List;

/**
 * Gradescope's autograder {@code results.json}: score, max_score, execution_time, output and
 * tests[] with name, number, score, max_score, status, output and visibility. Each test's score
 * is its share of its exercise's points (see {@link Scoring}); the top-level score, which
 * Gradescope takes over the sum of the tests, is the grade's own.
 *
 * <p>Gradescope enforces visibility itself, and instructors always see every test there, so
 * hidden tests are mapped onto its rules rather than redacted here:
 * <ul>
 * <li>visible, or hidden until a day that is over: {@code "visible"};
 * <li>hidden until a day not over yet: {@code "after_due_date"} (shown in full once the
 *     assignment's due date on Gradescope has passed);
 * <li>always hidden: the learner sees it as in the terminal, a {@code "visible"} entry named
 *     "hidden test N" with its status and points and no detail; its name, message and output go
 *     into a twin entry of 0 points with {@code "hidden"}, which only instructors see (Gradescope
 *     means {@code "hidden"} for tests that carry no points: a hidden test with points would hide
 *     the learner's total).
 * </ul>
 */
public final class GradescopeReport {
    private GradescopeReport() {
    }

    public static String write(GradeReport report) {
        return write(report, LocalDate.now());
    }

    public static String write(GradeReport report, LocalDate today) {
        LearnerView learner = new LearnerView(today, Lang.EN);
        JsonObject root = new JsonObject();
        root.addProperty("score", report.score());
        root.addProperty("max_score", report.maxScore());
        root.addProperty("execution_time", report.millis() / 1000.0);
        long passed = report.exercises().stream().filter(e -> e.status() == Status.PASS).count();
        root.addProperty("output", passed + " of " + report.exercises().size() + " exercises passed.");
        root.addProperty("output_format", "text");
        root.addProperty("test_output_format", "text");
        root.addProperty("visibility", "visible");
        JsonArray tests = new JsonArray();
        int ex = 0;
        for (ExerciseResult e : report.exercises()) {
            ex++;
            List<TestResult> list = e.tests().isEmpty()
                    ? List.of(new TestResult("compiles", Status.ERROR, e.message(), "", 0)) : e.tests();
            int n = 0;
            int hidden = 0;
            for (TestResult t : list) {
                n++;
                String number = ex + "." + n;
                double score = Scoring.testScore(e, t);
                double max = Scoring.testMaxScore(e, t);
                switch (t.visibility().kind()) {
                    case VISIBLE -> tests.add(test(e, t, number, score, max, "visible"));
                    case HIDDEN_UNTIL -> tests.add(test(e, t, number, score, max, t.visibility().hiddenOn(today) ? "after_due_date" : "visible"));
                    case HIDDEN -> {
                        TestResult shown = learner.redact(t, ++hidden);
                        tests.add(test(e, shown, number, score, max, "visible"));
                        tests.add(test(e, t, number + ".1", 0, 0, "hidden"));
                    }
                }
            }
        }
        root.add("tests", tests);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root);
    }

    private static JsonObject test(ExerciseResult e, TestResult t, String number, double score, double max, String visibility) {
        JsonObject o = new JsonObject();
        o.addProperty("name", e.exercise().id() + ": " + t.name());
        o.addProperty("number", number);
        o.addProperty("score", score);
        o.addProperty("max_score", max);
        o.addProperty("status", t.status() == Status.PASS ? "passed" : "failed");
        o.addProperty("output", t.message() + (t.output().isEmpty() ? "" : "\n\nYour code printed:\n" + t.output()));
        o.addProperty("visibility", visibility);
        return o;
    }
}
