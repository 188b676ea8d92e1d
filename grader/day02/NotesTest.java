package day02;

import static java.nio.charset.StandardCharsets.UTF_8;

import grade.kit.Expect;
import grade.kit.LearnerProgram;
import grade.kit.ProgramResult;
import grade.kit.Say;
import grade.kit.Sparse;
import grade.kit.Text;
import grade.kit.Zh;
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
        Expect.that(r.exitCode() == 0, what + Say.pick(" should exit with status 0 but exited with ", " 应该以退出状态 0 结束，但退出状态是 ")
                + r.exitCode() + "\n" + r.describe());
    }

    private void expectFile(String name, String content, String after) throws IOException {
        Path f = dir.resolve(name);
        Expect.that(Files.isRegularFile(f), Say.pick("after " + after + ", there should be a file " + name + " but there is none",
                after + "之后，应该有文件 " + name + "，但没有"));
        Expect.sameText(Say.pick("the file " + name + " after " + after, after + "之后，文件 " + name), content, Files.readString(f, UTF_8));
    }

    @Test
    @DisplayName("add appends lines (creating FILE), list numbers them from 1, count counts them")
    @Zh("add 追加行（需要时创建 FILE），list 从 1 开始编号列出，count 统计行数")
    void addListCount() throws Exception {
        expectOk(notes("notes.txt", "add", "买", "牛奶"), Say.pick("`add 买 牛奶` on a missing notes.txt", "对不存在的 notes.txt 执行 `add 买 牛奶`"));
        expectFile("notes.txt", "买 牛奶\n", Say.pick("`add 买 牛奶` on a missing file (the words joined by one space, then \\n)",
                "对不存在的文件执行 `add 买 牛奶`（单词之间用一个空格连接，末尾是 \\n）"));
        expectOk(notes("notes.txt", "add", "call mom at 8"), "`add 'call mom at 8'`");
        expectFile("notes.txt", "买 牛奶\ncall mom at 8\n", Say.pick("a second add (append: the first line stays as it was)", "第二次 add（追加：第一行保持原样）"));
        ProgramResult list = notes("notes.txt", "list");
        expectOk(list, "`list`");
        Expect.sameText(Say.pick("what `list` printed for a file of two notes", "对有两条笔记的文件，`list` 输出的内容"), "1: 买 牛奶\n2: call mom at 8\n", list.stdout());
        ProgramResult count = notes("notes.txt", "count");
        expectOk(count, "`count`");
        Expect.sameText(Say.pick("what `count` printed for a file of two notes", "对有两条笔记的文件，`count` 输出的内容"), "2\n", count.stdout());
    }

    @Test
    @DisplayName("list, count and undo on a missing file: nothing, 0, and `nothing to undo` with exit 1; no file made")
    @Zh("对不存在的文件执行 list、count、undo：什么都不输出、输出 0、输出 `nothing to undo` 且退出状态为 1；不创建文件")
    void missingFile() {
        Path f = dir.resolve("none.txt");
        ProgramResult list = notes("none.txt", "list");
        expectOk(list, Say.pick("`list` on a missing file", "对不存在的文件执行 `list`"));
        Expect.sameText(Say.pick("what `list` printed for a missing file", "对不存在的文件，`list` 输出的内容"), "", list.stdout());
        ProgramResult count = notes("none.txt", "count");
        expectOk(count, Say.pick("`count` on a missing file", "对不存在的文件执行 `count`"));
        Expect.sameText(Say.pick("what `count` printed for a missing file", "对不存在的文件，`count` 输出的内容"), "0\n", count.stdout());
        Expect.that(!Files.exists(f), Say.pick("`list` and `count` on a missing file must not create it", "对不存在的文件执行 `list` 和 `count` 不能创建它"));
        ProgramResult undo = notes("none.txt", "undo");
        Expect.that(undo.exitCode() == 1 && undo.stderr().contains("nothing to undo"),
                Say.pick("`undo` on a missing file should print `nothing to undo` on stderr and exit with status 1\n", "对不存在的文件执行 `undo`，应该在标准错误上输出 `nothing to undo`，退出状态为 1\n") + undo.describe());
        Expect.that(!Files.exists(f), Say.pick("`undo` on a missing file must leave it missing, but it created it", "对不存在的文件执行 `undo` 不能创建它，但它创建了"));
    }

    @Test
    @DisplayName("undo removes the last line, down to an empty file that is kept; then `nothing to undo`, exit 1")
    @Zh("undo 删除最后一行，直到文件为空（文件保留）；之后输出 `nothing to undo`，退出状态为 1")
    void undo() throws Exception {
        Files.writeString(dir.resolve("todo.txt"), "one\n二 二\nthree\n", UTF_8);
        expectOk(notes("todo.txt", "undo"), Say.pick("`undo` on a file of three lines", "对有三行的文件执行 `undo`"));
        expectFile("todo.txt", "one\n二 二\n", Say.pick("`undo` on \"one\\n二 二\\nthree\\n\"", "对 \"one\\n二 二\\nthree\\n\" 执行 `undo`"));
        expectOk(notes("todo.txt", "undo"), Say.pick("a second `undo`", "第二次 `undo`"));
        expectFile("todo.txt", "one\n", Say.pick("a second `undo`", "第二次 `undo`"));
        expectOk(notes("todo.txt", "undo"), Say.pick("`undo` of the only line", "用 `undo` 撤销唯一的一行"));
        expectFile("todo.txt", "", Say.pick("`undo` of the only line (the file is kept, empty)", "用 `undo` 撤销唯一的一行（文件保留，内容为空）"));
        ProgramResult r = notes("todo.txt", "undo");
        Expect.that(r.exitCode() == 1 && r.stderr().contains("nothing to undo"),
                Say.pick("`undo` on an empty file should print `nothing to undo` on stderr and exit with status 1\n", "对空文件执行 `undo`，应该在标准错误上输出 `nothing to undo`，退出状态为 1\n") + r.describe());
        expectFile("todo.txt", "", Say.pick("`undo` on an empty file (it stays as it was)", "对空文件执行 `undo`（文件保持原样）"));
    }

    @Test
    @DisplayName("undo removes only the last line, however long the lines are (thousands of characters)")
    @Zh("无论行有多长（几千个字符），undo 都只删除最后一行")
    void undoLongLines() throws Exception {
        String before = "one\n" + "二".repeat(3000) + "\n";
        for (int length : new int[] {8191, 8192, 20000}) {
            Files.writeString(dir.resolve("long.txt"), before + "x".repeat(length) + "\n", UTF_8);
            String what = Say.pick("`undo` when the last line has " + length + " characters", "最后一行有 " + length + " 个字符时执行 `undo`");
            expectOk(notes("long.txt", "undo"), what);
            expectFile("long.txt", before, what);
        }
    }

    @Test
    @DisplayName("clear empties the file and keeps it; on a missing file it creates an empty one")
    @Zh("clear 清空文件但保留它；文件不存在时创建一个空文件")
    void clear() throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "a\nb\nc\n", UTF_8);
        expectOk(notes("notes.txt", "clear"), Say.pick("`clear` on a file of three lines", "对有三行的文件执行 `clear`"));
        expectFile("notes.txt", "", Say.pick("`clear` (the file is kept, empty)", "`clear`（文件保留，内容为空）"));
        expectOk(notes("new.txt", "clear"), Say.pick("`clear` on a missing file", "对不存在的文件执行 `clear`"));
        expectFile("new.txt", "", Say.pick("`clear` on a missing file (it is created, empty)", "对不存在的文件执行 `clear`（创建一个空文件）"));
    }

    @Test
    @DisplayName("a missing or unknown subcommand, or add without TEXT: usage on stderr, exit 2, the file untouched")
    @Zh("缺少子命令、未知的子命令、add 没有 TEXT：在标准错误上输出用法说明，退出状态为 2，文件不变")
    void usage() throws Exception {
        Path f = Files.writeString(dir.resolve("notes.txt"), "keep me\n", UTF_8);
        List<List<String>> cases = List.of(List.of(), List.of("notes.txt"), List.of("notes.txt", "remove"),
                List.of("notes.txt", "add"), List.of("other.txt", "add"));
        for (List<String> args : cases) {
            ProgramResult r = notes(args.toArray(String[]::new));
            String call = "`java day02.Notes" + args.stream().map(a -> " " + a).collect(Collectors.joining()) + "`";
            Expect.that(r.exitCode() == 2, call + Say.pick(" should print a usage message on stderr and exit with status 2;"
                    + " it exited with status ", " 应该在标准错误上输出用法说明，并以退出状态 2 退出；它的退出状态是 ") + r.exitCode() + "\n"
                    + r.describe());
            Expect.that(r.stderr().toLowerCase(Locale.ROOT).contains("usage"), call
                    + Say.pick(" should print a usage message (with the word `usage`) on stderr\n", " 应该在标准错误上输出用法说明（包含单词 `usage`）\n")
                    + r.describe());
            Expect.sameText(Say.pick("notes.txt after " + call, call + " 之后的 notes.txt"), "keep me\n", Files.readString(f, UTF_8));
            Expect.that(!Files.exists(dir.resolve("other.txt")), call + Say.pick(" must not create a file", " 不能创建文件"));
        }
    }

    @Test
    @DisplayName("add on a 1 GiB notes file with a 64 MiB heap finishes at once: it appends, never rewrites")
    @Zh("用 64 MiB 的堆对 1 GiB 的笔记文件执行 add，立刻完成：只追加，从不重写")
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
                throw Expect.fail(Say.pick("`add` on a 1 GiB notes file with a 64 MiB heap (-Xmx64m) ran out of memory:"
                        + " it must not read the notes already there. Open the file in append mode (like Python's 'a')"
                        + " and write only the new line.\n", "用 64 MiB 的堆（-Xmx64m）对 1 GiB 的笔记文件执行 `add` 时内存不够了："
                        + "它不能读入已有的笔记。以追加模式打开文件（和 Python 的 'a' 一样），只写入新的一行。\n") + r.describe());
            }
            expectOk(r, Say.pick("`add` on a 1 GiB notes file with a 64 MiB heap", "用 64 MiB 的堆对 1 GiB 的笔记文件执行 `add`"));
            added.append("又一条 note ").append(attempt).append('\n');
            best = best == null || took.compareTo(best) < 0 ? took : best;
        }
        long addedBytes = added.toString().getBytes(UTF_8).length;
        long grown = Files.size(f) - GIB;
        Expect.that(grown == addedBytes, Say.pick("`add` of " + addedBytes + " bytes (" + Text.show(added.toString())
                + ") to a 1 GiB notes file should make it that much longer; it grew by " + grown
                + " bytes. add must write the new line after everything already there (append mode).",
                "向 1 GiB 的笔记文件 `add` " + addedBytes + " 个字节（" + Text.show(added.toString()) + "），文件应该正好变长这么多；"
                + "它却变长了 " + grown + " 个字节。add 必须把新的一行写在已有内容之后（追加模式）。"));
        byte[] tail = ("the last note\n" + added).getBytes(UTF_8);
        Expect.sameText(Say.pick("the end of the 1 GiB notes file after `add`", "`add` 之后 1 GiB 笔记文件的末尾"), new String(tail, UTF_8),
                new String(readAt(f, Files.size(f) - tail.length, tail.length), UTF_8));
        Expect.that(Arrays.equals(new byte[4096], readAt(f, 0, 4096)),
                Say.pick("after `add` the start of the 1 GiB notes file changed: add must write at the end only (append mode)", "`add` 之后 1 GiB 笔记文件的开头变了：add 只能在末尾写入（追加模式）"));
        if (fileKey != null) {
            Expect.that(Objects.equals(fileKey, Files.readAttributes(f, BasicFileAttributes.class).fileKey()),
                    Say.pick("after `add` the notes file is a new file (another inode): add must append to the file,"
                            + " not write a new one and rename it over the old",
                            "`add` 之后笔记文件成了一个新文件（另一个 inode）：add 必须追加到原来的文件，而不是写一个新文件再改名覆盖旧文件"));
        }
        Expect.that(best.compareTo(AT_ONCE) <= 0, Say.pick("`add` on a 1 GiB notes file took " + best.toMillis()
                + " ms (the best of two tries, including the start of the JVM); appending one line should take well"
                + " under " + AT_ONCE.toSeconds() + " s. Do not read or rewrite the notes already there.",
                "对 1 GiB 的笔记文件执行 `add` 用了 " + best.toMillis() + " ms（两次中最快的一次，包括 JVM 启动的时间）；"
                + "追加一行应该远远不到 " + AT_ONCE.toSeconds() + " s。不要读取或重写已有的笔记。"));
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
    @Zh("同时启动的 20 个 add 进程不丢任何一行，并保留已有的 100,000 条笔记")
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
                expectOk(p.awaitExit(left), Say.pick("each of the 20 `add` processes", "20 个 `add` 进程中的每一个"));
            }
        } finally {
            running.forEach(LearnerProgram::close);
        }
        String content = Files.readString(f, UTF_8);
        Expect.that(content.endsWith("\n"), Say.pick("after 20 adds at once the notes file should end with a newline; it ends with ",
                "20 个 add 同时执行之后，笔记文件应该以换行符结尾；它的结尾是 ") + Text.show(content.substring(Math.max(0, content.length() - 40))));
        List<String> lines = Arrays.asList(content.split("\n"));
        int kept = 0;
        while (kept < before.size() && kept < lines.size() && lines.get(kept).equals(before.get(kept))) {
            kept++;
        }
        if (kept < before.size()) {
            String got = kept < lines.size() ? Text.show(lines.get(kept)) : null;
            throw Expect.fail(Say.pick("after 20 adds at once, the 100,000 notes already in the file should be kept as they were;"
                    + " line " + (kept + 1) + " is " + (got != null ? got : "missing")
                    + " instead of " + Text.show(before.get(kept)) + ". Append (like Python's 'a'); never rewrite the file.",
                    "20 个 add 同时执行之后，文件里原有的 100,000 条笔记应该保持原样；第 " + (kept + 1) + " 行应该是 "
                    + Text.show(before.get(kept)) + "，" + (got != null ? "却是 " + got : "却没有这一行")
                    + "。要追加（和 Python 的 'a' 一样），绝不要重写文件。"));
        }
        List<String> added = lines.subList(before.size(), lines.size());
        Set<String> expected = IntStream.rangeClosed(1, 20).mapToObj(i -> "同时 line " + i).collect(Collectors.toSet());
        Set<String> missing = new HashSet<>(expected);
        added.forEach(missing::remove);
        List<String> extra = added.stream().filter(l -> !expected.contains(l)).toList();
        Expect.that(missing.isEmpty() && extra.isEmpty() && added.size() == 20, Say.pick("20 processes each added one line at the"
                + " same time; the file should end with those 20 lines (in any order), but it ends with " + added.size()
                + " lines", "20 个进程同时各添加了一行；文件应该以这 20 行结尾（顺序不限），但它结尾的是 " + added.size() + " 行")
                + (missing.isEmpty() ? "" : Say.pick("; missing: ", "；缺少：") + missing.stream().sorted().toList())
                + (extra.isEmpty() ? "" : Say.pick("; broken or unexpected: ", "；损坏或多出来的：") + extra.stream().limit(5).map(Text::show).toList())
                + Say.pick(". Open the file in append mode and write each line in one go.", "。以追加模式打开文件，每一行一次写完。"));
    }
}
