package grade.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** UTF-8 stdout and stderr, whatever the platform's default encoding (Chinese must survive). */
final class Console {
    private static PrintStream out;
    private static PrintStream err;

    private Console() {
    }

    static synchronized PrintStream out() {
        if (out == null) {
            out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        }
        return out;
    }

    static synchronized PrintStream err() {
        if (err == null) {
            err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        }
        return err;
    }
}
