package day03;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The last lines of a file, found by reading backwards from its end, like {@code tail -n}. */
public class Tail {
    /** How much is read at a time while walking backwards. */
    private static final int BLOCK = 8192;

    public static List<String> lastLines(Path file, int n) throws IOException {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative: " + n);
        }
        // FileChannel.open throws NoSuchFileException for a missing file
        try (FileChannel ch = FileChannel.open(file)) {
            long size = ch.size();
            if (n == 0 || size == 0) {
                return List.of();
            }
            // A final "\n" ends the last line; it does not start an empty one after it.
            long end = readAt(ch, size - 1, 1)[0] == '\n' ? size - 1 : size;
            long start = startOfLastLines(ch, end, n);
            if (end - start > Integer.MAX_VALUE - 8) {
                throw new IOException("the last " + n + " lines of " + file + " are too long to return");
            }
            // Cut only at '\n' bytes, so no UTF-8 character is split before decoding.
            String text = new String(readAt(ch, start, (int) (end - start)), StandardCharsets.UTF_8);
            List<String> lines = new ArrayList<>();
            for (String line : text.split("\n", -1)) {
                lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
            }
            return lines;
        }
    }

    /**
     * Walks backwards from {@code end} one block at a time and returns where the last n lines
     * begin: just after the n-th '\n' before {@code end}, or 0 if the file has fewer lines.
     * Only the blocks that hold those lines are read, however big the file is.
     */
    private static long startOfLastLines(FileChannel ch, long end, int n) throws IOException {
        int newlines = 0;
        long pos = end;
        while (pos > 0) {
            int len = (int) Math.min(BLOCK, pos);
            pos -= len;
            byte[] block = readAt(ch, pos, len);
            for (int i = len - 1; i >= 0; i--) {
                if (block[i] == '\n' && ++newlines == n) {
                    return pos + i + 1;
                }
            }
        }
        return 0;
    }

    /** Reads exactly {@code len} bytes at {@code position} (like seek, then read). */
    private static byte[] readAt(FileChannel ch, long position, int len) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(len);
        while (buf.hasRemaining()) {
            if (ch.read(buf, position + buf.position()) < 0) {
                throw new EOFException("the file became shorter while it was read");
            }
        }
        return buf.array();
    }
}
