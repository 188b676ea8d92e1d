package day02;

import static java.nio.charset.StandardCharsets.UTF_8;

import grade.kit.Expect;
import grade.kit.LearnerProgram;
import grade.kit.ProgramResult;
import grade.kit.Sparse;
import grade.kit.Text;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("day02/notes")
class NotesTest {
    private static final long GIB = 1L << 30;
    /** A generous bound: appending a line takes a JVM start; rewriting 1 GiB takes far longer. */
    private static final Duration AT_ONCE = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    private ProgramResult notes(String... args) {
        return LearnerProgram.of("day02.Notes").args(args).dir(dir).run(Duration.ofSeconds(10));
    }

    private static void expectOk(ProgramResult r, String what) {
        Expect.that(r.exitCode() == 0, what + " should exit with status 0 but exited with " + r.exitCode() + "\n" + r.describe());
    }

    private void expectFile(String name, String content, String after) throws IOException {
        Path f = dir.resolve(name);
        Expect.that(Files.isRegularFile(f), "after " + after + ", there should be a file " + name + " but there is none");
        Expect.sameText("the file " + name + " after " + after, content, Files.readString(f, UTF_8));
    }

    @Test
    @DisplayName("add appends lines (creating FILE), list numbers them from 1, count counts them")
    void addListCount() throws Exception {
        expectOk(notes("notes.txt", "add", "买", "牛奶"), "`add 买 牛奶` on a missing notes.txt");
        expectFile("notes.txt", "买 牛奶\n", "`add 买 牛奶` on a missing file (the words joined by one space, then \\n)");
        expectOk(notes("notes.txt", "add", "call mom at 8"), "`add 'call mom at 8'`");
        expectFile("notes.txt", "买 牛奶\ncall mom at 8\n", "a second add (append: the first line stays as it was)");
        ProgramResult list = notes("notes.txt", "list");
        expectOk(list, "`list`");
        Expect.sameText("what `list` printed for a file of two notes", "1: 买 牛奶\n2: call mom at 8\n", list.stdout());
        ProgramResult count = notes("notes.txt", "count");
        expectOk(count, "`count`");
        Expect.sameText("what `count` printed for a file of two notes", "2\n", count.stdout());
    }

    @Test
    @DisplayName("list, count and undo on a missing file: nothing, 0, and `nothing to undo` with exit 1; no file made")
    void missingFile() {
        Path f = dir.resolve("none.txt");
        ProgramResult list = notes("none.txt", "list");
        expectOk(list, "`list` on a missing file");
        Expect.sameText("what `list` printed for a missing file", "", list.stdout());
        ProgramResult count = notes("none.txt", "count");
        expectOk(count, "`count` on a missing file");
        Expect.sameText("what `count` printed for a missing file", "0\n", count.stdout());
        Expect.that(!Files.exists(f), "`list` and `count` on a missing file must not create it");
        ProgramResult undo = notes("none.txt", "undo");
        Expect.that(undo.exitCode() == 1 && undo.stderr().contains("nothing to undo"),
                "`undo` on a missing file should print `nothing to undo` on stderr and exit with status 1\n" + undo.describe());
        Expect.that(!Files.exists(f), "`undo` on a missing file must leave it missing, but it created it");
    }

    @Test
    @DisplayName("undo removes the last line, down to an empty file that is kept; then `nothing to undo`, exit 1")
    void undo() throws Exception {
        Files.writeString(dir.resolve("todo.txt"), "one\n二 二\nthree\n", UTF_8);
        expectOk(notes("todo.txt", "undo"), "`undo` on a file of three lines");
        expectFile("todo.txt", "one\n二 二\n", "`undo` on \"one\\n二 二\\nthree\\n\"");
        expectOk(notes("todo.txt", "undo"), "a second `undo`");
        expectFile("todo.txt", "one\n", "a second `undo`");
        expectOk(notes("todo.txt", "undo"), "`undo` of the only line");
        expectFile("todo.txt", "", "`undo` of the only line (the file is kept, empty)");
        ProgramResult r = notes("todo.txt", "undo");
        Expect.that(r.exitCode() == 1 && r.stderr().contains("nothing to undo"),
                "`undo` on an empty file should print `nothing to undo` on stderr and exit with status 1\n" + r.describe());
        expectFile("todo.txt", "", "`undo` on an empty file (it stays as it was)");
    }

    @Test
    @DisplayName("clear empties the file and keeps it; on a missing file it creates an empty one")
    void clear() throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "a\nb\nc\n", UTF_8);
        expectOk(notes("notes.txt", "clear"), "`clear` on a file of three lines");
        expectFile("notes.txt", "", "`clear` (the file is kept, empty)");
        expectOk(notes("new.txt", "clear"), "`clear` on a missing file");
        expectFile("new.txt", "", "`clear` on a missing file (it is created, empty)");
    }

    @Test
    @DisplayName("a missing or unknown subcommand, or add without TEXT: usage on stderr, exit 2, the file untouched")
    void usage() throws Exception {
        Path f = Files.writeString(dir.resolve("notes.txt"), "keep me\n", UTF_8);
        List<List<String>> cases = List.of(List.of(), List.of("notes.txt"), List.of("notes.txt", "remove"),
                List.of("notes.txt", "add"), List.of("other.txt", "add"));
        for (List<String> args : cases) {
            ProgramResult r = notes(args.toArray(String[]::new));
            String call = "`java day02.Notes" + args.stream().map(a -> " " + a).collect(Collectors.joining()) + "`";
            Expect.that(r.exitCode() == 2, call + " should print a usage message on stderr and exit with status 2;"
                    + " it exited with status " + r.exitCode() + "\n" + r.describe());
            Expect.that(r.stderr().toLowerCase(Locale.ROOT).contains("usage"),
                    call + " should print a usage message (with the word `usage`) on stderr\n" + r.describe());
            Expect.sameText("notes.txt after " + call, "keep me\n", Files.readString(f, UTF_8));
            Expect.that(!Files.exists(dir.resolve("other.txt")), call + " must not create a file");
        }
    }

    @Test
    @DisplayName("add on a 1 GiB notes file with a 64 MiB heap finishes at once: it appends, never rewrites")
    void addToHugeFile() throws Exception {
        Path f = Sparse.create(dir.resolve("huge.txt"), GIB, "the last note\n".getBytes(UTF_8));
        Object fileKey = Files.readAttributes(f, BasicFileAttributes.class).fileKey();
        StringBuilder added = new StringBuilder();
        Duration best = null;
        for (int attempt = 1; attempt <= 2 && (best == null || best.compareTo(AT_ONCE) > 0); attempt++) {
            long start = System.nanoTime();
            ProgramResult r = LearnerProgram.of("day02.Notes").jvmArgs("-Xmx64m")
                    .args("huge.txt", "add", "又一条", "note", "" + attempt).dir(dir).run(Duration.ofSeconds(20));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            if (r.exitCode() != 0 && r.stderr().contains("OutOfMemoryError")) {
                throw Expect.fail("`add` on a 1 GiB notes file with a 64 MiB heap (-Xmx64m) ran out of memory:"
                        + " it must not read the notes already there. Open the file in append mode (like Python's 'a')"
                        + " and write only the new line.\n" + r.describe());
            }
            expectOk(r, "`add` on a 1 GiB notes file with a 64 MiB heap");
            added.append("又一条 note ").append(attempt).append('\n');
            best = best == null || took.compareTo(best) < 0 ? took : best;
        }
        long addedBytes = added.toString().getBytes(UTF_8).length;
        long grown = Files.size(f) - GIB;
        Expect.that(grown == addedBytes, "`add` of " + addedBytes + " bytes (" + Text.show(added.toString())
                + ") to a 1 GiB notes file should make it that much longer; it grew by " + grown
                + " bytes. add must write the new line after everything already there (append mode).");
        byte[] tail = ("the last note\n" + added).getBytes(UTF_8);
        Expect.sameText("the end of the 1 GiB notes file after `add`", new String(tail, UTF_8),
                new String(readAt(f, Files.size(f) - tail.length, tail.length), UTF_8));
        Expect.that(Arrays.equals(new byte[4096], readAt(f, 0, 4096)),
                "after `add` the start of the 1 GiB notes file changed: add must write at the end only (append mode)");
        if (fileKey != null) {
            Expect.that(Objects.equals(fileKey, Files.readAttributes(f, BasicFileAttributes.class).fileKey()),
                    "after `add` the notes file is a new file (another inode): add must append to the file,"
                            + " not write a new one and rename it over the old");
        }
        Expect.that(best.compareTo(AT_ONCE) <= 0, "`add` on a 1 GiB notes file took " + best.toMillis()
                + " ms (the best of two tries, including the start of the JVM); appending one line should take well"
                + " under " + AT_ONCE.toSeconds() + " s. Do not read or rewrite the notes already there.");
    }

    private static byte[] readAt(Path f, long offset, int length) {
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "r")) {
            byte[] b = new byte[length];
            raf.seek(offset);
            raf.readFully(b);
            return b;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @DisplayName("20 add processes started together lose no line, and keep the 100,000 notes already there")
    void concurrentAdds() throws Exception {
        Path f = dir.resolve("shared.txt");
        List<String> before = IntStream.rangeClosed(1, 100_000).mapToObj(i -> "note " + i).toList();
        Files.write(f, before, UTF_8);
        List<LearnerProgram> running = new ArrayList<>();
        try {
            for (int i = 1; i <= 20; i++) {
                running.add(LearnerProgram.of("day02.Notes").args("shared.txt", "add", "同时", "line", "" + i).dir(dir).start());
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
            for (LearnerProgram p : running) {
                Duration left = Duration.ofNanos(Math.max(1_000_000_000L, deadline - System.nanoTime()));
                expectOk(p.awaitExit(left), "each of the 20 `add` processes");
            }
        } finally {
            running.forEach(LearnerProgram::close);
        }
        String content = Files.readString(f, UTF_8);
        Expect.that(content.endsWith("\n"), "after 20 adds at once the notes file should end with a newline; it ends with "
                + Text.show(content.substring(Math.max(0, content.length() - 40))));
        List<String> lines = Arrays.asList(content.split("\n"));
        int kept = 0;
        while (kept < before.size() && kept < lines.size() && lines.get(kept).equals(before.get(kept))) {
            kept++;
        }
        if (kept < before.size()) {
            throw Expect.fail("after 20 adds at once, the 100,000 notes already in the file should be kept as they were;"
                    + " line " + (kept + 1) + " is " + (kept < lines.size() ? Text.show(lines.get(kept)) : "missing")
                    + " instead of " + Text.show(before.get(kept)) + ". Append (like Python's 'a'); never rewrite the file.");
        }
        List<String> added = lines.subList(before.size(), lines.size());
        Set<String> expected = IntStream.rangeClosed(1, 20).mapToObj(i -> "同时 line " + i).collect(Collectors.toSet());
        Set<String> missing = new HashSet<>(expected);
        added.forEach(missing::remove);
        List<String> extra = added.stream().filter(l -> !expected.contains(l)).toList();
        Expect.that(missing.isEmpty() && extra.isEmpty() && added.size() == 20, "20 processes each added one line at the"
                + " same time; the file should end with those 20 lines (in any order), but it ends with " + added.size()
                + " lines" + (missing.isEmpty() ? "" : "; missing: " + missing.stream().sorted().toList())
                + (extra.isEmpty() ? "" : "; broken or unexpected: " + extra.stream().limit(5).map(Text::show).toList())
                + ". Open the file in append mode and write each line in one go.");
    }
}
