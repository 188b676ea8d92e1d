package day01;

import grade.kit.Expect;
import grade.kit.LearnerProgram;
import grade.kit.ProgramResult;
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
        sb.append("  ").append(expected.source()).append(" prints ").append(Text.show(want))
                .append(" and exits with status ").append(wantExit).append(exitMeaning(wantExit)).append('\n');
        sb.append("  your program printed ").append(Text.show(got))
                .append(" and exited with status ").append(actual.exitCode()).append('\n');
        if (!Arrays.equals(want, got)) {
            sb.append("  (the output first differs at byte ").append(Arrays.mismatch(want, got)).append(")\n");
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
        sb.append("  ").append(expected.source()).append(" prints (exit status ").append(wantExit).append("):\n");
        sb.append(want.isEmpty() ? "    (nothing)" : Text.indent(Text.block(want.stripTrailing(), 1500), "    | ")).append('\n');
        sb.append("  your program printed (exit status ").append(actual.exitCode()).append("):\n");
        String got = actual.stdout();
        sb.append(got.isBlank() ? "    (nothing)" : Text.indent(Text.block(got.stripTrailing(), 1500), "    | ")).append('\n');
        for (int i = 0; i < Math.max(wantFields.size(), gotFields.size()); i++) {
            List<String> w = i < wantFields.size() ? wantFields.get(i) : null;
            List<String> g = i < gotFields.size() ? gotFields.get(i) : null;
            if (!java.util.Objects.equals(w, g)) {
                sb.append("  line ").append(i + 1).append(": expected ").append(w == null ? "no line" : "the fields " + w)
                        .append(", got ").append(g == null ? "no line" : "the fields " + g)
                        .append(" (the spacing between fields does not matter)\n");
                break;
            }
        }
        if (wantFields.equals(gotFields)) {
            sb.append("  the counts are right but the exit status is not\n");
        }
        throw Expect.fail(sb.append(footer()).toString());
    }

    /** The command that ran and its stderr, below a comparison that already showed its stdout. */
    private String footer() {
        String err = actual.stderr();
        return "  command: " + actual.commandLine() + "\n  stderr:"
                + (err.isEmpty() ? " (nothing)" : "\n" + Text.indent(Text.block(err.stripTrailing(), 1500), "    | "));
    }

    /** The program's stderr must contain {@code text}. */
    void stderrContains(String text, String why) {
        Expect.that(actual.stderr().contains(text), setting() + "\n  " + why + ": stderr should contain "
                + Text.show(text) + "\n" + actual.describe());
    }

    /** The program must print something on stderr. */
    void stderrNotEmpty(String why) {
        Expect.that(!actual.stderr().isBlank(), setting() + "\n  " + why + ": print a message on stderr (it printed nothing there)\n"
                + actual.describe());
    }

    /** The command and its input, such as {@code `wc -l a.txt`, where a.txt holds "x\n"}. */
    String setting() {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, String> f : gnuCase.files().entrySet()) {
            parts.add(f.getKey() + " holds " + Text.show(f.getValue()));
        }
        for (String m : gnuCase.missingFiles()) {
            parts.add(m + " does not exist");
        }
        boolean readsStdin = gnuCase.files().isEmpty() && gnuCase.missingFiles().isEmpty();
        if (readsStdin) {
            parts.add("stdin is " + Text.show(gnuCase.stdin()));
        }
        return "`" + gnuCase.commandLine() + "`" + (parts.isEmpty() ? "" : ", where " + String.join(", ", parts)) + ":";
    }

    private String exitMeaning(int exit) {
        if (!gnuCase.tool().equals("grep")) {
            return "";
        }
        return switch (exit) {
            case 0 -> " (a line was selected)";
            case 1 -> " (no line was selected)";
            default -> " (an error)";
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
