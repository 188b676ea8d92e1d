// Known mistake: decodes the input into a String and reports text.length(), the number of
// characters, as the byte count, so each Chinese character counts 1 instead of 3.
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
        List<String> files = new ArrayList<>();
        for (String arg : args) {
            switch (arg) {
                case "-l" -> lines = true;
                case "-w" -> words = true;
                case "-c" -> bytes = true;
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
            if (lines) {
                fields.add(String.format(column, r.counts().lines()));
            }
            if (words) {
                fields.add(String.format(column, r.counts().words()));
            }
            if (bytes) {
                fields.add(String.format(column, r.counts().bytes()));
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
        String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        long lines = text.chars().filter(c -> c == '\n').count();
        String trimmed = text.strip();
        long words = trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
        return new Counts(lines, words, text.length());
    }
}
