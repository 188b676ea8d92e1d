// Known-wrong: the daemon flag is stored but nothing happens at exit (no shutdown hook), so daemon
// workers outlive their parent and the JVM does not wait for the others.
package day07;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM handled like Python's multiprocessing.Process: start, join, is_alive, pid,
 * daemon, terminate and exitcode.
 */
public class WorkerProcess {
    /** How long terminate() lets a worker handle SIGTERM before it is killed. */
    private static final long GRACE_MILLIS = 2000;

    private final List<String> command = new ArrayList<>();
    private volatile boolean daemon;
    private volatile Process process;

    public WorkerProcess(String mainClass, String... args) {
        // The same java and the same class path as this JVM, so the child finds our classes.
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(List.of(args));
    }

    public synchronized void setDaemon(boolean daemon) {
        if (process != null) {
            throw new IllegalStateException("setDaemon() must be called before start()");
        }
        this.daemon = daemon;
    }

    public synchronized void start() {
        if (process != null) {
            throw new IllegalStateException("a worker can be started only once");
        }
        try {
            // inheritIO: the child writes straight to our stdout and stderr, so no pipe can fill up.
            process = new ProcessBuilder(command).inheritIO().start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + String.join(" ", command), e);
        }
    }

    public boolean isAlive() {
        Process p = process;
        return p != null && p.isAlive();
    }

    public long pid() {
        return started("pid()").pid();
    }

    public int join() throws InterruptedException {
        return started("join()").waitFor();
    }

    public boolean join(long millis) throws InterruptedException {
        Process p = started("join(millis)");
        if (millis < 0) {
            throw new IllegalArgumentException("millis must not be negative: " + millis);
        }
        return p.waitFor(millis, TimeUnit.MILLISECONDS);
    }

    public Integer exitCode() {
        Process p = process;
        return p == null || p.isAlive() ? null : p.exitValue();
    }

    /** Sends SIGTERM and returns at once; a worker still alive after 2 s gets SIGKILL. */
    public void terminate() {
        Process p = started("terminate()");
        p.destroy();
        Thread killer = new Thread(() -> {
            try {
                if (!p.waitFor(GRACE_MILLIS, TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
            }
        }, "terminate pid " + p.pid());
        killer.setDaemon(true);
        killer.start();
    }

    private Process started(String what) {
        Process p = process;
        if (p == null) {
            throw new IllegalStateException(what + " needs a started worker: call start() first");
        }
        return p;
    }

}
