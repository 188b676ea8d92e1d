// Mistake modelled: opens FILE without APPEND; Java's default (CREATE, TRUNCATE_EXISTING) is
// Python's "w", so what the log held before is lost.
package day03;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

public class TeeLog {
    public static void main(String[] args) throws IOException {
        int count = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
             BufferedWriter log = Files.newBufferedWriter(Path.of(args[0]), StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                log.write(line + "\n");
                log.flush();
                System.out.println(line);
                count++;
            }
        }
        System.out.println("lines: " + count);
    }
}
