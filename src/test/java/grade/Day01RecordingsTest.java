package grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import day01.GnuCase;
import day01.GnuCases;
import day01.GnuReference;
import day01.GnuReference.Output;
import day01.GnuReference.Recording;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recorded GNU outputs of day01 (used by the hidden tests where GNU's tools are missing)
 * must describe exactly the cases the tests run, and must still be what GNU's tools print.
 * To record them again: {@code java -cp target/grade.jar day01.GnuReference grader/day01/recordings.json}.
 */
class Day01RecordingsTest {
    private static final String AGAIN = "; record again with: java -cp target/grade.jar day01.GnuReference grader/day01/recordings.json";

    @TempDir
    Path dir;

    @Test
    void everyCaseIsRecordedFromItsOwnInputs() {
        Map<String, Recording> recorded = GnuReference.recordings();
        List<String> problems = new ArrayList<>();
        for (GnuCase c : GnuCases.all()) {
            Recording r = recorded.get(c.id());
            if (r == null) {
                problems.add(c.id() + " has no recording");
            } else if (!r.sameInputs(c)) {
                problems.add(c.id() + " was recorded from other inputs than the case has now");
            }
        }
        List<String> ids = GnuCases.all().stream().map(GnuCase::id).toList();
        recorded.keySet().stream().filter(id -> !ids.contains(id)).forEach(id -> problems.add(id + " is recorded but is no case"));
        assertEquals(ids.size(), ids.stream().distinct().count(), "case ids must be unique");
        assertTrue(problems.isEmpty(), String.join("\n", problems) + AGAIN);
    }

    @TestFactory
    Stream<DynamicTest> recordingsAreWhatGnuPrints() {
        return GnuReference.recordings().values().stream().map(r -> DynamicTest.dynamicTest(r.id(), () -> {
            GnuCase c = r.asCase();
            assumeTrue(GnuReference.gnuVersion(c.tool()) != null, "GNU " + c.tool() + " is not on the PATH");
            Path caseDir = Files.createDirectory(dir.resolve(c.id().replace('/', '_')));
            c.writeFiles(caseDir);
            Output live = GnuReference.run(c, caseDir);
            assertEquals(r.stdout(), new String(live.stdout(), StandardCharsets.UTF_8), "stdout of " + c.commandLine() + AGAIN);
            assertEquals(r.exit(), live.exit(), "exit status of " + c.commandLine() + AGAIN);
        }));
    }
}
