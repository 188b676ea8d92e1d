package grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.io.file.PathUtils;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Weights and hidden tests end to end: the fixture's day90/twice has tests of weights 3, 1, 1,
 * 1, 1, one always hidden, one hidden until 2000-01-01 (so shown), one hidden until 2999-12-31.
 */
class HiddenTestsTest {
    static final List<String> SECRETS = List.of("the secret case", "twice(-5)", "SECRET-PRINT", "hidden until 2999", "twice(100)");

    @TempDir
    Path home;
    @TempDir
    Path elsewhere;
    Path ws;

    @BeforeEach
    void setUp() throws Exception {
        Fixtures.course(home);
        Fixtures.twice(home);
        ws = elsewhere.resolve("ws");
        assertEquals(0, Fixtures.grade(home, elsewhere, "init", ws.toString()).exit());
    }

    private Fixtures.Run grade(String twice, String... args) throws Exception {
        Files.writeString(ws.resolve("day90/Twice.java"), twice);
        List<String> all = new java.util.ArrayList<>(List.of("day90", "twice", "-w", ws.toString(), "--no-color"));
        all.addAll(List.of(args));
        return Fixtures.grade(home, elsewhere, all.toArray(String[]::new));
    }

    private static Map<String, JsonObject> tests(String json) {
        Map<String, JsonObject> out = new HashMap<>();
        JsonObject o = JsonParser.parseString(json).getAsJsonObject();
        for (JsonElement t : o.getAsJsonArray("exercises").get(0).getAsJsonObject().getAsJsonArray("tests")) {
            out.put(t.getAsJsonObject().get("name").getAsString(), t.getAsJsonObject());
        }
        return out;
    }

    @Test
    void theLearnerSeesAHiddenTestOnlyAsPassOrFailAndTheWeightsDecideTheScore() throws Exception {
        Fixtures.Run r = grade(Fixtures.TWICE_NO_NEGATIVES);
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("8.57/10"), "10 points × 6/7:\n" + r.out());
        assertTrue(r.out().contains("✘ hidden test 1") && r.out().contains("This test is hidden: only whether it passes and its points (0/1.43) are shown."), r.out());
        SECRETS.forEach(s -> assertFalse(r.out().contains(s) || r.err().contains(s), s + " reached the learner:\n" + r.out()));

        Fixtures.Run json = grade(Fixtures.TWICE_NO_NEGATIVES, "--format", "json");
        SECRETS.forEach(s -> assertFalse(json.out().contains(s), s + " reached the learner:\n" + json.out()));
        assertEquals(8.57, JsonParser.parseString(json.out()).getAsJsonObject().get("score").getAsDouble());
        Map<String, JsonObject> tests = tests(json.out());
        assertEquals(3, tests.get("twice(2) is 4").get("weight").getAsInt());
        assertEquals(4.29, tests.get("twice(2) is 4").get("score").getAsDouble());
        assertEquals("fail", tests.get("hidden test 1").get("status").getAsString());
        assertEquals("", tests.get("hidden test 1").get("output").getAsString());
        assertEquals("pass", tests.get("hidden test 2").get("status").getAsString());
        assertEquals("2999-12-31", tests.get("hidden test 2").get("until").getAsString());
        JsonObject past = tests.get("twice(1) is 2, shown since 2000");
        assertEquals("hidden_until", past.get("visibility").getAsString(), "its day is over, so it is shown by name");

        for (String format : List.of("junit", "exercism", "classroom")) {
            Fixtures.Run other = grade(Fixtures.TWICE_NO_NEGATIVES, "--format", format);
            assertEquals(1, other.exit(), other.err());
            SECRETS.forEach(s -> assertFalse(other.out().contains(s), s + " reached the learner in " + format + ":\n" + other.out()));
            assertTrue(other.out().contains("hidden test 1"), format + ":\n" + other.out());
        }
    }

    @Test
    void aHiddenUntilTestIsNamedOnlyAfterItsDay() throws Exception {
        Fixtures.Run r = grade(Fixtures.TWICE_SMALL_ONLY);
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("✘ hidden test 2") && r.out().contains("hidden until the end of 2999-12-31"), r.out());
        assertTrue(r.out().contains("(0/1.42)"), "its points, as a learner sees them:\n" + r.out());
        assertTrue(r.out().contains("8.58/10"), "10 points are 4.29, 1.43, 1.43, 1.43 and 1.42 (the hundredths left go to the first tests):\n" + r.out());
        SECRETS.forEach(s -> assertFalse(r.out().contains(s), s + " reached the learner:\n" + r.out()));
    }

    @Test
    void instructorsSeeEverythingAndGradescopeGetsItsOwnVisibility() throws Exception {
        Fixtures.Run reveal = grade(Fixtures.TWICE_NO_NEGATIVES, "--reveal");
        assertEquals(1, reveal.exit(), reveal.err());
        assertTrue(reveal.out().contains("twice(-5) is -10, the secret case") && reveal.out().contains("SECRET-PRINT"), reveal.out());
        assertTrue(reveal.out().contains("8.57/10"), reveal.out());

        Fixtures.Run gs = grade(Fixtures.TWICE_NO_NEGATIVES, "--format", "gradescope");
        JsonObject o = JsonParser.parseString(gs.out()).getAsJsonObject();
        assertEquals(8.57, o.get("score").getAsDouble());
        Map<String, JsonObject> byName = new HashMap<>();
        for (JsonElement t : o.getAsJsonArray("tests")) {
            byName.put(t.getAsJsonObject().get("name").getAsString(), t.getAsJsonObject());
        }
        assertEquals("visible", byName.get("day90/twice: hidden test 1").get("visibility").getAsString());
        assertEquals(1.43, byName.get("day90/twice: hidden test 1").get("max_score").getAsDouble());
        JsonObject twin = byName.get("day90/twice: twice(-5) is -10, the secret case");
        assertEquals("hidden", twin.get("visibility").getAsString());
        assertEquals(0.0, twin.get("max_score").getAsDouble());
        assertTrue(twin.get("output").getAsString().contains("SECRET-PRINT"), twin.toString());
        assertEquals("after_due_date", byName.get("day90/twice: twice(100) is 200, hidden until 2999").get("visibility").getAsString());
        assertEquals("visible", byName.get("day90/twice: twice(1) is 2, shown since 2000").get("visibility").getAsString());
    }

    @Test
    void onGradescopeATestHiddenUntilADayCanWaitForTheAssignmentsDueDateInstead() throws Exception {
        Path metadata = elsewhere.resolve("submission_metadata.json");
        String past = "2001-01-01T23:59:00.000000-08:00";
        String future = "2998-06-01T23:59:00.000000-07:00";
        Files.writeString(metadata, "{\"id\": 1, \"assignment\": {\"due_date\": \"" + past + "\", \"title\": \"day90\"},"
                + " \"users\": [{\"name\": \"A\", \"assignment\": {\"due_date\": \"" + future + "\"}}]}");
        Map<String, JsonObject> extended = gradescope(grade(Fixtures.TWICE_OK, "--format", "gradescope", "--due-date-from", metadata.toString()));
        assertEquals("after_due_date", extended.get("day90/twice: twice(1) is 2, shown since 2000").get("visibility").getAsString(),
                "its own day is over, but the submitter's due date (an extension) is not");
        assertEquals("visible", extended.get("day90/twice: twice(2) is 4").get("visibility").getAsString());

        Files.writeString(metadata, "{\"assignment\": {\"due_date\": \"" + past + "\"}, \"users\": []}");
        Map<String, JsonObject> due = gradescope(grade(Fixtures.TWICE_OK, "--format", "gradescope", "--due-date-from", metadata.toString()));
        assertEquals("visible", due.get("day90/twice: twice(100) is 200, hidden until 2999").get("visibility").getAsString(),
                "the assignment's due date is over, whatever the test's own date");

        Fixtures.Run text = grade(Fixtures.TWICE_OK, "--due-date-from", metadata.toString());
        assertEquals(2, text.exit(), text.err());
        assertTrue(text.err().contains("--due-date-from is for --format gradescope"), text.err());
    }

    private static Map<String, JsonObject> gradescope(Fixtures.Run r) {
        assertEquals(0, r.exit(), r.out() + r.err());
        Map<String, JsonObject> byName = new HashMap<>();
        for (JsonElement t : JsonParser.parseString(r.out()).getAsJsonObject().getAsJsonArray("tests")) {
            byName.put(t.getAsJsonObject().get("name").getAsString(), t.getAsJsonObject());
        }
        return byName;
    }

    @Test
    void revealIsNotForALearnersBundle() throws Exception {
        PathUtils.deleteDirectory(home.resolve("solutions"));
        Fixtures.Run r = grade(Fixtures.TWICE_OK, "--reveal");
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("--reveal is for instructors"), r.err());
    }

    @Test
    void aMisMarkedTestTellsItsAuthorWhatToWrite() throws Exception {
        Fixtures.twice(home, "day90.MisMarkedTest");
        Fixtures.Run r = Fixtures.grade(home, elsewhere, "verify", "day90", "--no-color", "--jobs", "1");
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("@Hidden(until = \"15.12.2026\") on day90.MisMarkedTest.misMarked is not a date"), r.out());
        assertTrue(r.out().contains("such as @Hidden(until = \"2026-12-15\")"), r.out());
    }
}
