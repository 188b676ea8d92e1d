// Known wrong: writeAt opens with "rw" without checking, so a missing file is created instead of NoSuchFileException.
package day03;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reading and writing at any position of a file, like Python's seek() and tell(). */
public class Offsets {

    public static String readFrom(Path file, long offset) throws IOException {
        checkOffset(offset);
        try (RandomAccessFile f = open(file, "r")) {
            long available = Math.max(0, f.length() - offset);
            if (available > Integer.MAX_VALUE - 8) {
                throw new IOException(file + " has too much text after offset " + offset + " for one String");
            }
            byte[] bytes = new byte[(int) available];
            f.seek(offset);
            f.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    public static byte[] readRange(Path file, long offset, int length) throws IOException {
        checkOffset(offset);
        if (length < 0) {
            throw new IllegalArgumentException("length must not be negative: " + length);
        }
        try (RandomAccessFile f = open(file, "r")) {
            long available = Math.max(0, f.length() - offset);
            byte[] bytes = new byte[(int) Math.min(length, available)];
            f.seek(offset);
            f.readFully(bytes);
            return bytes;
        }
    }

    public static void writeAt(Path file, long offset, byte[] data) throws IOException {
        checkOffset(offset);
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) { // the mistake: "rw" creates a missing file
            f.seek(offset);
            f.write(data);
        }
    }

    public static long size(Path file) throws IOException {
        return Files.size(file);
    }

    private static void checkOffset(long offset) {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative: " + offset);
        }
    }

    /** Like Python's "r" and "r+": the file must exist ("rw" alone would create it). */
    private static RandomAccessFile open(Path file, String mode) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString());
        }
        return new RandomAccessFile(file.toFile(), mode);
    }
}
