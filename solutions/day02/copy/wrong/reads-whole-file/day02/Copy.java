// Known-wrong: reads the whole file into one array and writes it back out:
// fine for small files, but a file bigger than the heap cannot be copied.
package day02;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code java day02.Copy SRC DST}: copies any file, text or binary, byte for byte, through a
 * fixed buffer, the way the course reads and writes with {@code rb} and {@code wb}.
 */
public class Copy {
    /** Memory used however big the file is: the copy streams through this one buffer. */
    private static final int BUFFER_SIZE = 64 * 1024;

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: java day02.Copy SRC DST");
            System.exit(2);
        }
        System.exit(run(Path.of(args[0]), Path.of(args[1])));
    }

    private static int run(Path src, Path dst) {
        // Every check comes before DST is opened: opening it for writing empties it at once.
        if (!Files.exists(src)) {
            return fail(src + ": no such file");
        }
        if (Files.isDirectory(src)) {
            return fail(src + ": is a folder, not a file");
        }
        if (Files.isDirectory(dst)) {
            return fail(dst + ": is a folder; give the name of the file to write");
        }
        Path folder = dst.toAbsolutePath().getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            return fail(dst + ": the folder " + folder + " does not exist");
        }
        try {
            // isSameFile sees through "./", "..", symbolic links and hard links alike.
            if (Files.exists(dst) && Files.isSameFile(src, dst)) {
                return fail(src + " and " + dst + " are the same file; copying would empty it");
            }
            long copied = copy(src, dst);
            System.out.println("copied " + copied + " bytes");
            return 0;
        } catch (IOException e) {
            return fail("cannot copy " + src + " to " + dst + ": " + e);
        }
    }

    /** Streams SRC into DST (created, or emptied first, like Python's "wb") and returns the byte count. */
    private static long copy(Path src, Path dst) throws IOException {
        byte[] all = Files.readAllBytes(src);
        Files.write(dst, all);
        return all.length;
    }

    private static int fail(String message) {
        System.err.println("copy: " + message);
        return 1;
    }
}
