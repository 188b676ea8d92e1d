// Known mistake: prints the counts in the order the flags were given, so `wc -c -l` prints
// bytes before lines (wc always prints lines, words, bytes).
package day01;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code wc [-l] [-w] [-c] [FILE...]}: counts lines, words and bytes, like GNU wc. */
public class Wc {

    /** The three counts of one input; a line is a '\n' byte, a word a run of non-whitespace bytes. */
    record Counts(long lines, long words, long bytes) {
        Counts plus(Counts o) {
            return new Counts(lines + o.lines, words + o.words, bytes + o.bytes);
        }
    }

    /** One line of output: the counts and the name to print after them ("" for stdin). */
    record Row(Counts counts, String name) {
    }

    public static void main(String[] args) {
        boolean lines = false;
        boolean words = false;
        boolean bytes = false;
        List<Character> order = new ArrayList<>();
        List<String> files = new ArrayList<>();
        for (String arg : args) {
            switch (arg) {
                case "-l" -> { lines = true; order.add('l'); }
                case "-w" -> { words = true; order.add('w'); }
                case "-c" -> { bytes = true; order.add('c'); }
                default -> {
                    if (arg.startsWith("-") && arg.length() > 1) {
                        System.err.println("wc: unknown option " + arg);
                        System.exit(1);
                    }
                    files.add(arg);
                }
            }
        }
        if (!lines && !words && !bytes) {
            lines = words = bytes = true;
            order = List.of('l', 'w', 'c');
        }

        List<Row> rows = new ArrayList<>();
        int status = 0;
        if (files.isEmpty()) {
            try {
                rows.add(new Row(count(System.in), ""));
            } catch (IOException e) {
                System.err.println("wc: stdin: " + e.getMessage());
                status = 1;
            }
        }
        Counts total = new Counts(0, 0, 0);
        for (String name : files) {
            try (InputStream in = Files.newInputStream(Path.of(name))) {
                Counts c = count(in);
                rows.add(new Row(c, name));
                total = total.plus(c);
            } catch (NoSuchFileException e) {
                // the other files are still counted; only the exit status remembers this one
                System.err.println("wc: " + name + ": No such file or directory");
                status = 1;
            } catch (IOException e) {
                System.err.println("wc: " + name + ": " + e.getMessage());
                status = 1;
            }
        }
        if (files.size() >= 2) {
            rows.add(new Row(total, "total"));
        }

        // right-align every column to the widest number, as GNU does (the tests ignore spacing)
        long widest = rows.stream().mapToLong(r -> Math.max(r.counts().bytes(), Math.max(r.counts().lines(), r.counts().words())))
                .max().orElse(0);
        String column = "%" + String.valueOf(widest).length() + "d";
        StringBuilder out = new StringBuilder();
        for (Row r : rows) {
            List<String> fields = new ArrayList<>();
            for (char f : order) {
                long value = switch (f) {
                    case 'l' -> r.counts().lines();
                    case 'w' -> r.counts().words();
                    default -> r.counts().bytes();
                };
                fields.add(String.format(column, value));
            }
            if (!r.name().isEmpty()) {
                fields.add(r.name());
            }
            out.append(String.join(" ", fields)).append('\n');
        }
        System.out.print(out);
        System.out.flush();
        System.exit(status);
    }

    /** Counts a stream byte by byte, through a buffer: no need to hold the whole input. */
    static Counts count(InputStream in) throws IOException {
        long lines = 0;
        long words = 0;
        long bytes = 0;
        boolean inWord = false;
        byte[] buf = new byte[64 * 1024];
        int n;
        while ((n = in.read(buf)) > 0) {
            bytes += n;
            for (int i = 0; i < n; i++) {
                byte b = buf[i];
                if (b == '\n') {
                    lines++;
                }
                if (isSpace(b)) {
                    inWord = false;
                } else if (!inWord) {
                    inWord = true; // the first byte of a new word; a Chinese character's bytes are never spaces
                    words++;
                }
            }
        }
        return new Counts(lines, words, bytes);
    }

    /** ASCII whitespace: space, \t, \n, \v, \f, \r. */
    private static boolean isSpace(byte b) {
        return b == ' ' || (b >= '\t' && b <= '\r');
    }
}
