// Mistake modelled: reads backwards in blocks but decodes each block to text on its own, so a
// Chinese character (3 bytes in UTF-8) cut by a block boundary turns into U+FFFD.
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
    private static final int BLOCK = 4096;

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
            StringBuilder text = new StringBuilder();
            long pos = size;
            while (pos > 0 && count(text) <= n) {
                int len = (int) Math.min(BLOCK, pos);
                pos -= len;
                byte[] block = new byte[len];
                f.seek(pos);
                f.readFully(block);
                text.insert(0, new String(block, StandardCharsets.UTF_8));
            }
            String all = text.toString();
            if (all.endsWith("\n")) {
                all = all.substring(0, all.length() - 1);
            }
            String[] parts = all.split("\n", -1);
            List<String> lines = new ArrayList<>();
            for (int i = Math.max(0, parts.length - n); i < parts.length; i++) {
                String line = parts[i];
                lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
            }
            return lines;
        }
    }

    private static int count(StringBuilder text) {
        int c = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                c++;
            }
        }
        return c;
    }
}
