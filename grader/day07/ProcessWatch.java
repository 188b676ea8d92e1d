package day07;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The processes one test learned about, so that none outlives it. A test records every pid it
 * sees; programs it starts carry an environment variable with this watch's token, which their
 * children and grandchildren inherit, so that even an orphan (whose parent has exited) can be
 * found on Linux by its {@code /proc/PID/environ}. {@link #close} kills whatever still runs.
 *
 * <p>Handles are taken while a process is alive: a {@link ProcessHandle} knows its start time,
 * so killing it later never hits another process that reused the pid.
 */
final class ProcessWatch implements AutoCloseable {
    static final String ENV = "GRADE_DAY07_RUN";

    private final String token = UUID.randomUUID().toString();
    private final Map<Long, ProcessHandle> seen = new LinkedHashMap<>();
    private final Map<Long, Long> parents = new LinkedHashMap<>();
    private volatile Thread watcher;

    /** The value of {@link #ENV} for programs this watch follows. */
    String token() {
        return token;
    }

    /**
     * Records a pid the test learned about, if that process still runs and is ours: a pid read
     * from a program's output may be wrong, or belong by now to someone else's process.
     */
    synchronized void record(long pid) {
        if (!seen.containsKey(pid)) {
            ours(pid).ifPresent(h -> seen.put(pid, h));
        }
    }

    /**
     * The running process with this pid if it is ours: a descendant of this JVM, or a process
     * carrying this watch's token (an orphan of a program the test started).
     */
    Optional<ProcessHandle> ours(long pid) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(h -> descendsFromThisJvm(h) || grade.kit.Processes.hasEnvironment(pid, ENV, token));
    }

    private static boolean descendsFromThisJvm(ProcessHandle h) {
        long me = ProcessHandle.current().pid();
        for (Optional<ProcessHandle> p = h.parent(); p.isPresent(); p = p.get().parent()) {
            if (p.get().pid() == me) {
                return true;
            }
            if (p.get().pid() <= 1) {
                return false;
            }
        }
        return false;
    }

    /** Records a process the test started. */
    synchronized void record(ProcessHandle h) {
        seen.putIfAbsent(h.pid(), h);
    }

    /**
     * Looks at the direct children of {@code parent} every few milliseconds until {@link #stop},
     * recording each one: a JVM child lives far longer than that, so none is missed.
     */
    void watchChildren(ProcessHandle parent) {
        Thread t = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                parent.children().forEach(c -> {
                    synchronized (this) {
                        seen.putIfAbsent(c.pid(), c);
                        parents.putIfAbsent(c.pid(), parent.pid());
                    }
                });
                if (!parent.isAlive()) {
                    return;
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "children of " + parent.pid());
        t.setDaemon(true);
        t.start();
        watcher = t;
    }

    /** Stops watching children and waits for the watcher to finish its last look. */
    void stop() {
        Thread t = watcher;
        if (t != null) {
            t.interrupt();
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether the watcher saw {@code pid} as a direct child of {@code parent}. */
    synchronized boolean sawChild(long parent, long pid) {
        return parents.containsKey(pid) && parents.get(pid) == parent;
    }

    /** Every recorded process still running, and every process carrying this watch's token. */
    List<ProcessHandle> stillRunning() {
        Map<Long, ProcessHandle> alive = new LinkedHashMap<>();
        synchronized (this) {
            seen.values().stream().filter(ProcessHandle::isAlive).forEach(h -> alive.put(h.pid(), h));
        }
        tagged().forEach(h -> alive.putIfAbsent(h.pid(), h));
        return new ArrayList<>(alive.values());
    }

    /** Processes whose environment holds this watch's token (Linux; elsewhere none are found). */
    List<ProcessHandle> tagged() {
        return grade.kit.Processes.withEnvironment(ENV, token);
    }

    /** Whether a process with this pid is a zombie (ended, not yet reaped) child of {@code parent} (Linux). */
    static boolean isZombieOf(long pid, long parent) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return after[0].equals("Z") && Long.parseLong(after[1]) == parent;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Ends, forcibly, every process this watch knows of and every descendant of this JVM. */
    @Override
    public void close() {
        stop();
        List<ProcessHandle> all = stillRunning();
        all.addAll(ProcessHandle.current().descendants().toList());
        all.forEach(ProcessHandle::destroyForcibly);
        // Polled rather than onExit(): for a process that is not our child, onExit() notices the end only seconds later.
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (all.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < end) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return; // the grader ends the whole run's processes afterwards
            }
        }
    }

    /** Describes a process for a message: its pid and, where known, its command line. */
    static String describe(ProcessHandle h) {
        Optional<String> cmd = h.info().commandLine();
        return "pid " + h.pid() + cmd.map(c -> " (" + shorten(c) + ")").orElse("");
    }

    private static String shorten(String commandLine) {
        return commandLine.replaceAll("-cp \\S+ ", "-cp … ");
    }
}
