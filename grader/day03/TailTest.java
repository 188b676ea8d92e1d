package day03;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertThrows;

import grade.kit.Expect;
import grade.kit.LearnerClass;
import grade.kit.Say;
import grade.kit.Sparse;
import grade.kit.StaticMethod;
import grade.kit.Text;
import grade.kit.Zh;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("day03/tail")
class TailTest {
    /** The contract's bound for the big file. */
    private static final long LIMIT_MILLIS = 2000;
    /** How long a slow call is awaited, to say how slow it was, before it is stopped. */
    private static final long GIVE_UP_MILLIS = 6000;
    private static final long BIG = 8L << 30;

    @TempDir
    Path dir;

    private static StaticMethod lastLines() {
        return LearnerClass.of("day03.Tail").staticMethod(List.class, "lastLines", Path.class, int.class);
    }

    private Path file(String name, String content) throws IOException {
        return Files.write(dir.resolve(name), content.getBytes(UTF_8));
    }

    private static void check(Path f, String content, int n, List<String> expected) {
        List<String> got = lastLines().call(f, n);
        Expect.sameLines("lastLines(" + Text.show(content) + ", " + n + ")", expected, got);
    }

    @Test
    @DisplayName("the last 3 lines of a 5-line file, like `tail -3 1.txt`")
    @Zh("5 行文件的最后 3 行，和 `tail -3 1.txt` 一样")
    void lastThree() throws Exception {
        String content = "one\ntwo\nthree\nfour\nfive\n";
        Path f = file("1.txt", content);
        check(f, content, 3, List.of("three", "four", "five"));
        check(f, content, 1, List.of("five"));
        check(f, content, 5, List.of("one", "two", "three", "four", "five"));
    }

    @Test
    @DisplayName("lines ending in \\r\\n come back without the \\r")
    @Zh("以 \\r\\n 结尾的行返回时不带 \\r")
    void crlf() throws Exception {
        String content = "alpha\r\nbeta\r\ngamma\r\n";
        Path f = file("crlf.txt", content);
        check(f, content, 2, List.of("beta", "gamma"));
        String mixed = "unix\nwindows\r\nlast\r\n";
        check(file("mixed.txt", mixed), mixed, 3, List.of("unix", "windows", "last"));
    }

    @Test
    @DisplayName("a final newline does not make an empty last line; without one the last line still counts")
    @Zh("末尾的换行符不会多出一个空的最后一行；没有它时，最后一行也算一行")
    void finalNewline() throws Exception {
        String with = "a\nb\nc\n";
        check(file("with.txt", with), with, 2, List.of("b", "c"));
        String without = "a\nb\nc";
        check(file("without.txt", without), without, 2, List.of("b", "c"));
        String crlfWithout = "a\r\nb\r\nc";
        check(file("crlf-without.txt", crlfWithout), crlfWithout, 2, List.of("b", "c"));
        String blank = "a\n\n";
        check(file("blank.txt", blank), blank, 2, List.of("a", ""));
        String onlyNewlines = "\n\n\n";
        check(file("newlines.txt", onlyNewlines), onlyNewlines, 2, List.of("", ""));
        String one = "\n";
        check(file("one.txt", one), one, 5, List.of(""));
    }

    @Test
    @DisplayName("asking for more lines than the file has returns them all")
    @Zh("要求的行数比文件的行数多时，全部返回")
    void fewerLines() throws Exception {
        String content = "first\nsecond\nthird\n";
        Path f = file("short.txt", content);
        check(f, content, 10, List.of("first", "second", "third"));
        check(f, content, 1000, List.of("first", "second", "third"));
        String single = "only line";
        check(file("single.txt", single), single, 3, List.of("only line"));
    }

    @Test
    @DisplayName("n = 0 gives an empty list, and an empty file gives an empty list")
    @Zh("n = 0 时返回空列表，空文件也返回空列表")
    void zeroAndEmpty() throws Exception {
        String content = "a\nb\n";
        check(file("ab.txt", content), content, 0, List.of());
        check(file("empty.txt", ""), "", 3, List.of());
        check(dir.resolve("empty.txt"), "", 0, List.of());
    }

    @Test
    @DisplayName("a negative n throws IllegalArgumentException")
    @Zh("n 为负时抛出 IllegalArgumentException")
    void negative() throws Exception {
        Path f = file("n.txt", "a\nb\n");
        for (int n : new int[] {-1, -5}) {
            Throwable t = assertThrows(Throwable.class, () -> lastLines().call(f, n),
                    "lastLines(file, " + n + ")" + Say.pick(" should throw IllegalArgumentException but returned normally",
                    " 应该抛出 IllegalArgumentException，但正常返回了"));
            Expect.that(t instanceof IllegalArgumentException, "lastLines(file, " + n + ")"
                    + Say.pick(" should throw IllegalArgumentException but threw ", " 应该抛出 IllegalArgumentException，但抛出的是 ") + t);
        }
    }

    @Test
    @DisplayName("a missing file throws an IOException (such as NoSuchFileException)")
    @Zh("文件不存在时抛出 IOException（比如 NoSuchFileException）")
    void missing() {
        Path missing = dir.resolve("missing.txt");
        Throwable t = assertThrows(Throwable.class, () -> lastLines().call(missing, 3),
                Say.pick("lastLines(missing file, 3) should throw an IOException but returned normally",
                        "lastLines(不存在的文件, 3) 应该抛出 IOException，但正常返回了"));
        Expect.that(t instanceof IOException, Say.pick("lastLines(missing file, 3) should throw an IOException"
                + " (NoSuchFileException, as FileChannel.open and Files do) but threw ",
                "lastLines(不存在的文件, 3) 应该抛出 IOException（NoSuchFileException，和 FileChannel.open、Files 一样），但抛出的是 ") + t);
        Expect.that(!Files.exists(missing), Say.pick("lastLines on a missing file created it; it must only read",
                "对不存在的文件调用 lastLines 时创建了它；它只能读"));
    }

    @Test
    @DisplayName("Chinese text and long lines that cross any read buffer come back intact")
    @Zh("中文文本和跨过读缓冲区边界的长行完好返回")
    void chineseAndLongLines() throws Exception {
        List<String> lines = new ArrayList<>();
        StringBuilder content = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            // lengths vary so that line ends and 3-byte characters fall on every offset of a block
            String line = i % 7 == 0 ? "第" + i + "行：" + "你好世界".repeat(i * 13 % 600)
                    : i % 5 == 0 ? "" : "line " + i + " " + "x".repeat(i * 37 % 700) + "。";
            lines.add(line);
            content.append(line).append(i % 3 == 0 ? "\r\n" : "\n");
        }
        Path f = Files.writeString(dir.resolve("long.txt"), content, UTF_8);
        for (int n : new int[] {1, 2, 7, 50, 299, 300, 301}) {
            List<String> expected = lines.subList(Math.max(0, lines.size() - n), lines.size());
            List<String> got = lastLines().call(f, n);
            sameLongLines(Say.pick("lastLines of a " + Files.size(f) + "-byte file of 300 long lines (Chinese and ASCII), n = " + n,
                    "对 " + Files.size(f) + " 字节、300 个长行（中文和 ASCII）的文件调用 lastLines，n = " + n),
                    expected, got);
        }
    }

    /** Like Expect.sameLines, but shows where a long line first differs instead of its start. */
    private static void sameLongLines(String what, List<String> expected, List<String> got) {
        if (expected.equals(got)) {
            return;
        }
        if (got == null || got.size() != expected.size()) {
            Expect.fail(what + Say.pick(": expected " + expected.size() + " lines but got ", "：应该有 " + expected.size() + " 行，但得到的是 ")
                    + (got == null ? "null" : got.size() + Say.pick(" lines", " 行")));
        }
        for (int i = 0; i < expected.size(); i++) {
            String e = expected.get(i);
            String a = got.get(i);
            if (!e.equals(a)) {
                int at = 0;
                while (at < e.length() && at < a.length() && e.charAt(at) == a.charAt(at)) {
                    at++;
                }
                int from = Math.max(0, at - 20);
                Expect.fail(what + Say.pick(": line " + (i + 1) + " of " + expected.size() + " (" + e.length()
                        + " characters) differs from character " + at + " on (got " + a.length() + " characters):\n"
                        + "  expected …", "：第 " + (i + 1) + " 行（共 " + expected.size() + " 行，这一行有 " + e.length()
                        + " 个字符）从第 " + at + " 个字符起不同（得到的这一行有 " + a.length() + " 个字符）：\n  应该是 …")
                        + Text.show(e.substring(from, Math.min(e.length(), at + 20))) + "…\n"
                        + Say.pick("  got      …", "  得到的 …") + Text.show(a.substring(from, Math.min(a.length(), at + 20))) + "…"
                        + (a.indexOf('\uFFFD') >= 0 ? Say.pick("\n(\uFFFD is a broken character: were bytes of one character decoded"
                        + " in two pieces? Decode only after cutting at '\\n'.)",
                        "\n（\uFFFD 是坏掉的字符：是不是把一个字符的字节分成两段解码了？先在 '\\n' 处切开，再解码。）") : ""));
            }
        }
    }

    @Test
    @DisplayName("seeks from the end: the last 3 lines of an 8 GiB file come back within 2 seconds")
    @Zh("从末尾定位：8 GiB 文件的最后 3 行在 2 秒内返回")
    void seeksFromTheEnd() throws Exception {
        String tail = "\nfirst line\nsecond line\r\n最后一行\n";
        Path big = Sparse.create(dir.resolve("big.log"), BIG, tail.getBytes(UTF_8));
        List<String> expected = List.of("first line", "second line", "最后一行");
        // a warm-up on a small file, so the timed calls do not pay for loading classes
        Path small = file("warm-up.txt", "a\nb\n");
        lastLines().call(small, 1);
        String what = Say.pick("lastLines(an 8 GiB file of zero bytes ending in " + Text.show(tail) + ", 3)",
                "lastLines(以 " + Text.show(tail) + " 结尾、其余全是 0 字节的 8 GiB 文件, 3)");
        long best = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 2 && best > LIMIT_MILLIS; attempt++) {
            long millis = timedCall(big, what, expected);
            best = Math.min(best, millis);
        }
        Expect.that(best <= LIMIT_MILLIS, what + Say.pick(" took " + seconds(best) + " (best of 2 tries); it must take at most "
                + seconds(LIMIT_MILLIS) + ". Do not read the file from its start: seek near its end and read backwards"
                + " only as far as the lines asked for.", " 用了 " + seconds(best) + "（2 次中最快的一次）；最多只能用 "
                + seconds(LIMIT_MILLIS) + "。不要从头读文件：" + backwards()));
    }

    /** Runs one call on its own thread; returns how long it took, or fails if it fails or never ends. */
    private long timedCall(Path big, String what, List<String> expected) throws Exception {
        StaticMethod method = lastLines();
        CompletableFuture<List<String>> result = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                result.complete(method.call(big, 3));
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        }, "lastLines on an 8 GiB file");
        worker.setDaemon(true);
        long start = System.nanoTime();
        worker.start();
        List<String> got;
        try {
            got = result.get(GIVE_UP_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            stop(worker, big);
            throw Expect.fail(what + Say.pick(" did not return within " + seconds(GIVE_UP_MILLIS) + " and was stopped; it must take at most "
                    + seconds(LIMIT_MILLIS) + ". Reading 8 GiB from the start takes far too long: seek near the end and read"
                    + " backwards only as far as the lines asked for.", " 在 " + seconds(GIVE_UP_MILLIS) + " 内没有返回，已被停止；最多只能用 "
                    + seconds(LIMIT_MILLIS) + "。从头读 8 GiB 太慢了：" + backwards()));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof OutOfMemoryError) {
                throw Expect.fail(what + Say.pick(" ran out of memory (" + cause.getMessage() + "): it read the whole file."
                        + " Keep only the end of the file: seek near the end and read backwards only as far as the lines asked for.",
                        " 内存不够了（" + cause.getMessage() + "）：它读了整个文件。只保留文件的末尾：" + backwards()));
            }
            if (cause instanceof AssertionError a) {
                throw a;
            }
            throw Expect.fail(what + Say.pick(" threw ", " 抛出了 ") + cause);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        Expect.sameLines(what, expected, got);
        return millis;
    }

    /**
     * Stops a call that reads the whole file: the file is cut to nothing, so its next read ends,
     * and it does not keep a core busy for the tests that follow.
     */
    private static void stop(Thread worker, Path big) throws IOException, InterruptedException {
        try (RandomAccessFile raf = new RandomAccessFile(big.toFile(), "rw")) {
            raf.setLength(0);
        }
        worker.interrupt();
        worker.join(2000);
    }

    /** The way to read only the end, in Chinese, to end a message. */
    private static String backwards() {
        return "用 seek 把文件偏移量移到接近末尾的位置，只往回读到要求的那几行为止。";
    }

    private static String seconds(long millis) {
        return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
