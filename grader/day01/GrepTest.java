package day01;

import grade.kit.Say;
import grade.kit.Zh;
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
        GnuComparison.sameOutput(dir, ids);
    }

    @Test
    @DisplayName("prints the lines that match a regular expression")
    @Zh("输出匹配正则表达式的行")
    void plain() {
        sameAsGnu("grep/plain", "grep/regex");
    }

    @Test
    @DisplayName("-i ignores the case of ASCII letters")
    @Zh("-i 忽略 ASCII 字母的大小写")
    void ignoreCase() {
        sameAsGnu("grep/i");
    }

    @Test
    @DisplayName("-n puts the line number and a colon before each line")
    @Zh("-n 在每行前面加上行号和冒号")
    void numbers() {
        sameAsGnu("grep/n");
    }

    @Test
    @DisplayName("-v selects the lines that do not match")
    @Zh("-v 选中不匹配的行")
    void invert() {
        sameAsGnu("grep/v");
    }

    @Test
    @DisplayName("-c prints how many lines were selected instead of the lines")
    @Zh("-c 不输出行，而是输出选中的行数")
    void count() {
        sameAsGnu("grep/c-i");
    }

    @Test
    @DisplayName("the options combine: -n -v -i")
    @Zh("选项可以组合：-n -v -i")
    void combined() {
        sameAsGnu("grep/n-v-i");
    }

    @Test
    @DisplayName("two or more files: each line (or count) is prefixed with FILE:")
    @Zh("两个或更多文件：每一行（或计数）都以 FILE: 开头")
    void severalFiles() {
        sameAsGnu("grep/files", "grep/files-n-i", "grep/files-c-v");
    }

    @Test
    @DisplayName("with no FILE reads stdin, with no prefix")
    @Zh("没有 FILE 时读标准输入，不加前缀")
    void stdin() {
        sameAsGnu("grep/stdin");
    }

    @Test
    @DisplayName("when no line is selected: exit status 1 (and -c prints 0)")
    @Zh("没有行被选中：退出状态为 1（-c 输出 0）")
    void noneSelected() {
        sameAsGnu("grep/none", "grep/none-c");
    }

    @Test
    @DisplayName("a CRLF line keeps its \\r; a last line without a newline is printed with one")
    @Zh("CRLF 行保留它的 \\r；没有换行符的最后一行输出时加上换行符")
    void lineEnds() {
        sameAsGnu("grep/crlf", "grep/no-final-newline");
    }

    @Test
    @DisplayName("a bad pattern: a message on stderr, exit status 2")
    @Zh("写错的模式：在标准错误上输出提示，退出状态为 2")
    void badPattern() {
        GnuComparison bad = GnuComparison.run("grep/bad-pattern", dir);
        bad.sameOutput();
        bad.stderrNotEmpty(Say.pick("the pattern (abc is not a valid regular expression", "模式 (abc 不是合法的正则表达式"));
    }

    @Test
    @DisplayName("a missing file: a message on stderr naming it, the other files still searched, exit status 2")
    @Zh("文件不存在：在标准错误上输出写明文件名的提示，其余文件照常搜索，退出状态为 2")
    void missingFile() {
        GnuComparison missing = GnuComparison.run("grep/missing-among-others", dir);
        missing.sameOutput();
        missing.stderrContains("missing.txt", Say.pick("a missing file is reported by name", "不存在的文件要在提示里写明文件名"));
    }
}
