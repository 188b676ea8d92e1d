// Mistake modelled: copies raw bytes as they come and counts '\n' bytes. It flushes at once,
// but a last line without a newline is written without one and is not counted.
package day03;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

public class TeeLog {
    public static void main(String[] args) throws IOException {
        int count = 0;
        byte[] buf = new byte[1024];
        InputStream in = System.in;
        try (OutputStream log = new FileOutputStream(args[0], true)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                log.write(buf, 0, n);
                log.flush();
                System.out.write(buf, 0, n);
                System.out.flush();
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        count++;
                    }
                }
            }
        }
        System.out.println("lines: " + count);
    }
}
