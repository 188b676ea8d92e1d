// Mistake modelled: counts the file's final "\n" as the start of one more line, so
// "a\nb\nc\n" ends in an empty line "" and lastLines(f, 2) is [c, ""].
package day03;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

public class Tail {
    public static List<String> lastLines(Path file, int n) throws IOException {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative: " + n);
        }
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString());
        }
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long size = f.length();
            if (n == 0 || size == 0) {
                return List.of();
            }
            long pos = size;
            int found = 0;
            while (pos > 0) {
                f.seek(pos - 1);
                if (f.read() == '\n' && ++found == n) {
                    break;
                }
                pos--;
            }
            byte[] bytes = new byte[(int) (size - pos)];
            f.seek(pos);
            f.readFully(bytes);
            List<String> lines = new ArrayList<>();
            for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n", -1)) {
                lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
            }
            return lines;
        }
    }
}
