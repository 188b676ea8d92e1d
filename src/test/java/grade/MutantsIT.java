package grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * grade mutants end to end: on the fixture's day90/sum a weak test lets a known mutant of the
 * solution survive (exit 1) until it is recorded as equivalent, a stronger test kills it (exit
 * 0), and the mutants of a method no test calls are not covered; and the course's day03/offsets
 * is analysed with the packaged grader: every mutant killed or accounted for.
 */
class MutantsIT {
    private static final String ADDITION = "Replaced integer addition with subtraction";

    @TempDir
    Path home;

    @Test
    void aWeakTestLetsAMutantSurviveAndAStrongerOneKillsIt() throws Exception {
        Fixtures.course(home);
        Path json = home.resolve("exercises/day90/sum/exercise.json");
        String exercise = Files.readString(json);
        Files.writeString(json, exercise.replace("day90.SumTest", "day90.SumWeakTest"));

        Fixtures.Run weak = mutants();
        assertEquals(1, weak.exit(), weak.out() + weak.err());
        JsonObject sum = only(weak.out());
        JsonObject survivor = survivor(sum, ADDITION);
        assertEquals("day90/Sum.java", survivor.get("file").getAsString());
        assertEquals(5, survivor.get("lineNumber").getAsInt());
        assertEquals("return a + b;", survivor.get("line").getAsString());
        assertEquals("day90.Sum", survivor.get("class").getAsString());
        assertEquals("add", survivor.get("method").getAsString());
        assertEquals("MathMutator", survivor.get("mutator").getAsString());
        assertTrue(survivor.get("covered").getAsBoolean(), weak.out());
        assertTrue(sum.get("score").getAsInt() < 100, weak.out());

        // Recorded (with a reason) every survivor is accounted for, and a record of no mutant is stale.
        StringBuilder records = new StringBuilder();
        for (JsonElement s : sum.getAsJsonArray("survivors")) {
            JsonObject r = s.getAsJsonObject().deepCopy();
            r.remove("file");
            r.remove("lineNumber");
            r.remove("covered");
            r.addProperty("reason", "the tests add only zeros");
            records.append(r).append(", ");
        }
        records.append("{\"class\": \"day90.Sum\", \"method\": \"add\", \"mutator\": \"MathMutator\", \"line\": \"return a * b;\","
                + " \"reason\": \"a line the solution no longer has\"}");
        Files.writeString(json, exercise.replace("day90.SumTest", "day90.SumWeakTest")
                .replace("\"hints\":", "\"equivalentMutants\": [" + records + "],\n  \"hints\":"));
        Fixtures.Run recorded = mutants();
        assertEquals(0, recorded.exit(), recorded.out() + recorded.err());
        JsonObject accounted = only(recorded.out());
        assertEquals(sum.get("survived").getAsInt(), accounted.get("accounted").getAsInt(), recorded.out());
        assertEquals("the tests add only zeros", survivor(accounted, ADDITION).get("equivalent").getAsString());
        assertEquals(1, accounted.getAsJsonArray("stale").size(), recorded.out());
        assertEquals("return a * b;", accounted.getAsJsonArray("stale").get(0).getAsJsonObject().get("line").getAsString());

        Files.writeString(json, exercise);
        Fixtures.Run strong = mutants();
        assertEquals(0, strong.exit(), strong.out() + strong.err());
        JsonObject killed = only(strong.out());
        assertEquals(sum.get("mutants").getAsInt(), killed.get("killed").getAsInt(), strong.out());
        assertEquals(100, killed.get("score").getAsInt());
        assertEquals(0, killed.getAsJsonArray("survivors").size());

        Fixtures.Run text = Fixtures.grade(home, home, jvmOptions(), List.of(), "mutants", "day90", "sum", "--no-color");
        assertEquals(0, text.exit(), text.out() + text.err());
        assertTrue(text.out().contains("day90/sum  " + killed.get("mutants").getAsInt() + " mutants: "), text.out());
        assertTrue(text.err().contains("(unchanged since the last run)"), "the unchanged exercise is not run again:\n" + text.err());

        // A method no test calls: its mutants are not covered, not run, and not accounted for.
        Fixtures.write(home.resolve("solutions/day90/sum/day90/Sum.java"), Fixtures.SUM_OK.replace("    }\n}", """
                    }

                    static int twice(int a) {
                        return 2 * a;
                    }
                }"""));
        Fixtures.Run unused = mutants();
        assertEquals(1, unused.exit(), unused.out() + unused.err());
        JsonObject uncovered = only(unused.out());
        assertEquals(killed.get("killed").getAsInt(), uncovered.get("killed").getAsInt(), unused.out());
        assertEquals(0, uncovered.get("survived").getAsInt(), unused.out());
        assertTrue(uncovered.get("notCovered").getAsInt() > 0, unused.out());
        for (JsonElement s : uncovered.getAsJsonArray("survivors")) {
            assertEquals("return 2 * a;", s.getAsJsonObject().get("line").getAsString(), unused.out());
            assertFalse(s.getAsJsonObject().get("covered").getAsBoolean(), unused.out());
        }
    }

    @Test
    void theCourseDay03OffsetsIsAnalysedEndToEnd() throws Exception {
        Path jar = Path.of(System.getProperty("grade.jar"));
        Path course = Path.of(System.getProperty("grade.home"));
        Path out = home.resolve("out.json");
        Path err = home.resolve("err.txt");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Dgrade.home=" + course,
                "-Djava.io.tmpdir=" + Files.createDirectories(home.resolve("tmp")), "-jar", jar.toString(),
                "mutants", "day03", "offsets", "--format", "json", "--no-color")
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(4, TimeUnit.MINUTES)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError("grade mutants day03 offsets did not finish within 4 minutes");
        }
        String json = Files.readString(out, StandardCharsets.UTF_8);
        String log = Files.readString(err, StandardCharsets.UTF_8);
        JsonObject root = JsonParser.parseString(json).getAsJsonObject();
        assertEquals(0, p.exitValue(), "every mutant of day03/offsets is killed or accounted for:\n" + log + json);
        assertTrue(root.get("ok").getAsBoolean(), json);
        JsonObject offsets = root.getAsJsonArray("exercises").get(0).getAsJsonObject();
        assertEquals("day03/offsets", offsets.get("id").getAsString());
        assertTrue(offsets.get("mutants").getAsInt() > 10, json);
        assertTrue(offsets.get("killed").getAsInt() > offsets.get("mutants").getAsInt() / 2, "most mutants are killed:\n" + json);
        assertEquals(100, offsets.get("score").getAsInt(), json);
        assertEquals(0, offsets.getAsJsonArray("stale").size(), "no record of day03/offsets is stale:\n" + json);
        for (JsonElement s : offsets.getAsJsonArray("survivors")) {
            assertTrue(s.getAsJsonObject().get("file").getAsString().startsWith("day03/"), json);
            assertTrue(s.getAsJsonObject().has("equivalent"), "each survivor is accounted for:\n" + json);
        }
    }

    /** grade mutants day90 sum in JSON, with its results kept in a temporary folder of this test. */
    private Fixtures.Run mutants() throws Exception {
        return Fixtures.grade(home, home, jvmOptions(), List.of(), "mutants", "day90", "sum", "--format", "json");
    }

    private List<String> jvmOptions() throws Exception {
        return List.of("-Djava.io.tmpdir=" + Files.createDirectories(home.resolve("tmp")));
    }

    private static JsonObject only(String json) {
        JsonArray exercises = JsonParser.parseString(json).getAsJsonObject().getAsJsonArray("exercises");
        assertEquals(1, exercises.size(), json);
        return exercises.get(0).getAsJsonObject();
    }

    private static JsonObject survivor(JsonObject exercise, String description) {
        for (JsonElement s : exercise.getAsJsonArray("survivors")) {
            if (s.getAsJsonObject().get("description").getAsString().equals(description)) {
                return s.getAsJsonObject();
            }
        }
        throw new AssertionError("no survivor \"" + description + "\" in " + exercise);
    }
}
