package grade.terminal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Single key presses from the terminal, for watch mode. On a POSIX terminal the tty is put in
 * character mode with {@code stty} (and restored on exit), so a key acts without Enter;
 * elsewhere a key followed by Enter works too.
 */
public final class Keys implements AutoCloseable {
    private final String saved;

    private Keys(String saved) {
        this.saved = saved;
    }

    /** Starts reading keys into {@code sink}; each key arrives as a one-character string. */
    public static Keys start(BlockingQueue<String> sink) {
        String saved = Terminal.interactive() ? stty("-g") : null;
        if (saved != null) {
            stty("-icanon", "-echo", "min", "1");
        }
        Keys keys = new Keys(saved);
        Thread reader = new Thread(() -> read(System.in, sink), "keys");
        reader.setDaemon(true);
        reader.start();
        if (saved != null) {
            Runtime.getRuntime().addShutdownHook(new Thread(keys::restore, "restore terminal"));
        }
        return keys;
    }

    private static void read(InputStream in, BlockingQueue<String> sink) {
        try {
            int c;
            while ((c = in.read()) >= 0) {
                if (c > ' ' && c < 127) {
                    sink.offer(String.valueOf((char) Character.toLowerCase(c)));
                }
            }
            sink.offer("eof");
        } catch (IOException e) {
            sink.offer("eof");
        }
    }

    private static String stty(String... args) {
        if (!Files.isExecutable(Path.of("/bin/stty")) && !Files.isExecutable(Path.of("/usr/bin/stty"))) {
            return null;
        }
        try {
            String[] command = new String[args.length + 1];
            command[0] = "stty";
            System.arraycopy(args, 0, command, 1, args.length);
            Process p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.INHERIT).start();
            String out = new String(p.getInputStream().readAllBytes()).strip();
            return p.waitFor(2, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private void restore() {
        if (saved != null && !saved.isEmpty()) {
            stty(saved);
        }
    }

    @Override
    public void close() {
        restore();
    }
}
