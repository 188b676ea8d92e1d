package grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failing grade of each day of the course, under --lang zh, as a learner sees it with the
 * starters of a new workspace: no line of the grade is made only of English words
 * (ChineseScreensTest's rule).
 */
@DisabledOnOs(OS.WINDOWS)
class ChineseCourseIT {
    static final Path HOME = Path.of(System.getProperty("grade.home", "."));

    @TempDir
    Path tmp;

    private String grade(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(ExportIT.JAVA, "-Dgrade.home=" + HOME, "-jar", System.getProperty("grade.jar")));
        command.addAll(List.of(args));
        return ExportIT.run(tmp, Map.of(), command.toArray(String[]::new));
    }

    @TestFactory
    Stream<DynamicTest> aFailingGradeOfEachDayIsChinese() throws Exception {
        Path ws = tmp.resolve("homework");
        assertTrue(grade("init", ws.toString()).startsWith("0\n"));
        return Stream.of("day01", "day02", "day03", "day04", "day05", "day06", "day07").map(day -> DynamicTest.dynamicTest(day, () -> {
            String screen = grade("--lang", "zh", "--no-color", day, "-w", ws.toString());
            String header = "\n评分：" + day;
            assertTrue(screen.startsWith("1\n") && screen.contains(header), "the starters fail:\n" + screen);
            // the statements shown first hold code and command lines as they are; the grade follows
            String graded = screen.substring(screen.indexOf(header));
            assertEquals(List.of(), ChineseScreensTest.englishLines(graded), graded);
        }));
    }
}
