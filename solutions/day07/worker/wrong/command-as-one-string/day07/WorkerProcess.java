// Known-wrong: the command is built as one string and split at spaces, so an argument
// that contains a space (or an empty one) does not reach the child as it was given.
package day07;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM handled like Python's multiprocessing.Process: start, join, is_alive, pid,
 * daemon, terminate and exitcode.
 */
public class WorkerProcess {
    /** How long terminate() lets a worker handle SIGTERM before it is killed. */
    private static final long GRACE_MILLIS = 2000;

    /** Every worker this JVM started, for the exit rule (daemons first, then the others). */
    private static final List<WorkerProcess> STARTED = new CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(WorkerProcess::atExit, "workers at exit"));
    }

    private final String command;
    private volatile boolean daemon;
    private volatile Process process;

    public WorkerProcess(String mainClass, String... args) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        command = java + " -cp " + System.getProperty("java.class.path") + " " + mainClass + " " + String.join(" ", args);
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
            process = new ProcessBuilder(command.split(" ")).inheritIO().start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + command, e);
        }
        STARTED.add(this);
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

    /** Python's rule at exit: terminate the daemon workers, then wait for every worker. */
    private static void atExit() {
        for (WorkerProcess w : STARTED) {
            if (w.daemon && w.isAlive()) {
                w.terminate();
            }
        }
        try {
            for (WorkerProcess w : STARTED) {
                w.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
