// Mistake modelled: reads the whole file (Files.readAllLines) and keeps its end. Right for small
// files, but an 8 GiB file does not fit in memory, nor could it be read in 2 seconds.
package day03;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

public class Tail {
    public static List<String> lastLines(Path file, int n) throws IOException {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative: " + n);
        }
        List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
        return all.subList(Math.max(0, all.size() - n), all.size());
    }
}
