package grade.report;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * Exercism's test-runner {@code results.json}, version 2: status (pass, fail, or error when no
 * test could run), message (for error), and tests[] with name, status, message and output (the
 * learner's own prints, at most 500 characters).
 */
public final class ExercismReport {
    static final int MAX_OUTPUT = 500;
    static final int MAX_MESSAGE = 65_535;

    private ExercismReport() {
    }

    public static String write(GradeReport report) {
        JsonObject root = new JsonObject();
        root.addProperty("version", 2);
        boolean anyRan = report.exercises().stream().anyMatch(e -> !e.tests().isEmpty());
        String status = !anyRan ? "error" : report.status() == Status.PASS ? "pass" : "fail";
        root.addProperty("status", status);
        if ("error".equals(status)) {
            StringBuilder sb = new StringBuilder();
            report.exercises().forEach(e -> sb.append(e.exercise().id()).append(": ").append(e.message()).append('\n'));
            root.addProperty("message", cut(sb.toString().strip(), MAX_MESSAGE));
        }
        JsonArray tests = new JsonArray();
        for (ExerciseResult e : report.exercises()) {
            if (e.tests().isEmpty()) {
                JsonObject o = new JsonObject();
                o.addProperty("name", e.exercise().id() + ": compiles");
                o.addProperty("status", "error");
                o.addProperty("message", cut(e.message(), MAX_MESSAGE));
                tests.add(o);
                continue;
            }
            for (TestResult t : e.tests()) {
                JsonObject o = new JsonObject();
                o.addProperty("name", e.exercise().id() + ": " + t.name());
                o.addProperty("status", t.status().json());
                if (t.status() != Status.PASS) {
                    o.addProperty("message", cut(t.message(), MAX_MESSAGE));
                }
                if (!t.output().isEmpty()) {
                    o.addProperty("output", cut(t.output(), MAX_OUTPUT));
                }
                tests.add(o);
            }
        }
        root.add("tests", tests);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root);
    }

    static String cut(String s, int max) {
        String marker = "… [cut]";
        return s.length() <= max ? s : s.substring(0, max - marker.length()) + marker;
    }
}
