package grade.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grade.course.Exercise;
import grade.course.Localized;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which submitted file is graded as which file of an exercise, whatever the platform's layout. */
class SubmittedFilesTest {
    @TempDir
    Path submission;
    @TempDir
    Path into;

    private static Exercise exercise(String id, String... files) {
        return new Exercise(id, new Localized("T", "题"), List.of(files), List.of("x.XTest"), 10, 10,
                List.of(new Localized("a", "甲"), new Localized("b", "乙")), Path.of("exercises", id));
    }

    private void file(String path, String text) throws Exception {
        Files.createDirectories(submission.resolve(path).getParent());
        Files.writeString(submission.resolve(path), text);
    }

    @Test
    void eachFileComesFromItsDayFolderAnywhereElseByNameAndNeverFromBackupsOrHiddenFolders() throws Exception {
        file("backups/2026-12-01/day03/Tail.java", "a backup");
        file("zz/deep/er/day03/Tail.java", "deeper");
        file("homework/day03/Tail.java", "the learner's");
        file("a/b/c/Offsets.java", "bare, deep");
        file("src/main/java/day03/Offsets.java", "Exercism's layout");
        file("Echo.java", "bare");
        file("__MACOSX/day03/TeeLog.java", "a Mac's resource fork");
        file(".git/day03/DirInfo.java", "hidden");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        SubmittedFiles.collect(submission, List.of(exercise("day03/tail", "day03/Tail.java"), exercise("day03/offsets", "day03/Offsets.java"),
                exercise("day03/echo", "day03/Echo.java"), exercise("day03/tee-log", "day03/TeeLog.java"),
                exercise("day03/dir-info", "day03/DirInfo.java")), into, new PrintStream(log, true, StandardCharsets.UTF_8));
        assertEquals("the learner's", Files.readString(into.resolve("day03/Tail.java")), "the shallowest dayNN/Name.java, never a backup");
        assertEquals("Exercism's layout", Files.readString(into.resolve("day03/Offsets.java")), "dayNN/Name.java before a bare Name.java");
        assertEquals("bare", Files.readString(into.resolve("day03/Echo.java")));
        assertFalse(Files.exists(into.resolve("day03/TeeLog.java")) || Files.exists(into.resolve("day03/DirInfo.java")));
        String said = log.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("grading homework/day03/Tail.java as day03/Tail.java"), said);
        assertTrue(said.contains("grading src/main/java/day03/Offsets.java as day03/Offsets.java"), said);
        assertTrue(said.contains("the submission has no TeeLog.java: missing day03/TeeLog.java"), said);
    }
}
