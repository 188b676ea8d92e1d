package day01;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each case runs GNU wc (or its recording) and the learner's Wc on the same files; see GnuCases.wc(). */
@DisplayName("day01/wc")
class WcTest {
    @TempDir
    Path dir;

    private void sameAsGnu(String... ids) {
        for (String id : ids) {
            GnuComparison.run(id, dir).sameCounts();
        }
    }

    @Test
    @DisplayName("with no flags prints lines, words and bytes, then the file name")
    void noFlags() {
        sameAsGnu("wc/no-flags");
    }

    @Test
    @DisplayName("-l, -w and -c alone, and together always in the order lines, words, bytes")
    void flags() {
        sameAsGnu("wc/l", "wc/w", "wc/c", "wc/c-l", "wc/w-l-zh");
    }

    @Test
    @DisplayName("words are separated by any ASCII whitespace: spaces, tabs, newlines, \\v, \\f, \\r")
    void whitespace() {
        sameAsGnu("wc/whitespace");
    }

    @Test
    @DisplayName("bytes are raw bytes: a Chinese character counts 3")
    void chineseBytes() {
        sameAsGnu("wc/zh");
    }

    @Test
    @DisplayName("with no FILE reads stdin and prints no name")
    void stdin() {
        sameAsGnu("wc/stdin", "wc/stdin-w-c");
    }

    @Test
    @DisplayName("lines are \\n bytes: a last line without a newline is not counted, CRLF lines count their \\r")
    void lineEnds() {
        sameAsGnu("wc/no-final-newline", "wc/crlf");
    }

    @Test
    @DisplayName("an empty file counts 0 0 0")
    void empty() {
        sameAsGnu("wc/empty");
    }

    @Test
    @DisplayName("two or more files: a line for each, then a total line")
    void severalFiles() {
        sameAsGnu("wc/several", "wc/several-l-w");
    }

    @Test
    @DisplayName("a missing file: message on stderr, the other files still counted, exit status 1")
    void missingFile() {
        String message = "wc: missing.txt: No such file or directory";
        GnuComparison among = GnuComparison.run("wc/missing-among-others", dir);
        among.sameCounts();
        among.stderrContains(message, "a missing file is reported");
        GnuComparison alone = GnuComparison.run("wc/missing-alone", dir);
        alone.sameCounts();
        alone.stderrContains(message, "a missing file is reported");
    }
}
