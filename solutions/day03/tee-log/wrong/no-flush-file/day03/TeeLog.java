// Mistake modelled: writes FILE through a buffered writer without flush(), so lines reach the
// file only when the buffer fills or at the end: another process sees nothing while it runs.
package day03;

import static java.nio.file.StandardOpenOption.APPEND;
import static java.nio.file.StandardOpenOption.CREATE;

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
             BufferedWriter log = Files.newBufferedWriter(Path.of(args[0]), StandardCharsets.UTF_8, CREATE, APPEND)) {
            String line;
            while ((line = in.readLine()) != null) {
                log.write(line);
                log.newLine();
                System.out.println(line);
                count++;
            }
        }
        System.out.println("lines: " + count);
    }
}
