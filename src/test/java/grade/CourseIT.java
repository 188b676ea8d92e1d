package grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The whole course, checked with the packaged grader as CI runs it: {@code grade verify} proves
 * that every reference solution passes, every starter earns nothing and every known-wrong
 * solution fails. Each check becomes one test here.
 */
class CourseIT {
    @TestFactory
    Stream<DynamicNode> everyExerciseOfTheCourseIsSound() throws Exception {
        Path jar = Path.of(System.getProperty("grade.jar"));
        Path home = Path.of(System.getProperty("grade.home"));
        Path out = Files.createTempFile("verify", ".json");
        Path err = Files.createTempFile("verify", ".err");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dgrade.home=" + home, "-jar", jar.toString(), "verify", "--format", "json", "--no-color")
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(30, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("grade verify did not finish within 30 minutes");
        }
        String json = Files.readString(out, StandardCharsets.UTF_8);
        String log = Files.readString(err, StandardCharsets.UTF_8);
        assertTrue(p.exitValue() == 0 || p.exitValue() == 1, "grade verify failed to run (exit " + p.exitValue() + "):\n" + log + json);
        JsonObject root = JsonParser.parseString(json).getAsJsonObject();
        List<DynamicNode> nodes = new ArrayList<>();
        for (JsonElement e : root.getAsJsonArray("exercises")) {
            JsonObject ex = e.getAsJsonObject();
            List<DynamicTest> checks = new ArrayList<>();
            for (JsonElement c : ex.getAsJsonArray("checks")) {
                JsonObject check = c.getAsJsonObject();
                checks.add(DynamicTest.dynamicTest(check.get("name").getAsString(), () ->
                        assertEquals("pass", check.get("status").getAsString(), check.get("message").getAsString())));
            }
            nodes.add(DynamicContainer.dynamicContainer(ex.get("id").getAsString(), checks));
        }
        assertTrue(nodes.size() > 0, "grade verify checked no exercise");
        return nodes.stream();
    }
}
