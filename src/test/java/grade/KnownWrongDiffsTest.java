package grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grade.course.Catalogue;
import grade.course.Course;
import grade.course.Exercise;
import grade.course.WrongSolution;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every known-wrong diff of the course, applied by GNU patch as the README says
 * ({@code patch -p1 -d COPY_OF_REFERENCE < NAME.diff}), gives the same files as the
 * catalogue's own application of it, which is what verify grades.
 */
class KnownWrongDiffsTest {
    @TempDir
    Path scratch;

    @TestFactory
    Stream<DynamicTest> everyDiffAppliesWithPatchAsTheCatalogueAppliesIt() throws Exception {
        Path home = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
        Course course = Catalogue.load(home);
        List<WrongSolution> diffs = course.exercises().stream()
                .flatMap(e -> course.wrongSolutions(e).stream()).filter(WrongSolution::isDiff).toList();
        assertFalse(diffs.isEmpty(), "the course has known-wrong diffs");
        return diffs.stream().map(w -> DynamicTest.dynamicTest(w.exercise().id() + " " + w.name(), () -> {
            assertTrue(w.mistake().startsWith("Known wrong: "), w.source() + " starts with \"# Known wrong: ...\": " + w.mistake());
            Exercise e = w.exercise();
            Path ours = w.root(scratch.resolve("catalogue"));
            Path copy = scratch.resolve("patch").resolve(e.id()).resolve(w.name());
            for (String f : e.files()) {
                Files.createDirectories(copy.resolve(f).getParent());
                Files.copy(course.solution(e).resolve(f), copy.resolve(f));
            }
            String patched = Fixtures.runLogged(copy, Duration.ofSeconds(30), Map.of(),
                    List.of("sh", "-c", "patch -p1 --batch --no-backup-if-mismatch < \"$0\"", w.source().toString()));
            assertTrue(patched.startsWith("0\n") && !patched.contains("fuzz"), w.source() + " applies with patch -p1:\n" + patched);
            boolean changed = false;
            for (String f : e.files()) {
                String byPatch = Files.readString(copy.resolve(f), StandardCharsets.UTF_8);
                assertEquals(byPatch, Files.readString(ours.resolve(f), StandardCharsets.UTF_8), f + " as patch makes it");
                changed |= !byPatch.equals(Files.readString(course.solution(e).resolve(f), StandardCharsets.UTF_8));
            }
            assertTrue(changed, w.source() + " changes the reference solution");
            try (Stream<Path> left = Files.walk(copy)) {
                assertEquals(List.of(), left.filter(p -> p.toString().endsWith(".rej") || p.toString().endsWith(".orig")).toList());
            }
        }));
    }
}
