package grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exports run for real, from the packaged grader: Gradescope's run_autograder from the
 * unzipped zip on a real submission, and the GitHub workflow's grading step in a bundle.
 */
@DisabledOnOs(OS.WINDOWS)
class ExportIT {
    static final Path HOME = Path.of(System.getProperty("grade.home", "."));
    static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path tmp;

    static String run(Path dir, Map<String, String> env, String... command) throws Exception {
        Map<String, String> all = new java.util.HashMap<>(env);
        all.putIfAbsent("JAVA_HOME", System.getProperty("java.home"));
        return Fixtures.runLogged(dir, java.time.Duration.ofSeconds(300), all, List.of(command));
    }

    private static String grade(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(JAVA, "-Dgrade.home=" + HOME, "-jar", System.getProperty("grade.jar")));
        command.addAll(List.of(args));
        return run(dir, Map.of(), command.toArray(String[]::new));
    }

    static void unzip(Path zip, Path into) throws Exception {
        try (FileSystem z = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()), Map.of("enablePosixFileAttributes", "true"));
             Stream<Path> all = Files.walk(z.getPath("/"))) {
            for (Path p : all.toList()) {
                Path out = into.resolve(p.toString().substring(1));
                if (Files.isDirectory(p)) {
                    Files.createDirectories(out);
                } else {
                    Files.copy(p, out);
                    Files.setPosixFilePermissions(out, Files.getPosixFilePermissions(p));
                }
            }
        }
    }

    private static JsonObject results(Path root) throws Exception {
        return JsonParser.parseString(Files.readString(root.resolve("results/results.json"))).getAsJsonObject();
    }

    @Test
    void gradescopeAutograderGradesARealSubmissionAndAlwaysWritesResults() throws Exception {
        Path zip = tmp.resolve("day03.zip");
        String made = grade(tmp, "export", "gradescope", "day03", "-o", zip.toString(), "--force");
        assertTrue(made.startsWith("0\n"), made);

        Path root = tmp.resolve("autograder");
        Path source = Files.createDirectories(root.resolve("source"));
        unzip(zip, source);
        assertTrue(Files.getPosixFilePermissions(source.resolve("run_autograder")).contains(PosixFilePermission.OWNER_EXECUTE));
        assertTrue(Files.getPosixFilePermissions(source.resolve("setup.sh")).contains(PosixFilePermission.OWNER_EXECUTE));
        assertTrue(Files.readString(source.resolve("setup.sh")).contains("apt-get install -y --no-install-recommends openjdk-17-jdk-headless"));
        assertTrue(Files.isRegularFile(source.resolve("course/target/grade.jar")) && Files.isRegularFile(source.resolve("course/grade")));
        assertFalse(Files.exists(source.resolve("course/solutions")), "the zip holds the solutions");
        try (Stream<Path> s = Files.walk(source)) {
            List<Path> sources = s.filter(p -> p.toString().endsWith(".java")).toList();
            assertTrue(sources.stream().allMatch(p -> source.relativize(p).toString().matches("course/exercises/day\\d\\d/[^/]+/starter/.*")),
                    "only starters may be Java sources: " + sources);
        }

        // a submission as Gradescope unpacks it: one file bare, one in its day's folder inside another folder
        Path submission = Files.createDirectories(root.resolve("submission"));
        Files.copy(HOME.resolve("solutions/day03/offsets/day03/Offsets.java"), submission.resolve("Offsets.java"));
        Files.createDirectories(submission.resolve("homework/day03"));
        Files.copy(HOME.resolve("solutions/day03/tail/day03/Tail.java"), submission.resolve("homework/day03/Tail.java"));
        Files.writeString(submission.resolve("EchoServer.java"), "package day03; public class EchoServer { oops }");
        Map<String, String> env = Map.of("GRADE_AUTOGRADER_ROOT", root.toString());
        String ran = run(root, env, "bash", source.resolve("run_autograder").toString());
        assertTrue(ran.startsWith("0\n"), ran);
        assertTrue(ran.contains("grading homework/day03/Tail.java as day03/Tail.java"), ran);

        JsonObject o = results(root);
        assertEquals(50, o.get("max_score").getAsInt());
        java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
        int offsets = 0;
        int tail = 0;
        for (JsonElement t : o.getAsJsonArray("tests")) {
            JsonObject x = t.getAsJsonObject();
            for (String key : List.of("name", "number", "score", "max_score", "status", "output", "tags", "visibility")) {
                assertTrue(x.has(key), key + " in " + x);
            }
            String name = x.get("name").getAsString();
            assertEquals(name.substring(0, name.indexOf(':')), x.getAsJsonArray("tags").get(0).getAsString(), "tagged with its exercise");
            if (name.startsWith("day03/offsets: ")) {
                offsets++;
                assertEquals("passed", x.get("status").getAsString(), x.toString());
            }
            if (name.startsWith("day03/tail: ")) {
                tail++;
                assertEquals("passed", x.get("status").getAsString(), x.toString());
            }
            if (name.startsWith("day03/echo-server: ")) {
                assertEquals("day03/echo-server: compiles", name);
                assertTrue(x.get("output").getAsString().contains("EchoServer.java"), x.toString());
            }
            if (name.startsWith("day03/tee-log: ")) {
                assertEquals("day03/tee-log: files submitted", name, "no starter is graded in place of a missing file");
                assertEquals("missing day03/TeeLog.java", x.get("output").getAsString());
            }
            sum = sum.add(x.get("score").getAsBigDecimal());
        }
        assertTrue(offsets > 0 && tail > 0, o.toString());
        double score = o.get("score").getAsDouble();
        assertTrue(score >= 20 && score < 50, "offsets and tail pass, the rest do not: " + score);
        assertEquals(0, o.get("score").getAsBigDecimal().compareTo(sum), "the tests' scores add up to the score exactly: " + sum);
        assertTrue(ran.contains("the submission has no TeeLog.java: missing day03/TeeLog.java"), ran);

        // whatever breaks, Gradescope gets a results.json that says so
        Files.delete(source.resolve("course/target/grade.jar"));
        String broken = run(root, env, "bash", source.resolve("run_autograder").toString());
        assertTrue(broken.startsWith("0\n"), broken);
        JsonObject b = results(root);
        assertEquals(0.0, b.get("score").getAsDouble());
        assertTrue(b.get("output").getAsString().startsWith("The autograder could not grade this submission"), b.toString());
    }

    @Test
    void theGithubWorkflowsGradingStepReportsPointsFromABundle() throws Exception {
        String dist = grade(tmp, "dist", "--out", tmp.resolve("dist").toString(), "--force");
        assertTrue(dist.startsWith("0\n"), dist);
        Path repo;
        try (Stream<Path> s = Files.list(tmp.resolve("dist"))) {
            repo = s.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        String made = grade(repo, "export", "github", repo.toString(), "--day", "day03");
        assertTrue(made.startsWith("0\n"), made);
        Map<String, Object> step = ExportGithubTest.gradingStep(Files.readString(repo.resolve(".github/workflows/grade.yml")), "day03");

        // the learner's work, as pushed: offsets written, the rest still starters
        assertTrue(run(repo, Map.of(), "sh", "grade", "init", "homework").startsWith("0\n"));
        Files.copy(HOME.resolve("solutions/day03/offsets/day03/Offsets.java"), repo.resolve("homework/day03/Offsets.java"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path script = Files.writeString(tmp.resolve("step.sh"), (String) step.get("run"));
        Path output = Files.createFile(tmp.resolve("github_output"));
        Path summary = Files.createFile(tmp.resolve("step_summary"));
        Path runnerTemp = Files.createDirectories(tmp.resolve("runner_temp"));
        // as GitHub runs a bash step
        String ran = run(repo, Map.of("GITHUB_OUTPUT", output.toString(), "GITHUB_STEP_SUMMARY", summary.toString(),
                "RUNNER_TEMP", runnerTemp.toString()), "bash", "--noprofile", "--norc", "-eo", "pipefail", script.toString());
        assertTrue(ran.startsWith("0\n"), "the step must end well so that the reporter runs: " + ran);

        String line = Files.readString(output).strip();
        assertTrue(line.startsWith("result="), line);
        JsonObject result = JsonParser.parseString(new String(Base64.getDecoder().decode(line.substring(7)), StandardCharsets.UTF_8)).getAsJsonObject();
        assertEquals(1, result.get("version").getAsInt());
        assertEquals("fail", result.get("status").getAsString());
        assertEquals(50, result.get("max_score").getAsInt());
        JsonObject offsets = result.getAsJsonArray("tests").get(0).getAsJsonObject();
        assertTrue(offsets.get("name").getAsString().startsWith("day03/offsets"), offsets.toString());
        assertEquals("pass", offsets.get("status").getAsString());
        assertEquals(10.0, offsets.get("score").getAsDouble());
    }
}
