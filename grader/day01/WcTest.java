package day01;

import grade.kit.Say;
import grade.kit.Zh;
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
        GnuComparison.sameCounts(dir, ids);
    }

    @Test
    @DisplayName("with no flags prints lines, words and bytes, then the file name")
    @Zh("不带选项时输出行数、单词数和字节数，再跟文件名")
    void noFlags() {
        sameAsGnu("wc/no-flags");
    }

    @Test
    @DisplayName("-l, -w and -c alone, and together always in the order lines, words, bytes")
    @Zh("-l、-w、-c 单独使用；一起使用时总按行数、单词数、字节数的顺序")
    void flags() {
        sameAsGnu("wc/l", "wc/w", "wc/c", "wc/c-l", "wc/w-l-zh");
    }

    @Test
    @DisplayName("words are separated by any ASCII whitespace: spaces, tabs, newlines, \\v, \\f, \\r")
    @Zh("单词由任何 ASCII 空白字符分隔：空格、制表符、换行符、\\v、\\f、\\r")
    void whitespace() {
        sameAsGnu("wc/whitespace");
    }

    @Test
    @DisplayName("bytes are raw bytes: a Chinese character counts 3")
    @Zh("字节就是原始字节：一个汉字算 3 个字节")
    void chineseBytes() {
        sameAsGnu("wc/zh");
    }

    @Test
    @DisplayName("with no FILE reads stdin and prints no name")
    @Zh("没有 FILE 时读标准输入，不输出名字")
    void stdin() {
        sameAsGnu("wc/stdin", "wc/stdin-w-c");
    }

    @Test
    @DisplayName("lines are \\n bytes: a last line without a newline is not counted, CRLF lines count their \\r")
    @Zh("一行就是一个 \\n 字节：没有换行符的最后一行不算一行，CRLF 行的 \\r 计入字节数")
    void lineEnds() {
        sameAsGnu("wc/no-final-newline", "wc/crlf");
    }

    @Test
    @DisplayName("an empty file counts 0 0 0")
    @Zh("空文件统计为 0 0 0")
    void empty() {
        sameAsGnu("wc/empty");
    }

    @Test
    @DisplayName("two or more files: a line for each, then a total line")
    @Zh("两个或更多文件：每个文件一行，最后是合计行")
    void severalFiles() {
        sameAsGnu("wc/several", "wc/several-l-w");
    }

    @Test
    @DisplayName("a missing file: message on stderr, the other files still counted, exit status 1")
    @Zh("文件不存在：在标准错误上输出提示，其余文件照常统计，退出状态为 1")
    void missingFile() {
        String message = "wc: missing.txt: No such file or directory";
        GnuComparison among = GnuComparison.run("wc/missing-among-others", dir);
        among.sameCounts();
        among.stderrContains(message, Say.pick("a missing file is reported", "不存在的文件要报告出来"));
        GnuComparison alone = GnuComparison.run("wc/missing-alone", dir);
        alone.sameCounts();
        alone.stderrContains(message, Say.pick("a missing file is reported", "不存在的文件要报告出来"));
    }
}
