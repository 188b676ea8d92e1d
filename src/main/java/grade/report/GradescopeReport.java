package grade.report;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;

/**
 * Gradescope's autograder {@code results.json}: score, max_score, execution_time, output and
 * tests[] with name, number, score, max_score, status, output and visibility. Each exercise's
 * points are shared equally among its tests, so the tests add up to the one score.
 */
public final class GradescopeReport {
    private GradescopeReport() {
    }

    public static String write(GradeReport report) {
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
            double each = (double) e.maxScore() / list.size();
            int n = 0;
            for (TestResult t : list) {
                n++;
                JsonObject o = new JsonObject();
                o.addProperty("name", e.exercise().id() + ": " + t.name());
                o.addProperty("number", ex + "." + n);
                boolean pass = t.status() == Status.PASS;
                o.addProperty("score", pass ? Math.round(each * 100) / 100.0 : 0);
                o.addProperty("max_score", Math.round(each * 100) / 100.0);
                o.addProperty("status", pass ? "passed" : "failed");
                String output = t.message() + (t.output().isEmpty() ? "" : "\n\nYour code printed:\n" + t.output());
                o.addProperty("output", output);
                o.addProperty("visibility", "visible");
                tests.add(o);
            }
        }
        root.add("tests", tests);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root);
    }
}
