package grade;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A real terminal for the grader's tests: a tmux session we type into and read the screen of. */
final class Tmux implements AutoCloseable {
    private final String session;

    private Tmux(String session) {
        this.session = session;
    }

    static boolean available() {
        try {
            return new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Starts {@code command} (a shell command line) in a new 120x45 session. */
    static Tmux start(String command) throws IOException, InterruptedException {
        String name = "grade-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        run("tmux", "new-session", "-d", "-s", name, "-x", "120", "-y", "45", command + "; sleep 600");
        return new Tmux(name);
    }

    void type(String keys) throws IOException, InterruptedException {
        run("tmux", "send-keys", "-t", session, "-l", keys);
    }

    void enter() throws IOException, InterruptedException {
        run("tmux", "send-keys", "-t", session, "Enter");
    }

    /** The screen and its scroll-back as text (colours dropped). */
    String screen() throws IOException, InterruptedException {
        return run("tmux", "capture-pane", "-p", "-J", "-S", "-2000", "-t", session);
    }

    /** Waits until the screen satisfies {@code ready}; fails with the screen after the deadline. */
    String await(Predicate<String> ready, String what, int seconds) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        String s = screen();
        while (!ready.test(s)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + seconds + " s for " + what + "; the screen shows:\n" + s);
            }
            Thread.sleep(100);
            s = screen();
        }
        return s;
    }

    String await(String text, int seconds) throws IOException, InterruptedException {
        return await(s -> s.contains(text), "\"" + text + "\"", seconds);
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run("tmux", "kill-session", "-t", session);
    }
}
