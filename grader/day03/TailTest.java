package day03;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertThrows;

import grade.kit.Expect;
import grade.kit.LearnerClass;
import grade.kit.Sparse;
import grade.kit.StaticMethod;
import grade.kit.Text;
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
    void lastThree() throws Exception {
        String content = "one\ntwo\nthree\nfour\nfive\n";
        Path f = file("1.txt", content);
        check(f, content, 3, List.of("three", "four", "five"));
        check(f, content, 1, List.of("five"));
        check(f, content, 5, List.of("one", "two", "three", "four", "five"));
    }

    @Test
    @DisplayName("lines ending in \\r\\n come back without the \\r")
    void crlf() throws Exception {
        String content = "alpha\r\nbeta\r\ngamma\r\n";
        Path f = file("crlf.txt", content);
        check(f, content, 2, List.of("beta", "gamma"));
        String mixed = "unix\nwindows\r\nlast\r\n";
        check(file("mixed.txt", mixed), mixed, 3, List.of("unix", "windows", "last"));
    }

    @Test
    @DisplayName("a final newline does not make an empty last line; without one the last line still counts")
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
    void zeroAndEmpty() throws Exception {
        String content = "a\nb\n";
        check(file("ab.txt", content), content, 0, List.of());
        check(file("empty.txt", ""), "", 3, List.of());
        check(dir.resolve("empty.txt"), "", 0, List.of());
    }

    @Test
    @DisplayName("a negative n throws IllegalArgumentException")
    void negative() throws Exception {
        Path f = file("n.txt", "a\nb\n");
        for (int n : new int[] {-1, -5}) {
            Throwable t = assertThrows(Throwable.class, () -> lastLines().call(f, n),
                    "lastLines(file, " + n + ") should throw IllegalArgumentException but returned normally");
            Expect.that(t instanceof IllegalArgumentException,
                    "lastLines(file, " + n + ") should throw IllegalArgumentException but threw " + t);
        }
    }

    @Test
    @DisplayName("a missing file throws an IOException (such as NoSuchFileException)")
    void missing() {
        Path missing = dir.resolve("missing.txt");
        Throwable t = assertThrows(Throwable.class, () -> lastLines().call(missing, 3),
                "lastLines(missing file, 3) should throw an IOException but returned normally");
        Expect.that(t instanceof IOException, "lastLines(missing file, 3) should throw an IOException"
                + " (NoSuchFileException, as FileChannel.open and Files do) but threw " + t);
        Expect.that(!Files.exists(missing), "lastLines on a missing file created it; it must only read");
    }

    @Test
    @DisplayName("Chinese text and long lines that cross any read buffer come back intact")
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
            sameLongLines("lastLines of a " + Files.size(f) + "-byte file of 300 long lines (Chinese and ASCII), n = " + n,
                    expected, got);
        }
    }

    /** Like Expect.sameLines, but shows where a long line first differs instead of its start. */
    private static void sameLongLines(String what, List<String> expected, List<String> got) {
        if (expected.equals(got)) {
            return;
        }
        if (got == null || got.size() != expected.size()) {
            Expect.fail(what + ": expected " + expected.size() + " lines but got "
                    + (got == null ? "null" : got.size() + " lines"));
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
                Expect.fail(what + ": line " + (i + 1) + " of " + expected.size() + " (" + e.length()
                        + " characters) differs from character " + at + " on (got " + a.length() + " characters):\n"
                        + "  expected …" + Text.show(e.substring(from, Math.min(e.length(), at + 20))) + "…\n"
                        + "  got      …" + Text.show(a.substring(from, Math.min(a.length(), at + 20))) + "…"
                        + (a.indexOf('\uFFFD') >= 0 ? "\n(\uFFFD is a broken character: were bytes of one character decoded"
                        + " in two pieces? Decode only after cutting at '\\n'.)" : ""));
            }
        }
    }

    @Test
    @DisplayName("seeks from the end: the last 3 lines of an 8 GiB file come back within 2 seconds")
    void seeksFromTheEnd() throws Exception {
        String tail = "\nfirst line\nsecond line\r\n最后一行\n";
        Path big = Sparse.create(dir.resolve("big.log"), BIG, tail.getBytes(UTF_8));
        List<String> expected = List.of("first line", "second line", "最后一行");
        // a warm-up on a small file, so the timed calls do not pay for loading classes
        Path small = file("warm-up.txt", "a\nb\n");
        lastLines().call(small, 1);
        String what = "lastLines(an 8 GiB file of zero bytes ending in " + Text.show(tail) + ", 3)";
        long best = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 2 && best > LIMIT_MILLIS; attempt++) {
            long millis = timedCall(big, what, expected);
            best = Math.min(best, millis);
        }
        Expect.that(best <= LIMIT_MILLIS, what + " took " + seconds(best) + " (best of 2 tries); it must take at most "
                + seconds(LIMIT_MILLIS) + ". Do not read the file from its start: seek near its end and read backwards"
                + " only as far as the lines asked for.");
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
            throw Expect.fail(what + " did not return within " + seconds(GIVE_UP_MILLIS) + " and was stopped; it must take at most "
                    + seconds(LIMIT_MILLIS) + ". Reading 8 GiB from the start takes far too long: seek near the end and read"
                    + " backwards only as far as the lines asked for.");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof OutOfMemoryError) {
                throw Expect.fail(what + " ran out of memory (" + cause.getMessage() + "): it read the whole file."
                        + " Keep only the end of the file: seek near the end and read backwards only as far as the lines asked for.");
            }
            if (cause instanceof AssertionError a) {
                throw a;
            }
            throw Expect.fail(what + " threw " + cause);
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

    private static String seconds(long millis) {
        return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
