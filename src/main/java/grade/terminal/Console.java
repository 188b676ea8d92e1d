package grade.terminal;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 stdout and stderr, whatever the platform's default encoding (Chinese must survive). On
 * Windows, Jansi's console streams turn the colour codes into console colours.
 */
public final class Console {
    private static PrintStream out;
    private static PrintStream err;

    private Console() {
    }

    private static final boolean WINDOWS = System.getProperty("os.name", "").startsWith("Windows");

    public static synchronized PrintStream out() {
        if (out == null) {
            out = open(FileDescriptor.out);
        }
        return out;
    }

    public static synchronized PrintStream err() {
        if (err == null) {
            err = open(FileDescriptor.err);
        }
        return err;
    }

    /** A UTF-8 stream to {@code fd}, on Windows Jansi's. */
    private static PrintStream open(FileDescriptor fd) {
        if (WINDOWS) {
            org.fusesource.jansi.AnsiConsole.systemInstall();
            return fd == FileDescriptor.out ? org.fusesource.jansi.AnsiConsole.out() : org.fusesource.jansi.AnsiConsole.err();
        }
        return new PrintStream(new FileOutputStream(fd), true, StandardCharsets.UTF_8);
    }
}
