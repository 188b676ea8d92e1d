package day01;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each case runs GNU grep -E (or its recording) and the learner's Grep on the same input; see GnuCases.grep(). */
@DisplayName("day01/grep")
class GrepTest {
    @TempDir
    Path dir;

    private void sameAsGnu(String... ids) {
        for (String id : ids) {
            GnuComparison.run(id, dir).sameOutput();
        }
    }

    @Test
    @DisplayName("prints the lines that match a regular expression")
    void plain() {
        sameAsGnu("grep/plain", "grep/regex");
    }

    @Test
    @DisplayName("-i ignores the case of ASCII letters")
    void ignoreCase() {
        sameAsGnu("grep/i");
    }

    @Test
    @DisplayName("-n puts the line number and a colon before each line")
    void numbers() {
        sameAsGnu("grep/n");
    }

    @Test
    @DisplayName("-v selects the lines that do not match")
    void invert() {
        sameAsGnu("grep/v");
    }

    @Test
    @DisplayName("-c prints how many lines were selected instead of the lines")
    void count() {
        sameAsGnu("grep/c-i");
    }

    @Test
    @DisplayName("the options combine: -n -v -i")
    void combined() {
        sameAsGnu("grep/n-v-i");
    }

    @Test
    @DisplayName("two or more files: each line (or count) is prefixed with FILE:")
    void severalFiles() {
        sameAsGnu("grep/files", "grep/files-n-i", "grep/files-c-v");
    }

    @Test
    @DisplayName("with no FILE reads stdin, with no prefix")
    void stdin() {
        sameAsGnu("grep/stdin");
    }

    @Test
    @DisplayName("when no line is selected: exit status 1 (and -c prints 0)")
    void noneSelected() {
        sameAsGnu("grep/none", "grep/none-c");
    }

    @Test
    @DisplayName("a CRLF line keeps its \\r; a last line without a newline is printed with one")
    void lineEnds() {
        sameAsGnu("grep/crlf", "grep/no-final-newline");
    }

    @Test
    @DisplayName("a bad pattern: a message on stderr, exit status 2")
    void badPattern() {
        GnuComparison bad = GnuComparison.run("grep/bad-pattern", dir);
        bad.sameOutput();
        bad.stderrNotEmpty("the pattern (abc is not a valid regular expression");
    }

    @Test
    @DisplayName("a missing file: a message on stderr naming it, the other files still searched, exit status 2")
    void missingFile() {
        GnuComparison missing = GnuComparison.run("grep/missing-among-others", dir);
        missing.sameOutput();
        missing.stderrContains("missing.txt", "a missing file is reported by name");
    }
}
