package grade.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Submissions found, copied and unzipped as real files and real zips. */
class UnpackTest {
    @TempDir
    Path dir;
    @TempDir
    Path into;

    static void zip(Path file, Map<String, String> entries) throws IOException {
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(file), StandardCharsets.UTF_8)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
    }

    private static Submission zipped(Path p) {
        return new Submission("x", p, true);
    }

    @Test
    void aFlatZipAndAWrappedZipBothGiveTheFolderHoldingTheDays() throws Exception {
        zip(dir.resolve("flat.zip"), Map.of("day90/Sum.java", "flat"));
        zip(dir.resolve("wrapped.zip"), Map.of("alice/day90/Sum.java", "wrapped", "__MACOSX/alice/._Sum.java", "junk"));
        Path flat = Unpack.into(zipped(dir.resolve("flat.zip")), Files.createDirectory(into.resolve("a")));
        assertEquals("flat", Files.readString(flat.resolve("day90/Sum.java")));
        Path wrapped = Unpack.into(zipped(dir.resolve("wrapped.zip")), Files.createDirectory(into.resolve("b")));
        assertEquals("wrapped", Files.readString(wrapped.resolve("day90/Sum.java")));
        assertEquals(into.resolve("b/alice"), wrapped);
    }

    @Test
    void aFolderIsCopiedWithoutItsHiddenFilesAndLinksAndIsNotChanged() throws Exception {
        Path sub = Files.createDirectories(dir.resolve("bob/day90"));
        Files.writeString(sub.resolve("Sum.java"), "bob");
        Files.createDirectories(dir.resolve("bob/.git"));
        Files.writeString(dir.resolve("bob/.git/config"), "secret");
        Path secret = Files.writeString(dir.resolve("elsewhere.txt"), "not bob's");
        Files.createSymbolicLink(sub.resolve("Link.java"), secret);
        Path root = Unpack.into(new Submission("bob", dir.resolve("bob"), false), into);
        assertEquals("bob", Files.readString(root.resolve("day90/Sum.java")));
        assertFalse(Files.exists(root.resolve(".git")), "hidden folders are not copied");
        assertFalse(Files.exists(root.resolve("day90/Link.java"), java.nio.file.LinkOption.NOFOLLOW_LINKS), "links are not followed");
        Files.writeString(root.resolve("day90/Sum.java"), "changed in the copy");
        assertEquals("bob", Files.readString(sub.resolve("Sum.java")));
    }

    @Test
    void anEntryThatPointsOutsideIsRefusedAndNothingIsWrittenThere() throws Exception {
        zip(dir.resolve("slip.zip"), new java.util.LinkedHashMap<>(Map.of("day90/Sum.java", "ok", "../../evil.txt", "evil")));
        BrokenSubmission e = assertThrows(BrokenSubmission.class,
                () -> Unpack.into(zipped(dir.resolve("slip.zip")), Files.createDirectory(into.resolve("in"))));
        assertTrue(e.getMessage().contains("points outside it (../../evil.txt)"), e.getMessage());
        assertFalse(Files.exists(into.resolve("../evil.txt").normalize()));
        assertFalse(Files.exists(into.resolve("evil.txt")));
    }

    @Test
    void aZipBombIsABrokenSubmission() throws Exception {
        Path bomb = dir.resolve("bomb.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(bomb))) {
            z.putNextEntry(new ZipEntry("day90/Sum.java"));
            byte[] zeros = new byte[1024 * 1024];
            for (long i = 0; i <= Unpack.MAX_BYTES / zeros.length; i++) {
                z.write(zeros);
            }
            z.closeEntry();
        }
        assertTrue(Files.size(bomb) < 1024 * 1024, "the bomb is small: " + Files.size(bomb));
        BrokenSubmission e = assertThrows(BrokenSubmission.class, () -> Unpack.into(zipped(bomb), into));
        assertTrue(e.getMessage().contains("more than 64 MiB"), e.getMessage());
    }

    @Test
    void aCorruptZipOrOneWithNoDaysIsABrokenSubmission() throws Exception {
        zip(dir.resolve("good.zip"), Map.of("day90/Sum.java", "x".repeat(2000)));
        byte[] bytes = Files.readAllBytes(dir.resolve("good.zip"));
        Path cut = Files.write(dir.resolve("cut.zip"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        BrokenSubmission corrupt = assertThrows(BrokenSubmission.class, () -> Unpack.into(zipped(cut), Files.createDirectory(into.resolve("a"))));
        assertTrue(corrupt.getMessage().contains("not a readable zip"), corrupt.getMessage());
        zip(dir.resolve("nodays.zip"), Map.of("homework/notes.txt", "hello"));
        BrokenSubmission none = assertThrows(BrokenSubmission.class,
                () -> Unpack.into(zipped(dir.resolve("nodays.zip")), Files.createDirectory(into.resolve("b"))));
        assertTrue(none.getMessage().contains("nothing to grade: no dayNN/ folder (such as day03/) at its top or in homework/"), none.getMessage());
    }

    @Test
    void submissionsAreFoldersAndZipsButNotHiddenEntriesOrTheBatchsOwnFiles() throws Exception {
        Files.createDirectories(dir.resolve("alice"));
        Files.createDirectories(dir.resolve("bob"));
        zip(dir.resolve("bob.zip"), Map.of("day90/Sum.java", ""));
        zip(dir.resolve("林.ZIP"), Map.of("day90/Sum.java", ""));
        Files.createDirectories(dir.resolve(".hidden"));
        Files.createDirectories(dir.resolve("results"));
        Files.writeString(dir.resolve("grades.csv"), "");
        Files.writeString(dir.resolve("notes.txt"), "");
        Submission.Found found = Submission.find(dir, Set.of(dir.resolve("results"), dir.resolve("grades.csv")));
        assertEquals(List.of("alice", "bob", "bob.zip", "林"), found.submissions().stream().map(Submission::name).toList());
        assertEquals(List.of("notes.txt"), found.ignored());
    }

    @Test
    void theFingerprintFollowsTheFilesAndTheContext() throws Exception {
        Path sub = Files.createDirectories(dir.resolve("alice/day90"));
        Files.writeString(sub.resolve("Sum.java"), "one");
        Submission alice = new Submission("alice", dir.resolve("alice"), false);
        String first = Fingerprint.of(alice, "grader A");
        assertEquals(first, Fingerprint.of(alice, "grader A"));
        assertFalse(first.equals(Fingerprint.of(alice, "grader B")), "another grader grades again");
        Files.writeString(dir.resolve("alice/.grade-notes"), "hidden files do not count");
        assertEquals(first, Fingerprint.of(alice, "grader A"));
        Files.writeString(sub.resolve("Sum.java"), "two");
        assertFalse(first.equals(Fingerprint.of(alice, "grader A")), "a changed file is graded again");
        Files.writeString(sub.resolve("Sum.java"), "one");
        Files.move(sub.resolve("Sum.java"), sub.resolve("Other.java"));
        assertFalse(first.equals(Fingerprint.of(alice, "grader A")), "a renamed file is graded again");
    }
}
