package grade.report;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import grade.course.Lang;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Gradescope's autograder {@code results.json}: score, max_score, execution_time, output and
 * tests[] with name, number, score, max_score, status, output, tags (the exercise's id) and
 * visibility. Each test's score is its worth when it passed (see {@link Scoring}), so the tests
 * add up to the grade's score, which is also the top-level score.
 *
 * <p>Gradescope enforces visibility itself, and instructors always see every test there, so
 * hidden tests are mapped onto its rules rather than redacted here:
 * <ul>
 * <li>visible, or hidden until a day that is over: {@code "visible"};
 * <li>hidden until a day not over yet: {@code "after_due_date"} (shown in full once the
 *     assignment's due date on Gradescope has passed). With the assignment's due date (from
 *     Gradescope's {@code submission_metadata.json}, see {@link #dueDate}), that date replaces
 *     the test's own, so the date is set in one place;
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
        return write(report, LocalDate.now(), Optional.empty());
    }

    public static String write(GradeReport report, LocalDate today) {
        return write(report, today, Optional.empty());
    }

    /** With {@code due}, a test hidden until a date is hidden until the assignment's due date instead. */
    public static String write(GradeReport report, LocalDate today, Optional<Instant> due) {
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
        boolean beforeDue = due.map(d -> Instant.now().isBefore(d)).orElse(false);
        JsonArray tests = new JsonArray();
        int ex = 0;
        for (ExerciseResult e : report.exercises()) {
            ex++;
            List<TestResult> list = e.testsOrStandIn();
            long[] worth = e.tests().isEmpty() ? new long[] {100L * e.maxScore()} : Scoring.testMaxCents(e);
            int hidden = 0;
            for (int i = 0; i < list.size(); i++) {
                TestResult t = list.get(i);
                String number = ex + "." + (i + 1);
                long earned = Scoring.earned(e, t, worth[i]);
                switch (t.visibility().kind()) {
                    case VISIBLE -> tests.add(test(e, t, number, earned, worth[i], "visible"));
                    case HIDDEN_UNTIL -> tests.add(test(e, t, number, earned, worth[i],
                            (due.isPresent() ? beforeDue : t.visibility().hiddenOn(today)) ? "after_due_date" : "visible"));
                    case HIDDEN -> {
                        tests.add(test(e, learner.redact(t, ++hidden, worth[i]), number, earned, worth[i], "visible"));
                        tests.add(test(e, t, number + ".1", 0, 0, "hidden"));
                    }
                }
            }
        }
        root.add("tests", tests);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root);
    }

    private static JsonObject test(ExerciseResult e, TestResult t, String number, long earned, long worth, String visibility) {
        JsonObject o = new JsonObject();
        o.addProperty("name", e.exercise().id() + ": " + t.name());
        o.addProperty("number", number);
        o.addProperty("score", Scoring.points(earned));
        o.addProperty("max_score", Scoring.points(worth));
        o.addProperty("status", t.status() == Status.PASS ? "passed" : "failed");
        o.addProperty("output", t.message() + (t.output().isEmpty() ? "" : "\n\nYour code printed:\n" + t.output()));
        JsonArray tags = new JsonArray();
        tags.add(e.exercise().id());
        o.add("tags", tags);
        o.addProperty("visibility", visibility);
        return o;
    }

    /**
     * The assignment's due date in Gradescope's {@code submission_metadata.json}: the
     * submitter's own (an extension) when it has one, else the assignment's.
     *
     * @throws IOException when the file cannot be read or holds no due date
     */
    public static Instant dueDate(Path metadata) throws IOException {
        try {
            JsonObject o = JsonParser.parseString(Files.readString(metadata, StandardCharsets.UTF_8)).getAsJsonObject();
            if (o.has("users") && o.getAsJsonArray("users").size() > 0) {
                JsonObject user = o.getAsJsonArray("users").get(0).getAsJsonObject();
                if (user.has("assignment") && user.getAsJsonObject("assignment").has("due_date")
                        && !user.getAsJsonObject("assignment").get("due_date").isJsonNull()) {
                    return OffsetDateTime.parse(user.getAsJsonObject("assignment").get("due_date").getAsString()).toInstant();
                }
            }
            return OffsetDateTime.parse(o.getAsJsonObject("assignment").get("due_date").getAsString()).toInstant();
        } catch (RuntimeException e) {
            throw new IOException(metadata + " holds no assignment due date that can be read (" + e.getMessage() + ")");
        }
    }
}
