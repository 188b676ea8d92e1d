package day03;

import static java.nio.file.StandardOpenOption.APPEND;
import static java.nio.file.StandardOpenOption.CREATE;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Copies stdin to stdout and appends it to a log file, line by line, like `tee -a FILE`. */
public class TeeLog {
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: java day03.TeeLog FILE");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        int count = 0;
        // stdout through a buffer of our own: what is printed shows only on flush()
        PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)), false, StandardCharsets.UTF_8);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
             // APPEND is Python's "a": what the file held stays, every write goes to its end
             Writer log = Files.newBufferedWriter(file, StandardCharsets.UTF_8, CREATE, APPEND)) {
            String line;
            // readLine also returns a last line that has no "\n"; we write it with one
            while ((line = in.readLine()) != null) {
                log.write(line + "\n");
                log.flush(); // a buffer is written out when full, at close, or on flush(): flush now,
                out.print(line + "\n");
                out.flush(); // so that others see the line while we still run
                count++;
            }
        }
        out.print("lines: " + count + "\n");
        out.flush();
    }
}
