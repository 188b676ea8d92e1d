package day02;

import static java.nio.charset.StandardCharsets.UTF_8;

import grade.kit.Expect;
import grade.kit.LearnerProgram;
import grade.kit.ProgramResult;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("day02/copy")
class CopyTest {
    private static final byte[] PRECIOUS = "precious notes\n你好，世界\n".getBytes(UTF_8);

    @TempDir
    Path dir;

    /** Runs Copy in the test's folder, so SRC and DST can be given as the short paths a person types. */
    private ProgramResult copy(String src, String dst) {
        return LearnerProgram.of("day02.Copy").args(src, dst).dir(dir).run(Duration.ofSeconds(10));
    }

    private Path write(String name, byte[] content) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        return Files.write(p, content);
    }

    private static void expectCopied(ProgramResult r, String situation, long bytes) {
        Expect.that(r.exitCode() == 0, situation + ": Copy should succeed (exit status 0) but exited with status "
                + r.exitCode() + "\n" + r.describe());
        Expect.sameLines("what Copy printed on stdout (" + situation + ")", List.of("copied " + bytes + " bytes"), r.lines());
    }

    /** The copy must equal the original byte for byte; says where they first differ. */
    private static void expectSameFile(Path original, Path copy, String situation) throws IOException {
        Expect.that(Files.isRegularFile(copy), situation + ": there is no file " + copy.getFileName() + " after the copy");
        long at = Files.mismatch(original, copy);
        if (at >= 0) {
            throw Expect.fail(situation + ": the copy is not the same as the original. The original has "
                    + Files.size(original) + " bytes, the copy " + Files.size(copy) + "; they first differ at byte " + at
                    + (at == Math.min(Files.size(original), Files.size(copy))
                    ? (Files.size(copy) > Files.size(original) ? " (the copy has extra bytes at its end)" : " (the copy is cut short)")
                    : ""));
        }
    }

    /** An error case: exit status 1 and a message on stderr that names one of the paths involved. */
    private static void expectRefused(ProgramResult r, String situation, String... names) {
        Expect.that(r.exitCode() == 1, "when " + situation + ", Copy should print a message on stderr and exit with status 1;"
                + " it exited with status " + r.exitCode() + "\n" + r.describe());
        Expect.that(Arrays.stream(names).anyMatch(r.stderr()::contains), "when " + situation
                + ", the message on stderr should name the path (" + names[0] + ")\n" + r.describe());
    }

    private static void expectUnchanged(Path file, byte[] content, String situation) throws IOException {
        expectUnchanged(file, content, situation, "opening it for writing emptied it: check everything before you open DST");
    }

    /** {@code ifEmptied} says what to do when the file was emptied, the usual way of losing it. */
    private static void expectUnchanged(Path file, byte[] content, String situation, String ifEmptied) throws IOException {
        Expect.that(Files.isRegularFile(file), "when " + situation + ", " + file.getFileName() + " must be left as it was,"
                + " but it is gone");
        byte[] now = Files.readAllBytes(file);
        if (!Arrays.equals(now, content)) {
            throw Expect.fail("when " + situation + ", " + file.getFileName() + " must be left as it was: it had "
                    + content.length + " bytes, now it has " + now.length + (now.length == 0 ? ".\n" + ifEmptied + "." : ""));
        }
    }

    @Test
    @DisplayName("copies a text file with Chinese and prints `copied N bytes`")
    void copiesText() throws Exception {
        byte[] text = "你好, world\n第二行\r\nno newline at the end".getBytes(UTF_8);
        Path src = write("notes.txt", text);
        ProgramResult r = copy("notes.txt", "copy.txt");
        expectCopied(r, "copying a text file of " + text.length + " bytes", text.length);
        expectSameFile(src, dir.resolve("copy.txt"), "copying notes.txt to copy.txt");
        expectUnchanged(src, text, "copying it");
    }

    @Test
    @DisplayName("copies a binary file byte for byte: every byte value, a size that is no multiple of a buffer")
    void copiesBinary() throws Exception {
        byte[] data = new byte[1_000_003];
        new SplittableRandom(2).nextBytes(data);
        for (int i = 0; i < 256; i++) {
            data[i] = (byte) i;
        }
        Path src = write("photo.jpg", data);
        ProgramResult r = copy("photo.jpg", "photo-copy.jpg");
        expectCopied(r, "copying a binary file of " + data.length + " bytes", data.length);
        expectSameFile(src, dir.resolve("photo-copy.jpg"), "copying a binary file of " + data.length + " bytes");
    }

    @Test
    @DisplayName("copies an empty file: `copied 0 bytes` and an empty DST")
    void copiesEmpty() throws Exception {
        write("empty.txt", new byte[0]);
        ProgramResult r = copy("empty.txt", "empty-copy.txt");
        expectCopied(r, "copying an empty file", 0);
        Path out = dir.resolve("empty-copy.txt");
        Expect.that(Files.isRegularFile(out) && Files.size(out) == 0, "copying an empty file should create an empty "
                + out.getFileName() + "; " + (Files.exists(out) ? "it has " + Files.size(out) + " bytes" : "there is none"));
    }

    @Test
    @DisplayName("overwrites an existing DST that is longer than SRC, leaving none of its old bytes")
    void overwrites() throws Exception {
        Path src = write("new.txt", "new content\n".getBytes(UTF_8));
        write("old.txt", "old content, much longer than the new one\n".repeat(100).getBytes(UTF_8));
        ProgramResult r = copy("new.txt", "old.txt");
        expectCopied(r, "copying a 12-byte file over a 4,300-byte one", 12);
        expectSameFile(src, dir.resolve("old.txt"), "copying new.txt over the longer old.txt");
    }

    @Test
    @DisplayName("copies a 64 MiB file with a 16 MiB heap: it streams through a buffer")
    void streams() throws Exception {
        Path src = dir.resolve("big.bin");
        long size = (64L << 20) + 123;
        byte[] chunk = new byte[1 << 20];
        SplittableRandom random = new SplittableRandom(64);
        try (OutputStream out = Files.newOutputStream(src)) {
            for (long left = size; left > 0; left -= chunk.length) {
                random.nextBytes(chunk);
                out.write(chunk, 0, (int) Math.min(chunk.length, left));
            }
        }
        ProgramResult r = LearnerProgram.of("day02.Copy").jvmArgs("-Xmx16m").args("big.bin", "big-copy.bin").dir(dir)
                .run(Duration.ofSeconds(25));
        if (r.exitCode() != 0 && r.stderr().contains("OutOfMemoryError")) {
            throw Expect.fail("copying a 64 MiB file with a 16 MiB heap (-Xmx16m), your program ran out of memory."
                    + " Do not read the whole file at once: read a block into a fixed-size buffer, write it, and repeat.\n"
                    + r.describe());
        }
        expectCopied(r, "copying a 64 MiB file with a 16 MiB heap (-Xmx16m)", size);
        expectSameFile(src, dir.resolve("big-copy.bin"), "copying a 64 MiB file");
    }

    @Test
    @DisplayName("SRC missing: a message naming it, exit 1, and an existing DST left as it was")
    void srcMissing() throws Exception {
        Path keep = write("keep.txt", PRECIOUS);
        ProgramResult r = copy("missing.txt", "keep.txt");
        String situation = "SRC (missing.txt) does not exist";
        expectRefused(r, situation, "missing.txt");
        expectUnchanged(keep, PRECIOUS, situation);
    }

    @Test
    @DisplayName("SRC a folder: a message naming it, exit 1, and an existing DST left as it was")
    void srcFolder() throws Exception {
        write("photos/a.jpg", new byte[] {1, 2, 3});
        Path keep = write("keep.txt", PRECIOUS);
        ProgramResult r = copy("photos", "keep.txt");
        String situation = "SRC (photos) is a folder";
        expectRefused(r, situation, "photos");
        expectUnchanged(keep, PRECIOUS, situation);
        expectUnchanged(dir.resolve("photos/a.jpg"), new byte[] {1, 2, 3}, situation);
    }

    @Test
    @DisplayName("DST's folder missing: a message naming it, exit 1, and no folder made")
    void dstFolderMissing() throws Exception {
        Path src = write("notes.txt", PRECIOUS);
        ProgramResult r = copy("notes.txt", "no-such-folder/notes.txt");
        String situation = "the folder of DST (no-such-folder/notes.txt) does not exist";
        expectRefused(r, situation, "no-such-folder");
        Expect.that(!Files.exists(dir.resolve("no-such-folder")), "when " + situation
                + ", Copy must not create the folder: it is an error, as with Python's open(..., 'wb')");
        expectUnchanged(src, PRECIOUS, situation);
    }

    @Test
    @DisplayName("DST an existing folder: a message naming it, exit 1, and the folder left as it was")
    void dstFolder() throws Exception {
        Path src = write("notes.txt", PRECIOUS);
        Path inside = write("backup/old.txt", "old".getBytes(UTF_8));
        ProgramResult r = copy("notes.txt", "backup");
        String situation = "DST (backup) is an existing folder";
        expectRefused(r, situation, "backup");
        Expect.that(Files.isDirectory(dir.resolve("backup")), "when " + situation + ", the folder must stay a folder");
        try (Stream<Path> entries = Files.list(dir.resolve("backup"))) {
            List<String> names = entries.map(p -> p.getFileName().toString()).sorted().toList();
            Expect.sameLines("when " + situation + ", what the folder holds afterwards (nothing may be added)", List.of("old.txt"), names);
        }
        expectUnchanged(inside, "old".getBytes(UTF_8), situation);
        expectUnchanged(src, PRECIOUS, situation);
    }

    @Test
    @DisplayName("SRC and DST the same path: a message, exit 1, and the file intact (not emptied)")
    void samePath() throws Exception {
        Path f = write("notes.txt", PRECIOUS);
        ProgramResult r = copy("notes.txt", "notes.txt");
        String situation = "SRC and DST are the same file (notes.txt notes.txt)";
        expectUnchanged(f, PRECIOUS, situation, "Opening DST for writing emptied the file before anything was read:"
                + " check whether SRC and DST are the same file before you open DST");
        expectRefused(r, situation, "notes.txt");
    }

    @Test
    @DisplayName("SRC and DST the same file spelt differently (dir/f and dir/./f): exit 1, the file intact")
    void sameFileOtherSpelling() throws Exception {
        Path f = write("docs/notes.txt", PRECIOUS);
        ProgramResult r = copy("docs/notes.txt", "docs/./notes.txt");
        String situation = "SRC and DST are the same file spelt two ways (docs/notes.txt docs/./notes.txt)";
        expectUnchanged(f, PRECIOUS, situation, "Two spellings can name one file: compare the files, not the strings"
                + " (Files.isSameFile)");
        expectRefused(r, situation, "notes.txt");
    }

    @Test
    @DisplayName("DST a symbolic link to SRC: exit 1, the file intact")
    void sameFileThroughLink() throws Exception {
        Path f = write("docs/notes.txt", PRECIOUS);
        Path link = Files.createSymbolicLink(dir.resolve("link.txt"), Path.of("docs", "notes.txt"));
        ProgramResult r = copy("docs/notes.txt", "link.txt");
        String situation = "DST (link.txt) is a symbolic link to SRC (docs/notes.txt)";
        expectUnchanged(f, PRECIOUS, situation, "A link is another name for the same file: Files.isSameFile sees through"
                + " it, comparing paths does not");
        expectRefused(r, situation, "notes.txt", "link.txt");
        Expect.that(Files.isSymbolicLink(link), "when " + situation + ", the link must be left as it was");
    }
}
