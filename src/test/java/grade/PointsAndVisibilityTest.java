package grade;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import grade.course.Exercise;
import grade.course.Lang;
import grade.course.Localized;
import grade.report.ClassroomReport;
import grade.report.ExercismReport;
import grade.report.ExerciseResult;
import grade.report.GradeReport;
import grade.report.GradescopeReport;
import grade.report.JsonReport;
import grade.report.JunitXmlReport;
import grade.report.LearnerView;
import grade.report.Scoring;
import grade.report.Status;
import grade.terminal.Style;
import grade.terminal.TerminalReport;
import grade.report.TestResult;
import grade.report.Visibility;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Weights in the one scoring function, and what a learner sees of hidden tests in every output. */
class PointsAndVisibilityTest {
    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    static final String SECRET_NAME = "frames of 65535 bytes";
    static final String SECRET_MESSAGE = "expected 65535 bytes, got 65534";
    static final String SECRET_OUTPUT = "debug: SECRET-PRINT";

    private static Exercise exercise(String id, int points) {
        return new Exercise(id, new Localized("T", "题"), List.of(id.substring(0, 5) + "/X.java"), List.of("x.XTest"), points, 10,
                List.of(new Localized("a", "甲"), new Localized("b", "乙")), Path.of("exercises", id));
    }

    /** Weights 3, 1, 1, 1 (total 6) in an exercise of 12 points; the always-hidden one fails. */
    private static ExerciseResult framing() {
        return ExerciseResult.of(exercise("day04/framing", 12), List.of(
                new TestResult("reads one frame", Status.PASS, "", "", 5, 3, Visibility.VISIBLE),
                new TestResult("reads two frames", Status.PASS, "", "", 5, 1, Visibility.VISIBLE),
                new TestResult(SECRET_NAME, Status.FAIL, SECRET_MESSAGE, SECRET_OUTPUT, 5, 1, Visibility.HIDDEN),
                new TestResult("an empty frame", Status.FAIL, "expected 0 bytes", "", 5, 1, Visibility.until(TODAY))), 20);
    }

    private static GradeReport report() {
        return new GradeReport("workspace /tmp/ws", List.of(framing()), 100);
    }

    @Test
    void anExerciseEarnsTheWeightsOfTheTestsItPasses() {
        ExerciseResult r = framing();
        assertEquals(8.0, r.score(), "12 points × (3 + 1) / 6");
        assertArrayEquals(new long[] {600, 200, 200, 200}, Scoring.testMaxCents(r), "in hundredths of a point");
        assertEquals(600, Scoring.testCents(r, 0));
        assertEquals(0, Scoring.testCents(r, 2));
        assertEquals(8.0, report().score());
        ExerciseResult plain = ExerciseResult.of(exercise("day04/framing", 12), List.of(
                new TestResult("a", Status.PASS, "", "", 1), new TestResult("b", Status.FAIL, "m", "", 1),
                new TestResult("c", Status.FAIL, "m", "", 1)), 3);
        assertEquals(4.0, plain.score(), "without weights every test counts the same");
    }

    @Test
    void hiddenUntilADayMeansUntilTheEndOfThatDay() {
        Visibility until = Visibility.until(LocalDate.of(2026, 12, 15));
        assertTrue(until.hiddenOn(LocalDate.of(2026, 12, 14)));
        assertTrue(until.hiddenOn(LocalDate.of(2026, 12, 15)), "the last day is still hidden");
        assertFalse(until.hiddenOn(LocalDate.of(2026, 12, 16)));
        assertTrue(Visibility.HIDDEN.hiddenOn(LocalDate.of(2999, 1, 1)));
        assertFalse(Visibility.VISIBLE.hiddenOn(LocalDate.of(2000, 1, 1)));
    }

    @Test
    void theLearnerViewKeepsStatusAndPointsAndDropsNameMessageAndOutput() {
        GradeReport seen = new LearnerView(TODAY, Lang.EN).of(report());
        ExerciseResult e = seen.exercises().get(0);
        assertEquals(report().score(), seen.score(), "hiding changes no score");
        assertEquals(List.of("reads one frame", "reads two frames", "hidden test 1", "hidden test 2"),
                e.tests().stream().map(TestResult::name).toList());
        TestResult hidden = e.tests().get(2);
        assertEquals(Status.FAIL, hidden.status());
        assertEquals("", hidden.output());
        assertEquals("This test is hidden: only whether it passes and its points (0/2) are shown.", hidden.message());
        assertTrue(e.tests().get(3).message().contains("2026-12-01"), e.tests().get(3).message());
        GradeReport later = new LearnerView(TODAY.plusDays(1), Lang.EN).of(report());
        assertEquals("an empty frame", later.exercises().get(0).tests().get(3).name(), "shown from the day after");
        assertEquals("hidden test 1", new LearnerView(TODAY.plusYears(900), Lang.EN).of(report()).exercises().get(0).tests().get(2).name());
        assertEquals("隐藏测试 1", new LearnerView(TODAY, Lang.ZH).of(report()).exercises().get(0).tests().get(2).name());
    }

    /** Every string in a JSON tree. */
    private static List<String> strings(JsonElement e) {
        List<String> out = new ArrayList<>();
        if (e.isJsonPrimitive()) {
            out.add(e.getAsString());
        } else if (e.isJsonArray()) {
            e.getAsJsonArray().forEach(x -> out.addAll(strings(x)));
        } else if (e.isJsonObject()) {
            e.getAsJsonObject().entrySet().forEach(x -> out.addAll(strings(x.getValue())));
        }
        return out;
    }

    private static void assertNoSecret(String written, String format) {
        for (String secret : List.of(SECRET_NAME, SECRET_MESSAGE, SECRET_OUTPUT, "an empty frame", "expected 0 bytes")) {
            assertFalse(written.contains(secret), format + " shows \"" + secret + "\" of a hidden test:\n" + written);
        }
        assertTrue(written.contains("hidden test 1") && written.contains("hidden test 2"), format + ":\n" + written);
        assertTrue(written.contains("reads one frame") || format.equals("classroom"), format + " hides a visible test:\n" + written);
    }

    @Test
    void everyLearnerFacingFormatShowsHiddenTestsOnlyAsPassOrFail() {
        GradeReport seen = new LearnerView(TODAY, Lang.EN).of(report());
        // the formats really would show them, if not for the view
        assertTrue(JsonReport.write(report()).contains(SECRET_MESSAGE) && ExercismReport.write(report()).contains(SECRET_OUTPUT));

        String json = JsonReport.write(seen);
        assertNoSecret(json, "json");
        JsonObject hidden = JsonParser.parseString(json).getAsJsonObject().getAsJsonArray("exercises").get(0).getAsJsonObject()
                .getAsJsonArray("tests").get(2).getAsJsonObject();
        assertEquals("fail", hidden.get("status").getAsString());
        assertEquals("hidden", hidden.get("visibility").getAsString());
        assertEquals(1, hidden.get("weight").getAsInt());
        assertEquals(2.0, hidden.get("max_score").getAsDouble());
        assertEquals(0.0, hidden.get("score").getAsDouble());

        assertNoSecret(JunitXmlReport.write(seen), "junit");
        assertNoSecret(ExercismReport.write(seen), "exercism");
        JsonArray exercism = JsonParser.parseString(ExercismReport.write(seen)).getAsJsonObject().getAsJsonArray("tests");
        assertEquals("fail", exercism.get(2).getAsJsonObject().get("status").getAsString());
        assertFalse(exercism.get(2).getAsJsonObject().has("output"));

        String classroom = ClassroomReport.write(seen, grade.course.Lang.EN);
        assertNoSecret(classroom, "classroom");

        ByteArrayOutputStream text = new ByteArrayOutputStream();
        new TerminalReport(new PrintStream(text, true, StandardCharsets.UTF_8), new Style(false), Lang.EN).print(seen);
        String terminal = text.toString(StandardCharsets.UTF_8);
        assertTrue(terminal.contains("✘ hidden test 1"), terminal);
        for (String secret : List.of(SECRET_NAME, SECRET_MESSAGE, SECRET_OUTPUT, "an empty frame")) {
            assertFalse(terminal.contains(secret), terminal);
        }
    }

    @Test
    void classroomResultHasOneEntryPerExerciseWhoseScoresAddUpToTheGrade() {
        ExerciseResult tail = ExerciseResult.error(exercise("day03/tail", 10), "did not compile:\nTail.java:3:5: error: ';' expected");
        GradeReport r = new GradeReport("w", List.of(framing(), tail), 10);
        JsonObject o = JsonParser.parseString(ClassroomReport.write(r, grade.course.Lang.EN)).getAsJsonObject();
        assertEquals(1, o.get("version").getAsInt());
        assertEquals("fail", o.get("status").getAsString());
        assertEquals(22, o.get("max_score").getAsInt());
        JsonArray tests = o.getAsJsonArray("tests");
        assertEquals(2, tests.size());
        double sum = 0;
        for (JsonElement t : tests) {
            JsonObject x = t.getAsJsonObject();
            for (String key : List.of("name", "status", "score", "message", "test_code", "filename", "duration")) {
                assertTrue(x.has(key), key + " in " + x);
            }
            sum += x.get("score").getAsDouble();
        }
        assertEquals(r.score(), sum, 1e-9);
        JsonObject t = tests.get(1).getAsJsonObject();
        assertEquals("error", t.get("status").getAsString());
        assertTrue(t.get("message").getAsString().contains("Tail.java:3:5"), t.toString());
        assertEquals("./grade day03 tail", t.get("test_code").getAsString());
    }

    @Test
    void gradescopeMapsVisibilityOntoItsOwnRules() {
        JsonObject o = JsonParser.parseString(GradescopeReport.write(report(), TODAY)).getAsJsonObject();
        assertEquals(8.0, o.get("score").getAsDouble());
        assertEquals(12, o.get("max_score").getAsInt());
        JsonArray tests = o.getAsJsonArray("tests");
        assertEquals(5, tests.size(), "four tests, and a zero-point twin with the always-hidden test's details");
        JsonObject core = tests.get(0).getAsJsonObject();
        assertEquals("visible", core.get("visibility").getAsString());
        assertEquals(6.0, core.get("max_score").getAsDouble());
        assertEquals(6.0, core.get("score").getAsDouble());

        JsonObject shown = tests.get(2).getAsJsonObject();
        assertEquals("day04/framing: hidden test 1", shown.get("name").getAsString());
        assertEquals("visible", shown.get("visibility").getAsString());
        assertEquals("failed", shown.get("status").getAsString());
        assertEquals(2.0, shown.get("max_score").getAsDouble());
        assertFalse(shown.toString().contains(SECRET_MESSAGE) || shown.toString().contains(SECRET_OUTPUT), shown.toString());

        JsonObject twin = tests.get(3).getAsJsonObject();
        assertEquals("hidden", twin.get("visibility").getAsString());
        assertEquals("day04/framing: " + SECRET_NAME, twin.get("name").getAsString());
        assertEquals(0.0, twin.get("max_score").getAsDouble());
        assertTrue(twin.get("output").getAsString().contains(SECRET_MESSAGE) && twin.get("output").getAsString().contains(SECRET_OUTPUT));

        JsonObject until = tests.get(4).getAsJsonObject();
        assertEquals("after_due_date", until.get("visibility").getAsString(), "hidden until the end of today");
        assertEquals("day04/framing: an empty frame", until.get("name").getAsString());
        JsonObject tomorrow = JsonParser.parseString(GradescopeReport.write(report(), TODAY.plusDays(1))).getAsJsonObject()
                .getAsJsonArray("tests").get(4).getAsJsonObject();
        assertEquals("visible", tomorrow.get("visibility").getAsString());

        double max = 0;
        for (JsonElement t : tests) {
            max += t.getAsJsonObject().get("max_score").getAsDouble();
        }
        assertEquals(12.0, max, 1e-9, "the tests' points add up to the exercise's");
        assertTrue(strings(o).stream().noneMatch(s -> s.contains("hidden_until")), "Gradescope's own words only");
    }
}
