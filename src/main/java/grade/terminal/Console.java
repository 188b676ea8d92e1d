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
        if (out == null && WINDOWS) {
            org.fusesource.jansi.AnsiConsole.systemInstall();
            out = org.fusesource.jansi.AnsiConsole.out();
        }
        if (out == null) {
            out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        }
        return out;
    }

    public static synchronized PrintStream err() {
        if (err == null && WINDOWS) {
            org.fusesource.jansi.AnsiConsole.systemInstall();
            err = org.fusesource.jansi.AnsiConsole.err();
        }
        if (err == null) {
            err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        }
        return err;
    }
}
