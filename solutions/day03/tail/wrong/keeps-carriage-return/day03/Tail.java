// Mistake modelled: seeks from the end and splits at "\n" only, so a CRLF line keeps its "\r".
package day03;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
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
            f.seek(size - 1);
            long end = f.read() == '\n' ? size - 1 : size;
            long pos = end;
            int found = 0;
            while (pos > 0) {
                f.seek(pos - 1);
                if (f.read() == '\n' && ++found == n) {
                    break;
                }
                pos--;
            }
            byte[] bytes = new byte[(int) (end - pos)];
            f.seek(pos);
            f.readFully(bytes);
            return Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\n", -1));
        }
    }
}
