package grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * `grade batch` with the packaged jar over a class of 50 generated day03 submissions
 * (bench/MakeSubmissions.java), each named after what it holds: every row of the gradebook
 * must be what its kind scores.
 */
@DisabledOnOs(OS.WINDOWS)
class BatchIT {
    @TempDir
    Path work;

    private static String run(Path dir, List<String> command) throws Exception {
        return Fixtures.runLogged(dir, java.time.Duration.ofMinutes(15), Map.of(), command);
    }

    @Test
    void fiftySubmissionsOfEveryKindGetTheRowsTheirKindsMustScore() throws Exception {
        Path home = Path.of(System.getProperty("grade.home"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path subs = work.resolve("class");
        String made = run(work, List.of(java, home.resolve("bench/MakeSubmissions.java").toString(), home.toString(), subs.toString(), "50"));
        assertTrue(made.startsWith("0\n"), made);
        List<String> batch = List.of(java, "-Dgrade.home=" + home, "-jar", System.getProperty("grade.jar"),
                "batch", subs.toString(), "day03/offsets", "day03/tail", "--jobs", "2", "--no-color");
        String out = run(work, batch);
        assertTrue(out.startsWith("0\n"), out);
        assertTrue(out.contains("batch: 48 graded, 0 unchanged (not graded again), 2 could not be graded"), out);

        List<String> lines = Files.readAllLines(subs.resolve("grades.csv"), StandardCharsets.UTF_8);
        assertEquals("submission,day03/offsets,day03/tail,total,note", lines.get(0));
        assertEquals(51, lines.size(), String.join("\n", lines));
        List<String> names = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", 5);
            String name = f[0];
            names.add(name);
            double offsets = Double.parseDouble(f[1]);
            double tail = Double.parseDouble(f[2]);
            double total = Double.parseDouble(f[3]);
            String note = f[4];
            String kind = name.substring(3);
            String result = Files.readString(subs.resolve("results/" + name + ".json"), StandardCharsets.UTF_8);
            String why = line + "\n" + result.substring(0, Math.min(result.length(), 4000));
            assertEquals(offsets + tail, total, 0.001, why);
            if (kind.equals("correct")) {
                assertTrue(offsets == 10 && tail == 10 && note.isEmpty(), why);
            } else if (kind.startsWith("wrong-offsets-")) {
                assertTrue(offsets < 10 && tail == 10 && note.matches("day03/offsets: \\d+ of 10 tests failed"), why);
            } else if (kind.startsWith("wrong-tail-")) {
                assertTrue(offsets == 10 && tail < 10 && note.matches("day03/tail: \\d+ of \\d+ tests failed"), why);
            } else if (kind.equals("nocompile")) {
                assertTrue(offsets == 0 && tail == 10 && note.equals("day03/offsets: did not compile"), why);
            } else if (kind.equals("hang")) {
                assertTrue(offsets > 0 && offsets < 10 && tail == 10 && result.contains("did not finish within 10 s")
                        && note.matches("day03/offsets: \\d+ of 10 tests failed"), why);
            } else if (kind.equals("exit")) {
                assertTrue(offsets == 0 && tail == 10 && result.contains("called System.exit(1)") && note.startsWith("day03/offsets: "), why);
            } else if (kind.equals("kill")) {
                // the exercise after the one that killed its test JVM runs in a fresh one
                assertTrue(offsets == 0 && tail == 10 && note.equals("day03/offsets: crashed"), why);
            } else if (kind.equals("missing")) {
                assertTrue(offsets == 0 && tail == 10 && note.equals("day03/offsets: missing day03/Offsets.java"), why);
            } else if (kind.equals("corrupt")) {
                assertTrue(total == 0 && note.startsWith("it is not a readable zip"), why);
            } else {
                throw new AssertionError("a kind this test does not know: " + line);
            }
        }
        assertEquals(names.stream().sorted().toList(), names, "rows are sorted by submission");

        String again = run(work, batch);
        assertTrue(again.startsWith("0\n") && again.contains("batch: 0 graded, 48 unchanged (not graded again), 2 could not be graded"), again);
        assertEquals(lines, Files.readAllLines(subs.resolve("grades.csv"), StandardCharsets.UTF_8));
    }
}
