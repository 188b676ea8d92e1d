package grade.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import grade.course.Exercise;
import grade.course.Lang;
import grade.course.Localized;
import grade.terminal.Style;
import grade.terminal.TerminalReport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Points add up exactly, in every format, for any weights and outcomes: the tests' points add up
 * to their exercise's score and their worths to its points, the exercises to the total. Checked
 * over many random grades (seeded, so a failure can be replayed), with the numbers read back
 * from each format as decimals, the way a spreadsheet or a person adds them.
 */
class ScoringPropertyTest {
    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    static final int CASES = 1000;

    private static Exercise exercise(int n, int points) {
        String id = "day0" + (1 + n % 7) + "/ex" + n;
        return new Exercise(id, new Localized("T", "题"), List.of(id.substring(0, 5) + "/X" + n + ".java"), List.of("x.XTest"), points, 10,
                List.of(new Localized("a", "甲"), new Localized("b", "乙")), Path.of("exercises", id));
    }

    private static GradeReport randomReport(Random rnd) {
        List<ExerciseResult> exercises = new ArrayList<>();
        int count = 1 + rnd.nextInt(6);
        for (int n = 0; n < count; n++) {
            Exercise e = exercise(n, 1 + rnd.nextInt(30));
            switch (rnd.nextInt(8)) {
                case 0 -> exercises.add(ExerciseResult.error(e, "did not compile:\nX.java:1: error"));
                case 1 -> exercises.add(ExerciseResult.missing(e, e.files(), grade.course.Lang.EN));
                default -> {
                    List<TestResult> tests = new ArrayList<>();
                    int size = 1 + rnd.nextInt(20);
                    for (int i = 0; i < size; i++) {
                        Status s = Status.values()[rnd.nextInt(100) < 60 ? 0 : 1 + rnd.nextInt(2)];
                        Visibility v = switch (rnd.nextInt(5)) {
                            case 0 -> Visibility.HIDDEN;
                            case 1 -> Visibility.until(TODAY.plusDays(rnd.nextInt(5) - 2));
                            default -> Visibility.VISIBLE;
                        };
                        tests.add(new TestResult("test " + i, s, s == Status.PASS ? "" : "wrong " + i, "", 1, 1 + rnd.nextInt(rnd.nextBoolean() ? 2 : 9), v));
                    }
                    exercises.add(ExerciseResult.of(e, tests, 1));
                }
            }
        }
        return new GradeReport("random", exercises, 10);
    }

    @Test
    void testWorthsSplitAnExercisesPointsExactlyAndFairly() {
        Random rnd = new Random(20261201);
        for (int c = 0; c < 10 * CASES; c++) {
            for (ExerciseResult e : randomReport(rnd).exercises()) {
                long[] worth = Scoring.testMaxCents(e);
                long weights = e.tests().stream().mapToLong(TestResult::weight).sum();
                long sum = 0;
                long earned = 0;
                for (int i = 0; i < worth.length; i++) {
                    double share = 100.0 * e.maxScore() * e.tests().get(i).weight() / weights;
                    assertTrue(Math.abs(worth[i] - share) < 1, "a test is worth its share to the hundredth: " + worth[i] + " for " + share);
                    sum += worth[i];
                    earned += Scoring.testCents(e, i);
                }
                if (!e.tests().isEmpty()) {
                    assertEquals(100L * e.maxScore(), sum, "the worths add up to the exercise's points");
                }
                assertEquals(earned, e.cents(), "an exercise earns what its tests earn");
                if (e.status() == Status.PASS) {
                    assertEquals(100L * e.maxScore(), e.cents(), "full marks when it passes");
                } else {
                    for (int i = 0; i < worth.length; i++) {
                        assertTrue(e.tests().get(i).status() == Status.PASS || Scoring.testCents(e, i) == 0, "a test that fails earns nothing");
                    }
                }
            }
        }
    }

    @Test
    void everyFormatAddsUpExactly() {
        Random rnd = new Random(7);
        for (int c = 0; c < CASES; c++) {
            GradeReport report = randomReport(rnd);
            GradeReport seen = new LearnerView(TODAY, Lang.EN).of(report);
            String replay = "case " + c + " of seed 7";
            assertEquals(report.cents(), seen.cents(), "hiding changes no score: " + replay);
            ownJsonAddsUp(JsonReport.write(seen), report, replay);
            gradescopeAddsUp(GradescopeReport.write(report, TODAY), report, replay);
            classroomAddsUp(ClassroomReport.write(seen, grade.course.Lang.EN), report, replay);
            terminalAddsUp(seen, replay);
        }
    }

    private static BigDecimal dec(JsonObject o, String key) {
        return o.get(key).getAsBigDecimal();
    }

    private static void same(long cents, BigDecimal value, String what) {
        assertEquals(0, BigDecimal.valueOf(cents, 2).compareTo(value), what + ": " + value + " where " + BigDecimal.valueOf(cents, 2) + " is due");
    }

    private static void ownJsonAddsUp(String json, GradeReport report, String replay) {
        JsonObject o = JsonParser.parseString(json).getAsJsonObject();
        BigDecimal total = BigDecimal.ZERO;
        int i = 0;
        for (JsonElement x : o.getAsJsonArray("exercises")) {
            JsonObject e = x.getAsJsonObject();
            ExerciseResult r = report.exercises().get(i++);
            BigDecimal score = BigDecimal.ZERO;
            BigDecimal max = BigDecimal.ZERO;
            for (JsonElement t : e.getAsJsonArray("tests")) {
                score = score.add(dec(t.getAsJsonObject(), "score"));
                max = max.add(dec(t.getAsJsonObject(), "max_score"));
            }
            same(r.cents(), dec(e, "score"), "json: the exercise's score, " + replay);
            same(r.cents(), score, "json: its tests' scores, " + replay);
            if (!r.tests().isEmpty()) {
                same(100L * r.maxScore(), max, "json: its tests' worths, " + replay);
            }
            total = total.add(dec(e, "score"));
        }
        same(report.cents(), total, "json: the exercises' scores, " + replay);
        same(report.cents(), dec(o, "score"), "json: the score, " + replay);
    }

    private static void gradescopeAddsUp(String json, GradeReport report, String replay) {
        JsonObject o = JsonParser.parseString(json).getAsJsonObject();
        Map<String, BigDecimal> score = new HashMap<>();
        Map<String, BigDecimal> max = new HashMap<>();
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal totalMax = BigDecimal.ZERO;
        for (JsonElement x : o.getAsJsonArray("tests")) {
            JsonObject t = x.getAsJsonObject();
            String tag = t.getAsJsonArray("tags").get(0).getAsString();
            score.merge(tag, dec(t, "score"), BigDecimal::add);
            max.merge(tag, dec(t, "max_score"), BigDecimal::add);
            total = total.add(dec(t, "score"));
            totalMax = totalMax.add(dec(t, "max_score"));
        }
        for (ExerciseResult r : report.exercises()) {
            same(r.cents(), score.get(r.exercise().id()), "gradescope: the tests of " + r.exercise().id() + ", " + replay);
            same(100L * r.maxScore(), max.get(r.exercise().id()), "gradescope: their worths, " + replay);
        }
        same(report.cents(), total, "gradescope: the tests' scores, " + replay);
        same(report.cents(), dec(o, "score"), "gradescope: the score, " + replay);
        same(100L * report.maxScore(), totalMax, "gradescope: the tests' worths, " + replay);
    }

    private static void classroomAddsUp(String json, GradeReport report, String replay) {
        JsonObject o = JsonParser.parseString(json).getAsJsonObject();
        BigDecimal total = BigDecimal.ZERO;
        int i = 0;
        for (JsonElement x : o.getAsJsonArray("tests")) {
            same(report.exercises().get(i++).cents(), dec(x.getAsJsonObject(), "score"), "classroom: an exercise's score, " + replay);
            total = total.add(dec(x.getAsJsonObject(), "score"));
        }
        same(report.cents(), total, "classroom: the points the reporter adds up, " + replay);
        assertEquals(report.maxScore(), o.get("max_score").getAsInt(), replay);
    }

    private static final Pattern MARK = Pattern.compile("  (\\d+(?:\\.\\d+)?)/(\\d+)(?:  |$)");
    private static final Pattern SUMMARY = Pattern.compile("score (\\d+(?:\\.\\d+)?)/(\\d+)");
    private static final Pattern HIDDEN_POINTS = Pattern.compile("its points \\(0/(\\d+(?:\\.\\d+)?)\\)");

    private static void terminalAddsUp(GradeReport seen, String replay) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new TerminalReport(new PrintStream(bytes, true, StandardCharsets.UTF_8), new Style(false), Lang.EN).print(seen);
        String text = bytes.toString(StandardCharsets.UTF_8);
        BigDecimal total = BigDecimal.ZERO;
        int i = 0;
        for (String line : text.lines().toList()) {
            Matcher m = MARK.matcher(line);
            if (i < seen.exercises().size() && line.contains(" " + seen.exercises().get(i).exercise().id() + "  ") && m.find()) {
                same(seen.exercises().get(i++).cents(), new BigDecimal(m.group(1)), "terminal: an exercise's score, " + replay);
                total = total.add(new BigDecimal(m.group(1)));
            }
        }
        assertEquals(seen.exercises().size(), i, "every exercise has its line:\n" + text);
        Matcher s = SUMMARY.matcher(text);
        assertTrue(s.find(), text);
        same(seen.cents(), new BigDecimal(s.group(1)), "terminal: the summary, " + replay);
        same(seen.cents(), total, "terminal: the exercises, " + replay);
        for (ExerciseResult e : seen.exercises()) {
            long[] worth = Scoring.testMaxCents(e);
            for (int t = 0; t < worth.length; t++) {
                Matcher h = HIDDEN_POINTS.matcher(e.tests().get(t).message());
                if (h.find()) {
                    same(worth[t], new BigDecimal(h.group(1)), "a hidden test's points as the learner reads them, " + replay);
                }
            }
        }
    }
}
