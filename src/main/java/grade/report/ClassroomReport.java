package grade.report;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import grade.kit.Text;

/**
 * The result GitHub Classroom's autograding reporter reads from a grading step (the step's
 * {@code result} output, in base64): {@code {"version":1,"status","max_score","tests":[{"name",
 * "status","score","message","test_code","filename","duration"}]}}. One entry per exercise, so
 * the scores add up to the grade's score exactly (the reporter adds them up as the points); its
 * message lists the tests that did not pass.
 */
public final class ClassroomReport {
    /** Characters of one test's message kept in an exercise's message. */
    private static final int MAX_TEST_MESSAGE = 600;

    private ClassroomReport() {
    }

    public static String write(GradeReport report, grade.course.Lang lang) {
        JsonObject root = new JsonObject();
        root.addProperty("version", 1);
        root.addProperty("status", report.status().json());
        root.addProperty("max_score", report.maxScore());
        JsonArray tests = new JsonArray();
        for (ExerciseResult e : report.exercises()) {
            JsonObject o = new JsonObject();
            o.addProperty("name", e.exercise().id() + " · " + e.exercise().title().get(lang));
            o.addProperty("status", e.status().json());
            o.addProperty("score", e.score());
            o.addProperty("message", message(e));
            o.addProperty("test_code", "./grade " + e.exercise().day() + " " + e.exercise().slug());
            o.addProperty("filename", String.join(", ", e.exercise().files()));
            o.addProperty("duration", e.millis());
            tests.add(o);
        }
        root.add("tests", tests);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root);
    }

    private static String message(ExerciseResult e) {
        String head = Scoring.show(e.score()) + "/" + e.maxScore() + (e.message().isEmpty() ? "" : " · " + e.message());
        if (e.tests().isEmpty()) {
            return head;
        }
        StringBuilder sb = new StringBuilder(head);
        for (TestResult t : e.tests()) {
            if (t.status() != Status.PASS) {
                sb.append("\n✘ ").append(Text.line(Text.cut(t.name(), 200)));
                if (!t.message().isBlank()) {
                    sb.append(": ").append(Text.block(Text.cut(t.message(), MAX_TEST_MESSAGE), MAX_TEST_MESSAGE));
                }
            }
        }
        return sb.toString();
    }
}
