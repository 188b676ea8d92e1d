// Mistake modelled: flushes FILE after each line but prints through its own buffered
// PrintWriter, flushed only at the end, so stdout shows nothing while TeeLog runs.
package day03;

import static java.nio.file.StandardOpenOption.APPEND;
import static java.nio.file.StandardOpenOption.CREATE;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

public class TeeLog {
    public static void main(String[] args) throws IOException {
        int count = 0;
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)));
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
             BufferedWriter log = Files.newBufferedWriter(Path.of(args[0]), StandardCharsets.UTF_8, CREATE, APPEND)) {
            String line;
            while ((line = in.readLine()) != null) {
                log.write(line + "\n");
                log.flush();
                out.print(line + "\n");
                count++;
            }
        }
        out.print("lines: " + count + "\n");
        out.close();
    }
}
