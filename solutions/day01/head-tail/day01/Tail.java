package day01;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;

/** {@code tail [-n N] [FILE]}: the last N lines (10 by default), byte for byte, like GNU tail. */
public class Tail {

    public static void main(String[] args) {
        long n = 10;
        String file = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("-n")) {
                if (i + 1 == args.length) {
                    fail("option -n needs a number of lines");
                }
                n = parseCount(args[++i]);
            } else if (file == null) {
                file = args[i];
            } else {
                fail("only one FILE, please: " + args[i]);
            }
        }
        try {
            OutputStream out = new BufferedOutputStream(System.out);
            if (file == null) {
                copyLastLines(System.in, out, n);
            } else {
                try (InputStream in = Files.newInputStream(Path.of(file))) {
                    copyLastLines(in, out, n);
                }
            }
            out.flush();
        } catch (NoSuchFileException e) {
            fail("cannot open '" + file + "' for reading: No such file or directory");
        } catch (IOException e) {
            fail("error reading " + (file == null ? "stdin" : "'" + file + "'") + ": " + e.getMessage());
        }
    }

    /**
     * Reads to the end keeping only the last n lines, each with its own terminator ("\n",
     * "\r\n", or none for a last line without one), and writes them as they were.
     */
    static void copyLastLines(InputStream in, OutputStream out, long n) throws IOException {
        if (n == 0) {
            return;
        }
        ArrayDeque<byte[]> last = new ArrayDeque<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        int len;
        while ((len = in.read(buf)) > 0) {
            int start = 0;
            for (int i = 0; i < len; i++) {
                if (buf[i] == '\n') {
                    line.write(buf, start, i + 1 - start);
                    keep(last, line.toByteArray(), n);
                    line.reset();
                    start = i + 1;
                }
            }
            line.write(buf, start, len - start);
        }
        if (line.size() > 0) {
            keep(last, line.toByteArray(), n); // a last line without '\n' is a line too
        }
        for (byte[] l : last) {
            out.write(l);
        }
    }

    private static void keep(ArrayDeque<byte[]> last, byte[] line, long n) {
        last.addLast(line);
        if (last.size() > n) {
            last.removeFirst();
        }
    }

    /** N must be a whole number, 0 or more (GNU's meanings of -n -3 and -n +3 are not part of this exercise). */
    static long parseCount(String text) {
        if (!text.matches("[0-9]+")) {
            fail("invalid number of lines: '" + text + "'");
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private static void fail(String message) {
        System.err.println("tail: " + message);
        System.exit(1);
    }
}
