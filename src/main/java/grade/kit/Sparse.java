package grade.kit;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;

/**
 * Sparse files: huge on paper, a few blocks on disk, for tests that prove a learner seeks
 * instead of reading everything.
 */
public final class Sparse {
    private Sparse() {
    }

    /**
     * Makes a file of {@code size} bytes of zeros (sparse where the file system allows) and
     * writes {@code tail} at its end.
     * <pre>{@code Sparse.create(dir.resolve("big.log"), 8L << 30, "a\nb\n".getBytes(UTF_8));}</pre>
     */
    public static Path create(Path file, long size, byte[] tail) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(size - tail.length);
            raf.seek(size - tail.length);
            raf.write(tail);
        }
        return file;
    }
}
