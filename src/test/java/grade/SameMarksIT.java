package grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import grade.course.Catalogue;
import grade.course.Course;
import grade.course.WrongSolution;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Same work, same marks, everywhere: one submission of day03 (offsets half right, tail missing,
 * tee-log right, dir-info nearly right, echo-server not compiling) is graded by ./grade in the
 * learner's workspace, by grade batch, by the Gradescope autograder (run_autograder run here as
 * Gradescope runs it), by Exercism's bin/run.sh on an Exercism-shaped folder, and by the GitHub
 * Classroom workflow's grading step, all from the learners' bundle. Every one gives each
 * exercise the same marks and the same total, and none grades a starter for the missing file.
 */
@DisabledOnOs(OS.WINDOWS)
class SameMarksIT {
    static final Path HOME = Path.of(System.getProperty("grade.home", "."));
    static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    static final List<String> EXERCISES = List.of("day03/offsets", "day03/tail", "day03/tee-log", "day03/dir-info", "day03/echo-server");
    static final Map<String, String> FILES = Map.of("day03/offsets", "day03/Offsets.java", "day03/tail", "day03/Tail.java",
            "day03/tee-log", "day03/TeeLog.java", "day03/dir-info", "day03/DirInfo.java", "day03/echo-server", "day03/EchoServer.java");

    @TempDir
    Path tmp;

    private static String run(Path dir, Map<String, String> env, String... command) throws Exception {
        return ExportIT.run(dir, env, command);
    }

    /** The submission: each submitted file by its place in a workspace; day03/Tail.java is not among them. */
    private Map<String, String> submission() throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("day03/Offsets.java", knownWrong("day03/offsets", "offset-in-characters", "day03/Offsets.java"));
        files.put("day03/TeeLog.java", Files.readString(HOME.resolve("solutions/day03/tee-log/day03/TeeLog.java")));
        files.put("day03/DirInfo.java", knownWrong("day03/dir-info", "exits-zero-on-error", "day03/DirInfo.java"));
        files.put("day03/EchoServer.java", "package day03;\n\npublic class EchoServer { oops }\n");
        return files;
    }

    /** The file of a known-wrong solution: the reference solution with its diff applied. */
    private String knownWrong(String exercise, String name, String file) throws Exception {
        Course course = Catalogue.load(HOME.toAbsolutePath());
        WrongSolution w = course.wrongSolutions(course.exercise(exercise).orElseThrow()).stream()
                .filter(x -> x.name().equals(name)).findFirst().orElseThrow();
        return Files.readString(w.root(tmp.resolve("wrong")).resolve(file));
    }

    private static void put(Path root, Map<String, String> files, java.util.function.UnaryOperator<String> place) throws Exception {
        for (Map.Entry<String, String> f : files.entrySet()) {
            Fixtures.write(root.resolve(place.apply(f.getKey())), f.getValue());
        }
    }

    private static JsonObject json(Path file) throws Exception {
        return JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
    }

    private static BigDecimal dec(JsonObject o, String key) {
        return o.get(key).getAsBigDecimal().stripTrailingZeros();
    }

    @Test
    void oneSubmissionGetsTheSameMarksFromEveryWayOfGrading() throws Exception {
        String dist = run(tmp, Map.of(), JAVA, "-Dgrade.home=" + HOME, "-jar", System.getProperty("grade.jar"), "dist", "--out",
                tmp.resolve("dist").toString(), "--force");
        assertTrue(dist.startsWith("0\n"), dist);
        Path bundle;
        try (Stream<Path> s = Files.list(tmp.resolve("dist"))) {
            bundle = s.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        String grade = bundle.resolve("grade").toString();
        Map<String, String> files = submission();
        Map<String, Map<String, BigDecimal>> marks = new LinkedHashMap<>();

        // ./grade, in the learner's own workspace, from which Tail.java was deleted
        Path ws = bundle.resolve("homework");
        assertTrue(run(bundle, Map.of(), "sh", grade, "init", ws.toString()).startsWith("0\n"));
        Files.delete(ws.resolve("day03/Tail.java"));
        put(ws, files, f -> f);
        String own = run(bundle, Map.of(), "sh", grade, "day03", "-w", ws.toString(), "--no-color", "--format", "json", "--output",
                tmp.resolve("own.json").toString());
        assertTrue(own.startsWith("1\n"), own);
        assertFalse(Files.exists(ws.resolve("day03/Tail.java")), "no starter was put back for the missing file");
        JsonObject ownJson = json(tmp.resolve("own.json"));
        Map<String, BigDecimal> byOwn = new LinkedHashMap<>();
        Map<String, Map<String, BigDecimal>> worth = new TreeMap<>();
        for (JsonElement x : ownJson.getAsJsonArray("exercises")) {
            JsonObject e = x.getAsJsonObject();
            byOwn.put(e.get("id").getAsString(), dec(e, "score"));
            Map<String, BigDecimal> tests = new LinkedHashMap<>();
            e.getAsJsonArray("tests").forEach(t -> tests.put(e.get("id").getAsString() + ": " + t.getAsJsonObject().get("name").getAsString(),
                    dec(t.getAsJsonObject(), "max_score")));
            worth.put(e.get("id").getAsString(), tests);
        }
        marks.put("./grade", byOwn);
        assertEquals("missing day03/Tail.java", ownJson.getAsJsonArray("exercises").get(1).getAsJsonObject().get("message").getAsString());

        // grade batch, on the same files as a learner's folder
        Path subs = Files.createDirectories(tmp.resolve("class"));
        put(subs.resolve("alice"), files, f -> f);
        String batch = run(bundle, Map.of(), "sh", grade, "batch", subs.toString(), "day03", "--jobs", "1", "--no-color");
        assertTrue(batch.startsWith("0\n"), batch);
        JsonObject alice = json(subs.resolve("results/alice.json"));
        Map<String, BigDecimal> byBatch = new LinkedHashMap<>();
        alice.getAsJsonArray("exercises").forEach(x -> byBatch.put(x.getAsJsonObject().get("id").getAsString(), dec(x.getAsJsonObject(), "score")));
        marks.put("grade batch", byBatch);
        List<String> csv = Files.readAllLines(subs.resolve("grades.csv"), StandardCharsets.UTF_8);
        assertTrue(csv.get(1).contains("day03/tail: missing day03/Tail.java") && csv.get(1).contains("day03/echo-server: did not compile")
                && csv.get(1).contains("day03/offsets: "), "the note gives a reason for each exercise short of full marks: " + csv.get(1));

        // the Gradescope autograder, from the zip, on the files as a learner uploads them (one bare, the rest in a folder)
        Path zip = tmp.resolve("day03.zip");
        String made = run(tmp, Map.of(), JAVA, "-Dgrade.home=" + HOME, "-jar", System.getProperty("grade.jar"), "export", "gradescope", "day03",
                "-o", zip.toString(), "--force");
        assertTrue(made.startsWith("0\n"), made);
        Path root = tmp.resolve("autograder");
        ExportIT.unzip(zip, Files.createDirectories(root.resolve("source")));
        put(root.resolve("submission"), files, f -> f.equals("day03/Offsets.java") ? "Offsets.java" : "homework/" + f);
        String ran = run(root, Map.of("GRADE_AUTOGRADER_ROOT", root.toString()), "bash", root.resolve("source/run_autograder").toString());
        assertTrue(ran.startsWith("0\n") && ran.contains("the submission has no Tail.java: missing day03/Tail.java"), ran);
        JsonObject gs = json(root.resolve("results/results.json"));
        Map<String, BigDecimal> byGradescope = new LinkedHashMap<>();
        EXERCISES.forEach(id -> byGradescope.put(id, BigDecimal.ZERO));
        for (JsonElement t : gs.getAsJsonArray("tests")) {
            byGradescope.merge(t.getAsJsonObject().getAsJsonArray("tags").get(0).getAsString(), dec(t.getAsJsonObject(), "score"), BigDecimal::add);
        }
        byGradescope.replaceAll((k, v) -> v.stripTrailingZeros());
        marks.put("Gradescope", byGradescope);
        assertEquals(dec(ownJson, "score"), dec(gs, "score"), "Gradescope's total");

        // Exercism's bin/run.sh, one exercise at a time, on a folder laid out as Exercism's Java track does
        Map<String, BigDecimal> byExercism = new LinkedHashMap<>();
        for (String id : EXERCISES) {
            String slug = id.substring(id.indexOf('/') + 1);
            Path input = tmp.resolve("exercism/" + slug + "/input");
            Files.createDirectories(input);
            String file = FILES.get(id);
            if (files.containsKey(file)) {
                Fixtures.write(input.resolve("src/main/java/" + file), files.get(file));
            }
            // the rest of a solution folder as Exercism's Java track hands it over
            Fixtures.write(input.resolve(".exercism/config.json"), "{\"files\": {\"solution\": [\"src/main/java/" + file + "\"]}}\n");
            Fixtures.write(input.resolve("build.gradle"), "plugins { id \"java\" }\n");
            Fixtures.write(input.resolve("HELP.md"), "# Help\n");
            Map<String, String> before = BatchTest.snapshot(input);
            Path output = tmp.resolve("exercism/" + slug + "/output");
            String ex = run(tmp, Map.of(), "sh", bundle.resolve("bin/run.sh").toString(), slug.equals("tail") ? "day03-tail" : slug,
                    input + "/", output + "/");
            assertTrue(ex.startsWith("0\n"), "the runner exits 0 whatever the tests say: " + ex);
            assertEquals(before, BatchTest.snapshot(input), "the input folder is only read");
            JsonObject r = json(output.resolve("results.json"));
            assertEquals(2, r.get("version").getAsInt());
            BigDecimal earned = BigDecimal.ZERO;
            for (JsonElement t : r.getAsJsonArray("tests")) {
                JsonObject o = t.getAsJsonObject();
                if (o.get("status").getAsString().equals("pass")) {
                    earned = earned.add(worth.get(id).get(o.get("name").getAsString()));
                    assertTrue(o.has("test_code"), "a visible test carries its code: " + o);
                }
            }
            byExercism.put(id, earned.stripTrailingZeros());
            if (id.equals("day03/tail")) {
                assertEquals("error", r.get("status").getAsString());
                assertEquals("day03/tail: missing day03/Tail.java", r.get("message").getAsString());
            }
        }
        marks.put("Exercism", byExercism);

        // GitHub Classroom: the workflow's grading step, in the student repository (the bundle with the learner's homework/)
        String made2 = run(bundle, Map.of(), "sh", grade, "export", "github", bundle.toString(), "--day", "day03");
        assertTrue(made2.startsWith("0\n"), made2);
        Map<String, Object> step = ExportGithubTest.gradingStep(Files.readString(bundle.resolve(".github/workflows/grade.yml")), "day03");
        Path script = Files.writeString(tmp.resolve("step.sh"), (String) step.get("run"));
        Path output = Files.createFile(tmp.resolve("github_output"));
        Path summary = Files.createFile(tmp.resolve("step_summary"));
        String stepRun = run(bundle, Map.of("GITHUB_OUTPUT", output.toString(), "GITHUB_STEP_SUMMARY", summary.toString(),
                "RUNNER_TEMP", Files.createDirectories(tmp.resolve("runner_temp")).toString()), "bash", "--noprofile", "--norc", "-eo", "pipefail",
                script.toString());
        assertTrue(stepRun.startsWith("0\n"), stepRun);
        String line = Files.readString(output).strip();
        JsonObject classroom = JsonParser.parseString(new String(Base64.getDecoder().decode(line.substring("result=".length())),
                StandardCharsets.UTF_8)).getAsJsonObject();
        Map<String, BigDecimal> byClassroom = new LinkedHashMap<>();
        BigDecimal classroomTotal = BigDecimal.ZERO;
        for (JsonElement t : classroom.getAsJsonArray("tests")) {
            String name = t.getAsJsonObject().get("name").getAsString();
            byClassroom.put(name.substring(0, name.indexOf(' ')), dec(t.getAsJsonObject(), "score"));
            classroomTotal = classroomTotal.add(dec(t.getAsJsonObject(), "score"));
        }
        marks.put("GitHub Classroom", byClassroom);
        assertEquals(dec(ownJson, "score"), classroomTotal.stripTrailingZeros(), "the points the reporter adds up");
        if (Files.readString(summary).contains("###")) {
            assertTrue(Files.readString(summary).contains("### day03: " + dec(ownJson, "score").toPlainString() + "/50 points"), Files.readString(summary));
        }

        String table = table(marks);
        Files.createDirectories(HOME.resolve("target"));
        Files.writeString(HOME.resolve("target/same-marks.md"), table);
        for (Map.Entry<String, Map<String, BigDecimal>> m : marks.entrySet()) {
            assertEquals(byOwn, m.getValue(), m.getKey() + " gives other marks than ./grade:\n" + table);
        }
        assertEquals(0, byOwn.get("day03/tail").signum(), "nothing for the missing file");
        assertTrue(byOwn.get("day03/offsets").signum() > 0 && byOwn.get("day03/offsets").compareTo(BigDecimal.TEN) < 0, table);
    }

    /** The marks side by side, as Markdown: one row per exercise, one column per way of grading, and the totals. */
    static String table(Map<String, Map<String, BigDecimal>> marks) {
        StringBuilder sb = new StringBuilder("| exercise | " + String.join(" | ", marks.keySet()) + " |\n|---" + "|---".repeat(marks.size()) + "|\n");
        for (String id : EXERCISES) {
            sb.append("| ").append(id);
            marks.values().forEach(m -> sb.append(" | ").append(m.getOrDefault(id, BigDecimal.ZERO).toPlainString()));
            sb.append(" |\n");
        }
        sb.append("| total");
        marks.values().forEach(m -> sb.append(" | ").append(m.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add).toPlainString()));
        return sb.append(" |\n").toString();
    }
}
