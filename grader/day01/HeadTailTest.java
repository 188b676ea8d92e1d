package day01;

import grade.kit.Expect;
import grade.kit.LearnerProgram;
import grade.kit.ProgramResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each case runs GNU head/tail (or its recording) and the learner's program on the same input; see GnuCases.headTail(). */
@DisplayName("day01/head-tail")
class HeadTailTest {
    @TempDir
    Path dir;

    private void sameAsGnu(String... ids) {
        for (String id : ids) {
            GnuComparison.run(id, dir).sameOutput();
        }
    }

    @Test
    @DisplayName("Head with no -n prints the first 10 lines")
    void headDefault() {
        sameAsGnu("head/default");
    }

    @Test
    @DisplayName("Head -n 3 prints the first 3 lines of a Chinese file, byte for byte")
    void headN() {
        sameAsGnu("head/n3-zh");
    }

    @Test
    @DisplayName("Head keeps a last line that has no newline, and adds none")
    void headNoFinalNewline() {
        sameAsGnu("head/no-final-newline");
    }

    @Test
    @DisplayName("Head keeps CRLF line ends as they are")
    void headCrlf() {
        sameAsGnu("head/crlf");
    }

    @Test
    @DisplayName("Head with -n 0, with N larger than the file, and on an empty file")
    void headEdges() {
        sameAsGnu("head/n0", "head/n-bigger", "head/empty");
    }

    @Test
    @DisplayName("Head reads stdin when no FILE is given")
    void headStdin() {
        sameAsGnu("head/stdin");
    }

    @Test
    @DisplayName("Tail with no -n prints the last 10 lines")
    void tailDefault() {
        sameAsGnu("tail/default");
    }

    @Test
    @DisplayName("Tail keeps a last line that has no newline, and adds none")
    void tailNoFinalNewline() {
        sameAsGnu("tail/no-final-newline");
    }

    @Test
    @DisplayName("Tail counts empty lines at the end as lines")
    void tailBlankLines() {
        sameAsGnu("tail/blank-lines");
    }

    @Test
    @DisplayName("Tail keeps CRLF line ends as they are")
    void tailCrlf() {
        sameAsGnu("tail/crlf");
    }

    @Test
    @DisplayName("Tail with -n 0, with N larger than the file, and on an empty file")
    void tailEdges() {
        sameAsGnu("tail/n0", "tail/n-bigger", "tail/empty");
    }

    @Test
    @DisplayName("Tail reads stdin when no FILE is given")
    void tailStdin() {
        sameAsGnu("tail/stdin");
    }

    @Test
    @DisplayName("a missing FILE: a message on stderr naming it, exit status 1")
    void missingFile() {
        for (String program : new String[] {"day01.Head", "day01.Tail"}) {
            ProgramResult r = LearnerProgram.of(program).args("-n", "3", "missing.txt").dir(dir).stdin(new byte[0])
                    .run(Duration.ofSeconds(10));
            String what = "`" + name(program) + " -n 3 missing.txt`, where missing.txt does not exist";
            Expect.that(r.exitCode() == 1, what + ": the exit status should be 1, not " + r.exitCode() + "\n" + r.describe());
            Expect.that(r.stdout().isEmpty(), what + ": nothing should be printed on stdout\n" + r.describe());
            Expect.that(r.stderr().contains("missing.txt"), what + ": the message on stderr should name missing.txt\n" + r.describe());
        }
    }

    @Test
    @DisplayName("a bad N (-n abc, -n -3): a message on stderr that shows it, exit status 1")
    void badCount() throws Exception {
        Files.writeString(dir.resolve("lines.txt"), "one\ntwo\nthree\n");
        for (String program : new String[] {"day01.Head", "day01.Tail"}) {
            for (String bad : new String[] {"abc", "-3"}) {
                ProgramResult r = LearnerProgram.of(program).args("-n", bad, "lines.txt").dir(dir).stdin(new byte[0])
                        .run(Duration.ofSeconds(10));
                String what = "`" + name(program) + " -n " + bad + " lines.txt`, where lines.txt holds \"one\\ntwo\\nthree\\n\"";
                Expect.that(r.exitCode() == 1, what + ": N must be a whole number 0 or more, so the exit status should be 1, not "
                        + r.exitCode() + "\n" + r.describe());
                Expect.that(r.stdout().isEmpty(), what + ": nothing should be printed on stdout\n" + r.describe());
                Expect.that(r.stderr().contains(bad), what + ": the message on stderr should show the bad N, " + bad + "\n" + r.describe());
            }
        }
    }

    private static String name(String program) {
        return program.equals("day01.Head") ? "head" : "tail";
    }
}
