package day01;

import grade.kit.Expect;
import grade.kit.LearnerProgram;
import grade.kit.ProgramResult;
import grade.kit.Say;
import grade.kit.Text;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One {@link GnuCase} run twice in the same folder, by GNU's tool (or its recording) and by the
 * learner's program, and the comparison of the two, with messages that show the input, what GNU
 * prints and what the program printed.
 */
final class GnuComparison {
    private final GnuCase gnuCase;
    private final GnuReference.Expected expected;
    private final ProgramResult actual;

    private GnuComparison(GnuCase gnuCase, GnuReference.Expected expected, ProgramResult actual) {
        this.gnuCase = gnuCase;
        this.expected = expected;
        this.actual = actual;
    }

    /** Runs the case with this id in a new folder under {@code base}. */
    static GnuComparison run(String id, Path base) {
        GnuCase c = GnuCases.byId(id);
        try {
            Path dir = Files.createDirectories(base.resolve(id.replace('/', '_')));
            c.writeFiles(dir);
            GnuReference.Expected expected = GnuReference.expected(c, dir);
            ProgramResult actual = LearnerProgram.of(c.learnerClass()).args(c.args()).dir(dir)
                    .stdin(c.stdin().getBytes(StandardCharsets.UTF_8)).run(Duration.ofSeconds(10));
            return new GnuComparison(c, expected, actual);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs each case under {@code base}; each must print what GNU's tool prints, and end as it does. */
    static void sameOutput(Path base, String... ids) {
        for (String id : ids) {
            run(id, base).sameOutput();
        }
    }

    /** Runs each case under {@code base}; each must count what GNU wc counts. */
    static void sameCounts(Path base, String... ids) {
        for (String id : ids) {
            run(id, base).sameCounts();
        }
    }

    ProgramResult actual() {
        return actual;
    }

    /** head, tail and grep: the same stdout, byte for byte, and the same exit status. */
    void sameOutput() {
        byte[] want = expected.output().stdout();
        byte[] got = actual.stdoutBytes();
        int wantExit = expected.output().exit();
        if (Arrays.equals(want, got) && wantExit == actual.exitCode()) {
            return;
        }
        StringBuilder sb = new StringBuilder(setting()).append('\n');
        sb.append("  ").append(expected.source()).append(Say.pick(" prints ", "输出 ")).append(Text.show(want))
                .append(Say.pick(" and exits with status ", "，退出状态是 ")).append(wantExit).append(exitMeaning(wantExit)).append('\n');
        sb.append(Say.pick("  your program printed ", "  你的程序输出了 ")).append(Text.show(got))
                .append(Say.pick(" and exited with status ", "，退出状态是 ")).append(actual.exitCode()).append('\n');
        if (!Arrays.equals(want, got)) {
            sb.append(Say.pick("  (the output first differs at byte ", "  （输出第一处不同在第 ")).append(Arrays.mismatch(want, got))
                    .append(Say.pick(")\n", " 个字节，从 0 数起）\n"));
        }
        throw Expect.fail(sb.append(footer()).toString());
    }

    /** wc: the same numbers and names on each line (the spacing between them is free), and the same exit status. */
    void sameCounts() {
        String want = new String(expected.output().stdout(), StandardCharsets.UTF_8);
        List<List<String>> wantFields = fields(want);
        List<List<String>> gotFields = fields(actual.stdout());
        int wantExit = expected.output().exit();
        if (wantFields.equals(gotFields) && wantExit == actual.exitCode()) {
            return;
        }
        StringBuilder sb = new StringBuilder(setting()).append('\n');
        String nothing = Say.pick("    (nothing)", "    （什么也没有）");
        sb.append("  ").append(expected.source()).append(Say.pick(" prints (exit status ", "输出（退出状态是 ")).append(wantExit)
                .append(Say.pick("):\n", "）：\n"));
        sb.append(want.isEmpty() ? nothing : Text.indent(Text.block(want.stripTrailing(), 1500), "    | ")).append('\n');
        sb.append(Say.pick("  your program printed (exit status ", "  你的程序输出了（退出状态是 ")).append(actual.exitCode())
                .append(Say.pick("):\n", "）：\n"));
        String got = actual.stdout();
        sb.append(got.isBlank() ? nothing : Text.indent(Text.block(got.stripTrailing(), 1500), "    | ")).append('\n');
        for (int i = 0; i < Math.max(wantFields.size(), gotFields.size()); i++) {
            List<String> w = i < wantFields.size() ? wantFields.get(i) : null;
            List<String> g = i < gotFields.size() ? gotFields.get(i) : null;
            if (!java.util.Objects.equals(w, g)) {
                sb.append(Say.pick("  line ", "  第 ")).append(i + 1).append(Say.pick(": expected ", " 行：应该是")).append(showFields(w))
                        .append(Say.pick(", got ", "，但得到的是")).append(showFields(g))
                        .append(Say.pick(" (the spacing between fields does not matter)\n", "（字段之间隔几个空格都可以）\n"));
                break;
            }
        }
        if (wantFields.equals(gotFields)) {
            sb.append(Say.pick("  the counts are right but the exit status is not\n", "  计数对了，但退出状态不对\n"));
        }
        throw Expect.fail(sb.append(footer()).toString());
    }

    /** The command that ran and its stderr, below a comparison that already showed its stdout. */
    private String footer() {
        String err = actual.stderr();
        return Say.pick("  command: ", "  命令：") + actual.commandLine() + Say.pick("\n  stderr:", "\n  stderr（标准错误）：")
                + (err.isEmpty() ? Say.pick(" (nothing)", "（什么也没有）") : "\n" + Text.indent(Text.block(err.stripTrailing(), 1500), "    | "));
    }

    /** A line's fields for a message, or that there is no such line. */
    private static String showFields(List<String> fields) {
        return fields == null ? Say.pick("no line", "没有这一行") : Say.pick("the fields ", "字段 ") + fields;
    }

    /** The program's stderr must contain {@code text}. */
    void stderrContains(String text, String why) {
        Expect.that(actual.stderr().contains(text), setting() + "\n  " + why + Say.pick(": stderr should contain ", "：标准错误应该包含 ")
                + Text.show(text) + "\n" + actual.describe());
    }

    /** The program must print something on stderr. */
    void stderrNotEmpty(String why) {
        Expect.that(!actual.stderr().isBlank(), setting() + "\n  " + why
                + Say.pick(": print a message on stderr (it printed nothing there)\n", "：要在标准错误上输出提示（你的程序在那里什么都没输出）\n")
                + actual.describe());
    }

    /** The command and its input, such as {@code `wc -l a.txt`, where a.txt holds "x\n"}. */
    String setting() {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, String> f : gnuCase.files().entrySet()) {
            parts.add(f.getKey() + Say.pick(" holds ", " 的内容是 ") + Text.show(f.getValue()));
        }
        for (String m : gnuCase.missingFiles()) {
            parts.add(m + Say.pick(" does not exist", " 不存在"));
        }
        boolean readsStdin = gnuCase.files().isEmpty() && gnuCase.missingFiles().isEmpty();
        if (readsStdin) {
            parts.add(Say.pick("stdin is ", "标准输入是 ") + Text.show(gnuCase.stdin()));
        }
        return "`" + gnuCase.commandLine() + "`" + (parts.isEmpty() ? "" : Say.pick(", where ", readsStdin ? "，其中" : "，其中 ")
                + String.join(Say.pick(", ", "，"), parts)) + Say.pick(":", "：");
    }

    private String exitMeaning(int exit) {
        if (!gnuCase.tool().equals("grep")) {
            return "";
        }
        return switch (exit) {
            case 0 -> Say.pick(" (a line was selected)", "（有行被选中）");
            case 1 -> Say.pick(" (no line was selected)", "（没有行被选中）");
            default -> Say.pick(" (an error)", "（出错了）");
        };
    }

    /** Each non-blank line split into its fields at runs of whitespace. */
    private static List<List<String>> fields(String text) {
        List<List<String>> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                out.add(List.of(line.strip().split("\\s+")));
            }
        }
        return out;
    }
}
