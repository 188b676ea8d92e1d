// Known-wrong: add opens the file for writing without APPEND (nor truncation): every
// new line is written at offset 0, over the first notes.
package day02;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.nio.file.StandardOpenOption.APPEND;
import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * {@code java day02.Notes FILE add TEXT... | list | count | undo | clear}: a notebook kept in a
 * text file, one note per line.
 */
public class Notes {
    private static final String USAGE = "usage: java day02.Notes FILE add TEXT... | list | count | undo | clear";

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Does what the arguments say and returns the exit status. */
    private static int run(String[] args) {
        if (args.length < 2) {
            return usage();
        }
        Path file = Path.of(args[0]);
        String[] rest = Arrays.copyOfRange(args, 2, args.length);
        try {
            return switch (args[1]) {
                case "add" -> rest.length == 0 ? usage() : add(file, String.join(" ", rest));
                case "list" -> rest.length == 0 ? list(file) : usage();
                case "count" -> rest.length == 0 ? count(file) : usage();
                case "undo" -> rest.length == 0 ? undo(file) : usage();
                case "clear" -> rest.length == 0 ? clear(file) : usage();
                default -> usage();
            };
        } catch (IOException e) {
            System.err.println("notes: " + file + ": " + e);
            return 1;
        }
    }

    private static int usage() {
        System.err.println(USAGE);
        return 2;
    }

    /**
     * Python's {@code open(file, 'a')}: with APPEND the system puts every write at the end of the
     * file, so the lines already there are never read or rewritten, and several processes
     * adding at once each get their whole line in.
     */
    private static int add(Path file, String text) throws IOException {
        byte[] line = (text + "\n").getBytes(UTF_8);
        try (OutputStream out = Files.newOutputStream(file, CREATE, WRITE)) {
            out.write(line); // one write of the whole line
        }
        return 0;
    }

    private static int list(Path file) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        try (BufferedReader in = Files.newBufferedReader(file, UTF_8)) {
            int n = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                System.out.println(++n + ": " + line);
            }
        }
        return 0;
    }

    private static int count(Path file) throws IOException {
        long lines = 0;
        if (Files.exists(file)) {
            try (BufferedReader in = Files.newBufferedReader(file, UTF_8)) {
                while (in.readLine() != null) {
                    lines++;
                }
            }
        }
        System.out.println(lines);
        return 0;
    }

    /** Cuts the file just after the line before the last: only the end of the file is read. */
    private static int undo(Path file) throws IOException {
        if (!Files.exists(file) || Files.size(file) == 0) {
            System.err.println("nothing to undo");
            return 1;
        }
        try (FileChannel channel = FileChannel.open(file, READ, WRITE)) {
            channel.truncate(startOfLastLine(channel));
        }
        return 0;
    }

    /**
     * Where the last line starts: just after the last '\n' that is not the file's final byte (a
     * last line may end with '\n' or not), or 0 if the file holds one line. Reads backwards
     * block by block.
     */
    private static long startOfLastLine(FileChannel channel) throws IOException {
        ByteBuffer block = ByteBuffer.allocate(8192);
        long end = channel.size() - 1; // the final byte never starts a line
        while (end > 0) {
            long start = Math.max(0, end - block.capacity());
            block.clear().limit((int) (end - start));
            while (block.hasRemaining()) {
                if (channel.read(block, start + block.position()) < 0) {
                    throw new IOException("the file got shorter while being read");
                }
            }
            for (int i = block.limit() - 1; i >= 0; i--) {
                if (block.get(i) == '\n') {
                    return start + i + 1;
                }
            }
            end = start;
        }
        return 0;
    }

    /** Python's {@code open(file, 'w')}: creates the file, or empties it and keeps it. */
    private static int clear(Path file) throws IOException {
        Files.newOutputStream(file).close();
        return 0;
    }
}
