package grade.report;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * Exercism's test-runner {@code results.json}, version 2: status (pass, fail, or error when no
 * test could run), message (for error), and tests[] in the order of the test file with name,
 * status, message, output (the learner's own prints, at most 500 characters, cut with
 * Exercism's own notice) and test_code (the test method as written, from {@link TestCode}; none
 * for a test hidden from the learner).
 */
public final class ExercismReport {
    static final int MAX_OUTPUT = 500;
    static final int MAX_MESSAGE = 65_535;
    /** The notice Exercism's interface asks for when a learner's output is cut. */
    static final String OUTPUT_CUT = "Output was truncated. Please limit to 500 chars";

    private ExercismReport() {
    }

    public static String write(GradeReport report) {
        return write(report, TestCode.load());
    }

    static String write(GradeReport report, TestCode code) {
        JsonObject root = new JsonObject();
        root.addProperty("version", 2);
        boolean anyRan = report.exercises().stream().anyMatch(e -> !e.tests().isEmpty());
        String status = !anyRan ? "error" : report.status() == Status.PASS ? "pass" : "fail";
        root.addProperty("status", status);
        if ("error".equals(status)) {
            StringBuilder sb = new StringBuilder();
            report.exercises().forEach(e -> sb.append(e.exercise().id()).append(": ").append(e.message()).append('\n'));
            root.addProperty("message", cut(sb.toString().strip(), MAX_MESSAGE, "… [cut]"));
        }
        JsonArray tests = new JsonArray();
        for (ExerciseResult e : report.exercises()) {
            for (TestResult t : e.testsOrStandIn()) {
                JsonObject o = new JsonObject();
                o.addProperty("name", e.exercise().id() + ": " + t.name());
                o.addProperty("status", t.status().json());
                if (t.status() != Status.PASS) {
                    o.addProperty("message", cut(t.message(), MAX_MESSAGE, "… [cut]"));
                }
                if (!t.output().isEmpty()) {
                    o.addProperty("output", cut(t.output(), MAX_OUTPUT, "\n" + OUTPUT_CUT));
                }
                code.of(e.exercise(), t.name()).ifPresent(c -> o.addProperty("test_code", c));
                tests.add(o);
            }
        }
        root.add("tests", tests);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root);
    }

    /**
     * {@code s} in at most {@code max} characters (UTF-16 units, the strictest count), ending in
     * {@code notice} when it had to be cut, and never cut inside a character: not between the
     * halves of a surrogate pair, nor between a letter and its combining accent.
     */
    static String cut(String s, int max, String notice) {
        if (s.length() <= max) {
            return s;
        }
        java.text.BreakIterator chars = java.text.BreakIterator.getCharacterInstance(java.util.Locale.ROOT);
        chars.setText(s);
        int end = chars.preceding(max - notice.length() + 1);
        return s.substring(0, Math.max(0, end)) + notice;
    }
}
