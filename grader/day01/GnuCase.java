package day01;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of a day01 tool: the same arguments, input files and stdin go to GNU's tool and to the
 * learner's program, whose outputs are then compared. Input files are UTF-8 text; a name among the
 * arguments that is not in {@code files} does not exist (a missing file).
 *
 * @param id     a stable name, such as {@code wc/no-flags}, that also keys the recorded output
 * @param tool   {@code wc}, {@code head}, {@code tail} or {@code grep}
 * @param args   the arguments, the same for GNU's tool and for the learner's program
 * @param files  the input files by name, written into the folder both run in
 * @param stdin  what both read on stdin (empty when the case reads files)
 */
public record GnuCase(String id, String tool, List<String> args, Map<String, String> files, String stdin) {

    public GnuCase {
        args = List.copyOf(args);
        files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
    }

    /** The GNU command line: grep runs as {@code grep -E}, since the learner's patterns are extended regular expressions. */
    public List<String> gnuCommand() {
        List<String> command = new ArrayList<>();
        command.add(tool);
        if (tool.equals("grep")) {
            command.add("-E");
        }
        command.addAll(args);
        return command;
    }

    /** The locale GNU's tool runs under: UTF-8 for wc (so that 你好 is a word), plain bytes for the others. */
    public String locale() {
        return tool.equals("wc") ? "C.UTF-8" : "C";
    }

    /** The learner's main class, such as {@code day01.Wc}. */
    public String learnerClass() {
        return "day01." + Character.toUpperCase(tool.charAt(0)) + tool.substring(1);
    }

    /** The command as a learner would type it, for messages: {@code wc -l poem.txt}. */
    public String commandLine() {
        StringBuilder sb = new StringBuilder(tool);
        for (String a : args) {
            sb.append(' ').append(a.matches("[\\w./:-]+") ? a : "'" + a + "'");
        }
        return sb.toString();
    }

    /** The names among the arguments that do not exist as files. */
    public List<String> missingFiles() {
        return args.stream().filter(a -> a.endsWith(".txt") && !files.containsKey(a)).toList();
    }

    /** Writes the input files into {@code dir}. */
    public void writeFiles(Path dir) throws IOException {
        for (Map.Entry<String, String> f : files.entrySet()) {
            Files.write(dir.resolve(f.getKey()), f.getValue().getBytes(StandardCharsets.UTF_8));
        }
    }
}
