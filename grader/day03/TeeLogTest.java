package day03;

import static java.nio.charset.StandardCharsets.UTF_8;

import grade.kit.Expect;
import grade.kit.LearnerProgram;
import grade.kit.ProgramResult;
import grade.kit.Text;
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
                throw Expect.fail("TeeLog exited with status " + r.exitCode() + " while its stdin was still open; it must"
                        + " read and copy lines until the end of input.\n" + r.describe());
            }
            if (!seen.onStdout && !seen.inFile) {
                throw Expect.fail("sent the line " + Text.show(first) + " to the stdin of TeeLog and kept stdin open; after "
                        + START_MILLIS / 1000 + " s it was neither on stdout nor in FILE. Write each line at once and flush"
                        + " stdout and FILE after every line (a buffer is written only when full, on flush() or at the end)."
                        + seen.describe(tee, log));
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
                String where = !timed.onStdout && !timed.inFile ? "neither on stdout nor in FILE"
                        : !timed.onStdout ? "in FILE but not on stdout" : "on stdout but not in FILE";
                throw Expect.fail("sent a line to the stdin of TeeLog while it ran (stdin still open); " + SOON_MILLIS
                        + " ms later it was " + where + " (best of 2 tries). Flush "
                        + (!timed.onStdout && !timed.inFile ? "stdout and FILE" : !timed.onStdout ? "stdout" : "FILE")
                        + " after every line, so that others see it at once." + timed.describe(tee, log));
            }
            Expect.that(tee.isAlive(), "TeeLog exited before its stdin was closed; it must read lines until the end of input.\n"
                    + tee.describeOutput());
            tee.closeStdin();
            ProgramResult r = tee.awaitExit(Duration.ofSeconds(5));
            expectSuccess(r, "lines while it ran, then the end of input");
            String lines = String.join("\n", sent) + "\n";
            Expect.sameText("FILE after " + sent.size() + " lines", lines, Files.readString(log, UTF_8));
            Expect.sameText("stdout of TeeLog", lines + "lines: " + sent.size() + "\n", r.stdout());
        }
    }

    @Test
    @DisplayName("FILE keeps what it held before (append mode, Python's \"a\"); each line is added with \\n, then `lines: N`")
    void appends() throws Exception {
        String before = "earlier line\n第二行 from before\n";
        Path log = Files.writeString(dir.resolve("old.log"), before, UTF_8);
        String input = "one\n\nthree\n";
        ProgramResult r = LearnerProgram.of("day03.TeeLog").args(log.toString()).stdin(input).run();
        expectSuccess(r, "stdin " + Text.show(input));
        Expect.sameText("FILE, which held " + Text.show(before) + " before TeeLog read " + Text.show(input),
                before + input, Files.readString(log, UTF_8));
        Expect.sameText("stdout of TeeLog for stdin " + Text.show(input) + " (an empty line counts too)",
                input + "lines: 3\n", r.stdout());
    }

    @Test
    @DisplayName("a last line without \\n is still a line, written with \\n; a missing FILE is created")
    void lastLineWithoutNewline() throws Exception {
        Path log = dir.resolve("new.log");
        String input = "first\nlast line without newline";
        ProgramResult r = LearnerProgram.of("day03.TeeLog").args(log.toString()).stdin(input).run();
        expectSuccess(r, "stdin " + Text.show(input));
        Expect.that(Files.exists(log), "TeeLog did not create FILE, which did not exist (append mode creates it).\n" + r.describe());
        Expect.sameText("FILE after stdin " + Text.show(input), input + "\n", Files.readString(log, UTF_8));
        Expect.sameText("stdout of TeeLog for stdin " + Text.show(input), input + "\nlines: 2\n", r.stdout());
    }

    @Test
    @DisplayName("Chinese lines pass through unchanged, to FILE and to stdout")
    void chinese() throws Exception {
        Path log = dir.resolve("中文日志.log");
        String input = "你好，世界\n第二行：IO 网络编程\n表情 😀 也要原样保留\n";
        ProgramResult r = LearnerProgram.of("day03.TeeLog").args(log.toString()).stdin(input).run();
        expectSuccess(r, "stdin " + Text.show(input));
        Expect.sameText("FILE after Chinese stdin", input, Files.readString(log, UTF_8));
        Expect.sameText("stdout of TeeLog for Chinese stdin", input + "lines: 3\n", r.stdout());
    }

    @Test
    @DisplayName("no input: `lines: 0`, and FILE keeps what it held")
    void emptyInput() throws Exception {
        String before = "keep me\n";
        Path log = Files.writeString(dir.resolve("keep.log"), before, UTF_8);
        ProgramResult r = LearnerProgram.of("day03.TeeLog").args(log.toString()).stdin("").run();
        expectSuccess(r, "an empty stdin");
        Expect.sameText("stdout of TeeLog for an empty stdin", "lines: 0\n", r.stdout());
        Expect.sameText("FILE, which held " + Text.show(before) + ", after an empty stdin", before, Files.readString(log, UTF_8));
    }

    private static void expectSuccess(ProgramResult r, String input) {
        Expect.that(r.exitCode() == 0, "TeeLog, given " + input + ", exited with status " + r.exitCode()
                + "; at the end of input it should print `lines: N` and exit with status 0.\n" + r.describe());
    }

    /** Where a line showed up, polled until both places have it or the time is up. */
    private record Seen(boolean onStdout, boolean inFile) {
        String describe(LearnerProgram tee, Path log) {
            String file;
            try {
                file = Files.exists(log) ? Text.show(new String(Files.readAllBytes(log), UTF_8)) : "(no such file yet)";
            } catch (IOException e) {
                file = "(unreadable: " + e.getMessage() + ")";
            }
            return "\n  FILE held: " + file + "\n" + tee.describeOutput();
        }
    }

    private static Seen await(LearnerProgram tee, Path log, String line, long millis, boolean both) throws Exception {
        long deadline = System.nanoTime() + millis * 1_000_000;
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
