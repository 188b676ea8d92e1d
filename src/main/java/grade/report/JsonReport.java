package grade.report;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * The grader's own JSON: {@code {"version":1,"status","score","max_score","exercises":[{"id",
 * "status","message","tests":[{"name","status","message","output"}]}]}} plus more fields; per test
 * also its weight, score, max_score, visibility (visible, hidden_until, hidden) and until.
 */
public final class JsonReport {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private JsonReport() {
    }

    public static String write(GradeReport report) {
        return GSON.toJson(tree(report));
    }

    /** The same JSON as a tree, for outputs that add fields of their own. */
    public static JsonObject tree(GradeReport report) {
        JsonObject root = new JsonObject();
        root.addProperty("version", 1);
        root.addProperty("status", report.status().json());
        root.addProperty("score", report.score());
        root.addProperty("max_score", report.maxScore());
        root.addProperty("source", report.source());
        root.addProperty("millis", report.millis());
        JsonArray exercises = new JsonArray();
        for (ExerciseResult e : report.exercises()) {
            JsonObject x = new JsonObject();
            x.addProperty("id", e.exercise().id());
            x.addProperty("status", e.status().json());
            x.addProperty("message", e.message());
            x.addProperty("score", e.score());
            x.addProperty("max_score", e.maxScore());
            x.addProperty("millis", e.millis());
            JsonArray tests = new JsonArray();
            long[] worth = Scoring.testMaxCents(e);
            for (int i = 0; i < worth.length; i++) {
                TestResult t = e.tests().get(i);
                JsonObject y = new JsonObject();
                y.addProperty("name", t.name());
                y.addProperty("status", t.status().json());
                y.addProperty("message", t.message());
                y.addProperty("output", t.output());
                y.addProperty("millis", t.millis());
                y.addProperty("weight", t.weight());
                y.addProperty("score", Scoring.points(Scoring.earned(e, t, worth[i])));
                y.addProperty("max_score", Scoring.points(worth[i]));
                y.addProperty("visibility", t.visibility().json());
                t.visibility().untilDate().ifPresent(d -> y.addProperty("until", d.toString()));
                tests.add(y);
            }
            x.add("tests", tests);
            exercises.add(x);
        }
        root.add("exercises", exercises);
        return root;
    }
}
