package day01;

import grade.kit.Expect;
import grade.kit.LearnerProgram;
import grade.kit.ProgramResult;
import grade.kit.Say;
import grade.kit.Zh;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each case runs GNU head/tail (or its recording) and the learner's program on the same input; see GnuCases.headTail(). */
@DisplayName("day01/head-tail")
class HeadTailTest {
    @TempDir
    Path dir;

    private void sameAsGnu(String... ids) {
        GnuComparison.sameOutput(dir, ids);
    }

    @Test
    @DisplayName("Head with no -n prints the first 10 lines")
    @Zh("Head 不带 -n 时输出前 10 行")
    void headDefault() {
        sameAsGnu("head/default");
    }

    @Test
    @DisplayName("Head -n 3 prints the first 3 lines of a Chinese file, byte for byte")
    @Zh("Head -n 3 逐字节输出中文文件的前 3 行")
    void headN() {
        sameAsGnu("head/n3-zh");
    }

    @Test
    @DisplayName("Head keeps a last line that has no newline, and adds none")
    @Zh("Head 保留没有换行符的最后一行，也不加换行符")
    void headNoFinalNewline() {
        sameAsGnu("head/no-final-newline");
    }

    @Test
    @DisplayName("Head keeps CRLF line ends as they are")
    @Zh("Head 原样保留 CRLF 行尾")
    void headCrlf() {
        sameAsGnu("head/crlf");
    }

    @Test
    @DisplayName("Head with -n 0, with N larger than the file, and on an empty file")
    @Zh("Head 处理 -n 0、比文件行数大的 N 和空文件")
    void headEdges() {
        sameAsGnu("head/n0", "head/n-bigger", "head/empty");
    }

    @Test
    @DisplayName("Head reads stdin when no FILE is given")
    @Zh("没有给 FILE 时 Head 读标准输入")
    void headStdin() {
        sameAsGnu("head/stdin");
    }

    @Test
    @DisplayName("Tail with no -n prints the last 10 lines")
    @Zh("Tail 不带 -n 时输出最后 10 行")
    void tailDefault() {
        sameAsGnu("tail/default");
    }

    @Test
    @DisplayName("Tail keeps a last line that has no newline, and adds none")
    @Zh("Tail 保留没有换行符的最后一行，也不加换行符")
    void tailNoFinalNewline() {
        sameAsGnu("tail/no-final-newline");
    }

    @Test
    @DisplayName("Tail counts empty lines at the end as lines")
    @Zh("Tail 把末尾的空行也算作行")
    void tailBlankLines() {
        sameAsGnu("tail/blank-lines");
    }

    @Test
    @DisplayName("Tail keeps CRLF line ends as they are")
    @Zh("Tail 原样保留 CRLF 行尾")
    void tailCrlf() {
        sameAsGnu("tail/crlf");
    }

    @Test
    @DisplayName("Tail with -n 0, with N larger than the file, and on an empty file")
    @Zh("Tail 处理 -n 0、比文件行数大的 N 和空文件")
    void tailEdges() {
        sameAsGnu("tail/n0", "tail/n-bigger", "tail/empty");
    }

    @Test
    @DisplayName("Tail reads stdin when no FILE is given")
    @Zh("没有给 FILE 时 Tail 读标准输入")
    void tailStdin() {
        sameAsGnu("tail/stdin");
    }

    @Test
    @DisplayName("a missing FILE: a message on stderr naming it, exit status 1")
    @Zh("FILE 不存在：在标准错误上输出写明文件名的提示，退出状态为 1")
    void missingFile() {
        for (String program : new String[] {"day01.Head", "day01.Tail"}) {
            ProgramResult r = LearnerProgram.of(program).args("-n", "3", "missing.txt").dir(dir).stdin(new byte[0])
                    .run(Duration.ofSeconds(10));
            String what = "`" + name(program) + " -n 3 missing.txt`"
                    + Say.pick(", where missing.txt does not exist", "，其中 missing.txt 不存在");
            Expect.that(r.exitCode() == 1, what + Say.pick(": the exit status should be 1, not ", "：退出状态应该是 1，而不是 ")
                    + r.exitCode() + "\n" + r.describe());
            Expect.that(r.stdout().isEmpty(), what + Say.pick(": nothing should be printed on stdout\n", "：标准输出上什么都不应该写\n")
                    + r.describe());
            Expect.that(r.stderr().contains("missing.txt"), what
                    + Say.pick(": the message on stderr should name missing.txt\n", "：标准错误上的提示应该写明 missing.txt\n") + r.describe());
        }
    }

    @Test
    @DisplayName("a bad N (-n abc, -n -3): a message on stderr that shows it, exit status 1")
    @Zh("不合法的 N（-n abc、-n -3）：在标准错误上输出带出这个值的提示，退出状态为 1")
    void badCount() throws Exception {
        Files.writeString(dir.resolve("lines.txt"), "one\ntwo\nthree\n");
        for (String program : new String[] {"day01.Head", "day01.Tail"}) {
            for (String bad : new String[] {"abc", "-3"}) {
                ProgramResult r = LearnerProgram.of(program).args("-n", bad, "lines.txt").dir(dir).stdin(new byte[0])
                        .run(Duration.ofSeconds(10));
                String what = "`" + name(program) + " -n " + bad + " lines.txt`"
                        + Say.pick(", where lines.txt holds ", "，其中 lines.txt 的内容是 ") + "\"one\\ntwo\\nthree\\n\"";
                Expect.that(r.exitCode() == 1, what + Say.pick(": N must be a whole number 0 or more, so the exit status should be 1, not ",
                        "：N 必须是 0 或正整数，所以退出状态应该是 1，而不是 ") + r.exitCode() + "\n" + r.describe());
                Expect.that(r.stdout().isEmpty(), what + Say.pick(": nothing should be printed on stdout\n", "：标准输出上什么都不应该写\n")
                        + r.describe());
                Expect.that(r.stderr().contains(bad), what + Say.pick(": the message on stderr should show the bad N, ",
                        "：标准错误上的提示应该带出不合法的 N：") + bad + "\n" + r.describe());
            }
        }
    }

    @Test
    @DisplayName("a file of 200,000 lines (over a megabyte): Head gives its first 3 lines, Tail its last 3")
    @Zh("20 万行（超过 1 MB）的文件：Head 输出前 3 行，Tail 输出最后 3 行")
    void bigFile() throws Exception {
        String text = IntStream.rangeClosed(1, 200_000).mapToObj(i -> "line " + i + "\n").collect(Collectors.joining());
        Files.writeString(dir.resolve("big.txt"), text);
        for (String program : new String[] {"day01.Head", "day01.Tail"}) {
            ProgramResult r = LearnerProgram.of(program).args("-n", "3", "big.txt").dir(dir).stdin(new byte[0])
                    .run(Duration.ofSeconds(10));
            String expected = program.equals("day01.Head") ? "line 1\nline 2\nline 3\n" : "line 199998\nline 199999\nline 200000\n";
            String what = "`" + name(program) + " -n 3 big.txt`" + Say.pick(", where big.txt holds \"line 1\\n\" to \"line 200000\\n\"",
                    "，其中 big.txt 的内容是 \"line 1\\n\" 到 \"line 200000\\n\"");
            Expect.that(r.exitCode() == 0, what + Say.pick(": the exit status should be 0, not ", "：退出状态应该是 0，而不是 ") + r.exitCode()
                    + "\n" + r.describe());
            Expect.sameText(Say.pick("stdout of " + what, what + " 的标准输出"), expected, r.stdout());
        }
    }

    private static String name(String program) {
        return program.equals("day01.Head") ? "head" : "tail";
    }
}
