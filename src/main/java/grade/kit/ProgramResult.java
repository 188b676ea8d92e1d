package grade.kit;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * What a learner program did: its exit status and what it printed.
 *
 * <pre>{@code
 * ProgramResult r = LearnerProgram.of("day03.DirInfo").args(missing.toString()).run();
 * Expect.equal("exit status for a missing folder", 1, r.exitCode());
 * Expect.that(!r.stderr().isBlank(), "print a message on stderr\n" + r.describe());
 * }</pre>
 */
public record ProgramResult(String commandLine, int exitCode, byte[] stdoutBytes, byte[] stderrBytes, boolean truncated) {

    /** stdout as UTF-8 text. */
    public String stdout() {
        return new String(stdoutBytes, StandardCharsets.UTF_8);
    }

    /** stderr as UTF-8 text. */
    public String stderr() {
        return new String(stderrBytes, StandardCharsets.UTF_8);
    }

    /** stdout split into lines without terminators. */
    public List<String> lines() {
        String s = stdout();
        if (s.isEmpty()) {
            return List.of();
        }
        List<String> lines = new java.util.ArrayList<>(Arrays.asList(s.split("\r?\n", -1)));
        if (s.endsWith("\n")) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    /** The command and what it printed, for a failure message. */
    public String describe() {
        return describe(commandLine, stdout() + (truncated ? Say.pick("\n[… output cut]", "\n[… 输出太长，已截断]") : ""), stderr());
    }

    static String describe(String commandLine, String out, String err) {
        String nothing = Say.pick(" (nothing)", "（什么也没有）");
        StringBuilder sb = new StringBuilder(Say.pick("  command: ", "  命令：")).append(commandLine).append('\n');
        sb.append(Say.pick("  stdout:", "  stdout（标准输出）："))
                .append(out.isEmpty() ? nothing + "\n" : "\n" + Text.indent(Text.block(out, 1500), "    |") + "\n");
        sb.append(Say.pick("  stderr:", "  stderr（标准错误）："))
                .append(err.isEmpty() ? nothing : "\n" + Text.indent(Text.block(err, 1500), "    |"));
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProgramResult r && r.exitCode == exitCode && Arrays.equals(r.stdoutBytes, stdoutBytes)
                && Arrays.equals(r.stderrBytes, stderrBytes) && r.commandLine.equals(commandLine);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(stdoutBytes) + exitCode;
    }

    @Override
    public String toString() {
        return "ProgramResult[exit " + exitCode + "]\n" + describe();
    }

    /** How a learner program was started, as a learner would type it: {@code java day01.Wc -l 'a b.txt'}. */
    static String commandLine(String mainClass, List<String> args) {
        StringBuilder sb = new StringBuilder("java ").append(mainClass);
        for (String a : args) {
            sb.append(' ').append(a.isEmpty() || a.contains(" ") ? "'" + a + "'" : a);
        }
        return sb.toString();
    }

    /** An exit status, with what it means where it is a signal of a limit: {@code 152 (SIGXCPU: ...)}. */
    static String exitStatus(int status) {
        return switch (status) {
            case 128 + 24 -> status + " (SIGXCPU: it used more than " + Integer.getInteger(RunProperties.CPU_SECONDS, 0)
                    + " s of CPU time, the limit per process)";
            case 128 + 9 -> status + " (SIGKILL: it was killed, perhaps because it ran out of memory)";
            default -> String.valueOf(status);
        };
    }
}
