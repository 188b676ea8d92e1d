package day03;

import static java.nio.charset.StandardCharsets.UTF_8;

import grade.kit.Deadlines;
import grade.kit.Expect;
import grade.kit.LearnerProgram;
import grade.kit.ProgramResult;
import grade.kit.Say;
import grade.kit.Text;
import grade.kit.Zh;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("day03/tee-log")
class TeeLogTest {
    /** The contract's bound: a line shows in FILE and on stdout this soon. */
    private static final long SOON_MILLIS = 500;
    /** How long the first line may take, while the JVM starts. */
    private static final long START_MILLIS = 8_000;

    @TempDir
    Path dir;

    @Test
    @DisplayName("a line sent to stdin shows in FILE and on stdout within 500 ms, while TeeLog still runs")
    @Zh("TeeLog 还在运行时，发到标准输入的一行在 500 ms 内出现在 FILE 和标准输出上")
    void flushedPerLine() throws Exception {
        Path log = dir.resolve("live.log");
        List<String> sent = new ArrayList<>();
        try (LearnerProgram tee = LearnerProgram.of("day03.TeeLog").args(log.toString()).start()) {
            // the first line also waits for the JVM to start
            String first = "first line, sent while TeeLog starts";
            tee.writeLine(first);
            sent.add(first);
            Seen seen = await(tee, log, first, START_MILLIS, false);
            if (!tee.isAlive()) {
                ProgramResult r = tee.awaitExit(Duration.ofSeconds(2));
                throw Expect.fail(Say.pick("TeeLog exited with status " + r.exitCode() + " while its stdin was still open; it must"
                        + " read and copy lines until the end of input.\n", "TeeLog 的标准输入还开着，它就退出了，退出状态是 " + r.exitCode()
                        + "；它必须一直读取并复制行，直到输入结束。\n") + r.describe());
            }
            if (!seen.onStdout && !seen.inFile) {
                throw Deadlines.ranOut(Say.pick("sent the line " + Text.show(first) + " to the stdin of TeeLog and kept stdin open; after "
                        + START_MILLIS / 1000 + " s it was neither on stdout nor in FILE. Write each line at once and flush"
                        + " stdout and FILE after every line (a buffer is written only when full, on flush() or at the end).",
                        "向 TeeLog 的标准输入发送了一行 " + Text.show(first) + "，标准输入保持打开；" + START_MILLIS / 1000
                        + " s 之后，它既不在标准输出上，也不在 FILE 里。每一行都要马上写出，每行之后刷新标准输出和 FILE"
                        + "（缓冲区只在填满、调用 flush() 或程序结束时才写出）。") + seen.describe(tee, log));
            }
            // then the timed lines: the best of two tries
            Seen timed = null;
            for (int attempt = 1; attempt <= 2; attempt++) {
                String line = "timed line " + attempt + " 你好";
                tee.writeLine(line);
                sent.add(line);
                timed = await(tee, log, line, SOON_MILLIS, true);
                if (timed.onStdout && timed.inFile) {
                    break;
                }
            }
            if (!timed.onStdout || !timed.inFile) {
                String where = !timed.onStdout && !timed.inFile ? Say.pick("neither on stdout nor in FILE", "既不在标准输出上，也不在 FILE 里")
                        : !timed.onStdout ? Say.pick("in FILE but not on stdout", "在 FILE 里，但不在标准输出上")
                        : Say.pick("on stdout but not in FILE", "在标准输出上，但不在 FILE 里");
                String flush = !timed.onStdout && !timed.inFile ? Say.pick("stdout and FILE", "标准输出和 FILE")
                        : !timed.onStdout ? Say.pick("stdout", "标准输出") : "FILE";
                throw Expect.fail(Say.pick("sent a line to the stdin of TeeLog while it ran (stdin still open); " + SOON_MILLIS
                        + " ms later it was " + where + " (best of 2 tries). Flush " + flush
                        + " after every line, so that others see it at once.", "TeeLog 运行时向它的标准输入发送了一行（标准输入仍然开着）；"
                        + SOON_MILLIS + " ms 之后，它" + where + "（2 次中最好的一次）。每行之后都要刷新" + flush + "，别人才能马上看到。")
                        + timed.describe(tee, log));
            }
            Expect.that(tee.isAlive(), Say.pick("TeeLog exited before its stdin was closed; it must read lines until the end of input.\n",
                    "标准输入还没关闭，TeeLog 就退出了；它必须一直读行，直到输入结束。\n") + tee.describeOutput());
            tee.closeStdin();
            ProgramResult r = tee.awaitExit(Duration.ofSeconds(5));
            expectSuccess(r, Say.pick("lines while it ran, then the end of input", "运行时的几行，然后是输入结束"));
            String lines = String.join("\n", sent) + "\n";
            Expect.sameText(Say.pick("FILE after " + sent.size() + " lines", sent.size() + " 行之后的 FILE"), lines, Files.readString(log, UTF_8));
            Expect.sameText(Say.pick("stdout of TeeLog", "TeeLog 的标准输出"), lines + "lines: " + sent.size() + "\n", r.stdout());
        }
    }

    @Test
    @DisplayName("FILE keeps what it held before (append mode, Python's \"a\"); each line is added with \\n, then `lines: N`")
    @Zh("FILE 保留原有内容（追加模式，Python 的 \"a\"）；每行加上 \\n 追加进去，最后是 `lines: N`")
    void appends() throws Exception {
        String before = "earlier line\n第二行 from before\n";
        Path log = Files.writeString(dir.resolve("old.log"), before, UTF_8);
        String input = "one\n\nthree\n";
        ProgramResult r = LearnerProgram.of("day03.TeeLog").args(log.toString()).stdin(input).run();
        expectSuccess(r, Say.pick("stdin ", "标准输入 ") + Text.show(input));
        Expect.sameText(Say.pick("FILE, which held " + Text.show(before) + " before TeeLog read " + Text.show(input),
                "FILE（TeeLog 读取 " + Text.show(input) + " 之前，它的内容是 " + Text.show(before) + "）"),
                before + input, Files.readString(log, UTF_8));
        Expect.sameText(Say.pick("stdout of TeeLog for stdin " + Text.show(input) + " (an empty line counts too)",
                "标准输入为 " + Text.show(input) + " 时 TeeLog 的标准输出（空行也算一行）"),
                input + "lines: 3\n", r.stdout());
    }

    @Test
    @DisplayName("a last line without \\n is still a line, written with \\n; a missing FILE is created")
    @Zh("没有 \\n 的最后一行也算一行，写入时加上 \\n；FILE 不存在时创建它")
    void lastLineWithoutNewline() throws Exception {
        Path log = dir.resolve("new.log");
        String input = "first\nlast line without newline";
        ProgramResult r = LearnerProgram.of("day03.TeeLog").args(log.toString()).stdin(input).run();
        expectSuccess(r, Say.pick("stdin ", "标准输入 ") + Text.show(input));
        Expect.that(Files.exists(log), Say.pick("TeeLog did not create FILE, which did not exist (append mode creates it).\n",
                "FILE 原来不存在，TeeLog 没有创建它（追加模式会创建文件）。\n") + r.describe());
        Expect.sameText(Say.pick("FILE after stdin " + Text.show(input), "标准输入为 " + Text.show(input) + " 之后的 FILE"), input + "\n",
                Files.readString(log, UTF_8));
        Expect.sameText(Say.pick("stdout of TeeLog for stdin " + Text.show(input), "标准输入为 " + Text.show(input) + " 时 TeeLog 的标准输出"),
                input + "\nlines: 2\n", r.stdout());
    }

    @Test
    @DisplayName("Chinese lines pass through unchanged, to FILE and to stdout")
    @Zh("中文行原样写到 FILE 和标准输出")
    void chinese() throws Exception {
        Path log = dir.resolve("中文日志.log");
        String input = "你好，世界\n第二行：IO 网络编程\n表情 😀 也要原样保留\n";
        ProgramResult r = LearnerProgram.of("day03.TeeLog").args(log.toString()).stdin(input).run();
        expectSuccess(r, Say.pick("stdin ", "标准输入 ") + Text.show(input));
        Expect.sameText(Say.pick("FILE after Chinese stdin", "标准输入为中文时的 FILE"), input, Files.readString(log, UTF_8));
        Expect.sameText(Say.pick("stdout of TeeLog for Chinese stdin", "标准输入为中文时 TeeLog 的标准输出"), input + "lines: 3\n", r.stdout());
    }

    @Test
    @DisplayName("no input: `lines: 0`, and FILE keeps what it held")
    @Zh("没有输入：输出 `lines: 0`，FILE 保留原有内容")
    void emptyInput() throws Exception {
        String before = "keep me\n";
        Path log = Files.writeString(dir.resolve("keep.log"), before, UTF_8);
        ProgramResult r = LearnerProgram.of("day03.TeeLog").args(log.toString()).stdin("").run();
        expectSuccess(r, Say.pick("an empty stdin", "空的标准输入"));
        Expect.sameText(Say.pick("stdout of TeeLog for an empty stdin", "标准输入为空时 TeeLog 的标准输出"), "lines: 0\n", r.stdout());
        Expect.sameText(Say.pick("FILE, which held " + Text.show(before) + ", after an empty stdin",
                "FILE（原来的内容是 " + Text.show(before) + "）在空的标准输入之后"), before, Files.readString(log, UTF_8));
    }

    private static void expectSuccess(ProgramResult r, String input) {
        Expect.that(r.exitCode() == 0, Say.pick("TeeLog, given " + input + ", exited with status " + r.exitCode()
                + "; at the end of input it should print `lines: N` and exit with status 0.\n", "给 TeeLog " + input
                + "，它的退出状态是 " + r.exitCode() + "；输入结束时，它应该输出 `lines: N`，并以退出状态 0 退出。\n") + r.describe());
    }

    /** Where a line showed up, polled until both places have it or the time is up. */
    private record Seen(boolean onStdout, boolean inFile) {
        String describe(LearnerProgram tee, Path log) {
            String file;
            try {
                file = Files.exists(log) ? Text.show(new String(Files.readAllBytes(log), UTF_8))
                        : Say.pick("(no such file yet)", "（还没有这个文件）");
            } catch (IOException e) {
                file = Say.pick("(unreadable: " + e.getMessage() + ")", "（读不出来：" + e.getMessage() + "）");
            }
            return Say.pick("\n  FILE held: ", "\n  FILE 的内容：") + file + "\n" + tee.describeOutput();
        }
    }

    private static Seen await(LearnerProgram tee, Path log, String line, long millis, boolean both) throws Exception {
        long deadline = System.nanoTime() + Deadlines.cap(Duration.ofMillis(millis)).toNanos();
        while (true) {
            boolean onStdout = tee.lines().contains(line);
            boolean inFile = Files.exists(log) && new String(Files.readAllBytes(log), UTF_8).contains(line + "\n");
            boolean done = both ? onStdout && inFile : onStdout || inFile;
            if (done || System.nanoTime() > deadline || !tee.isAlive()) {
                return new Seen(onStdout, inFile);
            }
            Thread.sleep(10);
        }
    }
}
