// Known mistake: never prefixes FILE:, so with several files nobody can tell which file a line
// came from.
package day01;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** {@code grep [-n] [-i] [-v] [-c] PATTERN [FILE...]}: prints the lines that match, like GNU grep -E. */
public class Grep {

    /** The options that shape what is selected and how it is printed. */
    record Options(boolean numbers, boolean invert, boolean count, boolean prefix) {
    }

    public static void main(String[] args) throws IOException {
        boolean numbers = false;
        boolean ignoreCase = false;
        boolean invert = false;
        boolean count = false;
        int i = 0;
        for (; i < args.length && args[i].startsWith("-") && args[i].length() > 1; i++) {
            switch (args[i]) {
                case "-n" -> numbers = true;
                case "-i" -> ignoreCase = true;
                case "-v" -> invert = true;
                case "-c" -> count = true;
                default -> usage("unknown option " + args[i]);
            }
        }
        if (i == args.length) {
            usage("a PATTERN is needed");
        }
        Pattern pattern;
        try {
            // without UNICODE_CASE, CASE_INSENSITIVE folds ASCII letters only, like GNU grep under LC_ALL=C
            pattern = Pattern.compile(args[i], ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
        } catch (PatternSyntaxException e) {
            System.err.println("grep: bad pattern " + args[i] + ": " + e.getDescription());
            System.exit(2);
            return;
        }
        List<String> files = List.of(args).subList(i + 1, args.length);
        Options options = new Options(numbers, invert, count, false);

        OutputStream out = new BufferedOutputStream(System.out);
        boolean selected = false;
        boolean error = false;
        if (files.isEmpty()) {
            selected = search(System.in, "", pattern, options, out);
        }
        for (String name : files) {
            try (InputStream in = Files.newInputStream(Path.of(name))) {
                selected |= search(in, name, pattern, options, out);
            } catch (NoSuchFileException e) {
                // report it and go on with the other files; the exit status says there was an error
                System.err.println("grep: " + name + ": No such file or directory");
                error = true;
            } catch (IOException e) {
                System.err.println("grep: " + name + ": " + e.getMessage());
                error = true;
            }
        }
        out.flush();
        System.exit(error ? 2 : selected ? 0 : 1);
    }

    /** Searches one input; returns whether any line was selected. */
    static boolean search(InputStream raw, String name, Pattern pattern, Options options, OutputStream out) throws IOException {
        InputStream in = new BufferedInputStream(raw);
        byte[] prefix = options.prefix() ? (name + ":").getBytes(StandardCharsets.UTF_8) : new byte[0];
        long lineNumber = 0;
        long selected = 0;
        byte[] line;
        while ((line = readLine(in)) != null) {
            lineNumber++;
            // a "\r" before the "\n" stays in the line, as in GNU grep
            boolean matches = pattern.matcher(new String(line, StandardCharsets.UTF_8)).find();
            if (matches != options.invert()) {
                selected++;
                if (!options.count()) {
                    out.write(prefix);
                    if (options.numbers()) {
                        out.write((lineNumber + ":").getBytes(StandardCharsets.UTF_8));
                    }
                    out.write(line); // the line's own bytes, unchanged
                    out.write('\n');
                }
            }
        }
        if (options.count()) {
            out.write(prefix);
            out.write((selected + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return selected > 0;
    }

    /**
     * The next line without its '\n', or null at the end. Unlike BufferedReader.readLine, it
     * splits at '\n' only, so a "\r" of a CRLF file stays in the line.
     */
    static byte[] readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                return line.toByteArray();
            }
            line.write(b);
        }
        return line.size() > 0 ? line.toByteArray() : null;
    }

    private static void usage(String problem) {
        System.err.println("grep: " + problem);
        System.err.println("usage: java day01.Grep [-n] [-i] [-v] [-c] PATTERN [FILE...]");
        System.exit(2);
    }
}
