// Known mistake: Tail reads lines with String.lines(), which drops the \r of CRLF lines, and
// joins them with \n, so CRLF lines come out as LF lines.
package day01;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** {@code head [-n N] [FILE]}: the first N lines (10 by default), byte for byte, like GNU head. */
public class Head {

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
                copyFirstLines(System.in, out, n);
            } else {
                try (InputStream in = Files.newInputStream(Path.of(file))) {
                    copyFirstLines(in, out, n);
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
     * Copies bytes up to and including the n-th '\n', then stops reading. Copying bytes, not
     * decoded lines, keeps "\r\n" and a last line without a newline exactly as they are.
     */
    static void copyFirstLines(InputStream in, OutputStream out, long n) throws IOException {
        long seen = 0;
        byte[] buf = new byte[64 * 1024];
        int len;
        while (seen < n && (len = in.read(buf)) > 0) {
            int end = 0;
            while (end < len && seen < n) {
                if (buf[end++] == '\n') {
                    seen++;
                }
            }
            out.write(buf, 0, end);
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
            return Long.MAX_VALUE; // more lines than any file has
        }
    }

    private static void fail(String message) {
        System.err.println("head: " + message);
        System.exit(1);
    }
}
