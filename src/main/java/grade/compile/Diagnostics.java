package grade.compile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/** Formats a compiler diagnostic in the learner's terms: their file, the line, a caret. */
final class Diagnostics {
    private Diagnostics() {
    }

    static String format(Diagnostic<? extends JavaFileObject> d, Path root) {
        String file = "?";
        List<String> lines = List.of();
        if (d.getSource() != null) {
            Path p = Path.of(d.getSource().toUri());
            try {
                file = root.relativize(p).toString().replace('\\', '/');
            } catch (IllegalArgumentException e) {
                file = p.getFileName().toString();
            }
            try {
                lines = Files.readAllLines(p, StandardCharsets.UTF_8);
            } catch (IOException | java.io.UncheckedIOException e) {
                lines = List.of();
            }
        }
        String message = d.getMessage(Locale.ENGLISH);
        if ("compiler.err.illegal.char.for.encoding".equals(d.getCode())) {
            message = "the file is not saved as UTF-8 (" + message + "). Save it as UTF-8 in your editor"
                    + " (in VS Code: click the encoding in the status bar, then \"Save with Encoding\", UTF-8), then grade again";
        }
        String first = message.lines().findFirst().orElse("");
        StringBuilder sb = new StringBuilder();
        sb.append(file).append(':').append(d.getLineNumber()).append(':').append(d.getColumnNumber())
                .append(": error: ").append(first);
        message.lines().skip(1).forEach(l -> sb.append("\n    ").append(l.strip()));
        long line = d.getLineNumber();
        if (line >= 1 && line <= lines.size()) {
            String src = lines.get((int) line - 1).replace('\t', ' ');
            sb.append("\n    ").append(src);
            long col = d.getColumnNumber();
            if (col >= 1) {
                sb.append("\n    ").append(" ".repeat((int) Math.min(col - 1, src.length()))).append('^');
            }
        }
        return sb.toString();
    }
}
