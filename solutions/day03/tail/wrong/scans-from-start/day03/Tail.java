// Mistake modelled: streams through the whole file from its start, remembering only where the
// last lines begin. It uses little memory, but reading 8 GiB takes far longer than 2 seconds.
package day03;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

public class Tail {
    public static List<String> lastLines(Path file, int n) throws IOException {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative: " + n);
        }
        Deque<Long> starts = new ArrayDeque<>();
        long pos = 0;
        long size;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            starts.add(0L);
            int b;
            while ((b = in.read()) != -1) {
                pos++;
                if (b == '\n') {
                    starts.add(pos);
                    if (starts.size() > n + 1) {
                        starts.removeFirst();
                    }
                }
            }
            size = pos;
        }
        if (n == 0 || size == 0) {
            return List.of();
        }
        if (starts.peekLast() == size) {
            starts.removeLast(); // the final newline starts no line
        }
        while (starts.size() > n) {
            starts.removeFirst();
        }
        long from = starts.peekFirst();
        byte[] bytes = new byte[(int) (size - from)];
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            f.seek(from);
            f.readFully(bytes);
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.endsWith("\n")) {
            text = text.substring(0, text.length() - 1);
        }
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
        }
        return lines;
    }
}
