// Known wrong: Tail cuts the text with String.split("\n"), which drops the empty strings at the end, so empty last lines disappear ("x\n\n\n" has 3 lines, not 1).
package day01;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** {@code tail [-n N] [FILE]}: the last N lines (10 by default). */
public class Tail {

    public static void main(String[] args) throws IOException {
        long n = 10;
        String file = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("-n")) {
                String text = i + 1 < args.length ? args[++i] : "";
                if (!text.matches("[0-9]+")) {
                    System.err.println("tail: invalid number of lines: '" + text + "'");
                    System.exit(1);
                }
                n = Long.parseLong(text);
            } else {
                file = args[i];
            }
        }
        byte[] data;
        if (file == null) {
            data = System.in.readAllBytes();
        } else {
            try (InputStream in = Files.newInputStream(Path.of(file))) {
                data = in.readAllBytes();
            } catch (NoSuchFileException e) {
                System.err.println("tail: cannot open '" + file + "' for reading: No such file or directory");
                System.exit(1);
                return;
            }
        }
        String text = new String(data, StandardCharsets.UTF_8);
        List<String> lines = List.of(text.split("\n")); // drops the empty strings at the end
        if (text.isEmpty()) {
            return;
        }
        List<String> last = lines.subList((int) Math.max(0, lines.size() - n), lines.size());
        StringBuilder out = new StringBuilder(String.join("\n", last));
        if (!last.isEmpty() && text.endsWith("\n")) {
            out.append('\n');
        }
        System.out.write(out.toString().getBytes(StandardCharsets.UTF_8));
        System.out.flush();
    }
}
