package grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The learners' bundle: no solution, no test source, and enough to init, show, grade and get hints. */
@DisabledOnOs(OS.WINDOWS)
class DistIT {
    @TempDir
    Path out;

    private static String run(Path dir, String... command) throws Exception {
        return Fixtures.runLogged(dir, java.time.Duration.ofSeconds(180), Map.of(), List.of(command));
    }

    @Test
    void aLearnerWithOnlyTheBundleCanWork() throws Exception {
        Path home = Path.of(System.getProperty("grade.home"));
        String made = run(home, Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dgrade.home=" + home, "-jar", System.getProperty("grade.jar"), "dist", "--out", out.toString(), "--force");
        assertTrue(made.startsWith("0\n"), made);
        Path bundle;
        try (Stream<Path> s = Files.list(out)) {
            bundle = s.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        assertTrue(Files.exists(bundle.resolveSibling(bundle.getFileName() + ".zip")));
        assertFalse(Files.exists(bundle.resolve("solutions")), "the bundle holds the solutions");
        assertFalse(Files.exists(bundle.resolve("grader")), "the bundle holds the test sources");
        try (Stream<Path> s = Files.walk(bundle)) {
            List<Path> sources = s.filter(p -> p.toString().endsWith(".java")).toList();
            assertTrue(sources.stream().allMatch(p -> bundle.relativize(p).toString().matches("exercises/day\\d\\d/[^/]+/starter/.*")),
                    "only starters may be Java sources: " + sources);
            assertFalse(sources.isEmpty());
        }
        Path learner = Files.createDirectories(out.resolve("learner"));
        String init = run(learner, "sh", bundle.resolve("grade").toString(), "init", learner.resolve("hw").toString());
        assertTrue(init.startsWith("0\n"), init);
        String show = run(learner, "sh", bundle.resolve("grade").toString(), "show", "day03", "offsets", "--lang", "zh");
        assertTrue(show.startsWith("0\n") && show.contains("偏移量"), show);
        String grade = run(learner.resolve("hw"), "sh", bundle.resolve("grade").toString(), "day03", "offsets", "--no-color");
        assertTrue(grade.startsWith("1\n") && grade.contains("not written yet"), grade);
        String hint = run(learner.resolve("hw"), "sh", bundle.resolve("grade").toString(), "hint", "day03", "offsets");
        assertTrue(hint.startsWith("0\n") && hint.contains("Hint 1/"), hint);
        String solutions = run(learner.resolve("hw"), "sh", bundle.resolve("grade").toString(), "day03", "offsets", "--solutions");
        assertTrue(solutions.startsWith("2\n") && solutions.contains("no reference solutions"), solutions);
    }
}
