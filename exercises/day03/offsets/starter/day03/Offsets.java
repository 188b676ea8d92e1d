package day03;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reading and writing at any position of a file, like Python's seek() and tell().
 * Read the statement first: ./grade show day03 offsets
 */
public class Offsets {

    /** The file's text (UTF-8) from byte {@code offset} to the end. */
    public static String readFrom(Path file, long offset) throws IOException {
        // TODO: open the file, move to offset, read the rest, decode it as UTF-8
        throw new UnsupportedOperationException("TODO: readFrom");
    }

    /** At most {@code length} bytes from byte {@code offset}; fewer at the end, none past it. */
    public static byte[] readRange(Path file, long offset, int length) throws IOException {
        // TODO
        throw new UnsupportedOperationException("TODO: readRange");
    }

    /** Overwrites bytes at {@code offset} in place, like Python's "r+" mode; never truncates. */
    public static void writeAt(Path file, long offset, byte[] data) throws IOException {
        // TODO
        throw new UnsupportedOperationException("TODO: writeAt");
    }

    /** The file's size in bytes, like os.path.getsize. */
    public static long size(Path file) throws IOException {
        // TODO
        throw new UnsupportedOperationException("TODO: size");
    }
}
