package day06;

import grade.kit.LearnerProgram;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Watches learner programs and every process they start, so that a test can see real child
 * processes (their pids and parent pids, from the operating system) and can end all of them
 * afterwards, also those that were orphaned (their parent exited, so they are no longer anyone's
 * descendants) and those that ignore SIGTERM.
 *
 * <pre>{@code
 * try (ProcessWatch watch = new ProcessWatch(Duration.ofMillis(10));
 *      LearnerProgram p = watch.track(LearnerProgram.of("day06.Spawn").args("3").start())) {
 *     ...
 * }
 * }</pre>
 */
final class ProcessWatch implements AutoCloseable {
    /** A process seen while its parent was alive: its handle and the pid of its parent then. */
    record Seen(ProcessHandle handle, long parentPid) {
    }

    private final Map<Long, Seen> seen = new ConcurrentHashMap<>();
    private final List<ProcessHandle> roots = new CopyOnWriteArrayList<>();
    private final Thread poller;
    private volatile boolean closed;
    /** A little before this watch was made: start times are only as exact as the system's clock ticks. */
    private final Instant since = Instant.now().minusSeconds(1);

    ProcessWatch(Duration interval) {
        poller = new Thread(() -> {
            while (!closed) {
                scan();
                try {
                    Thread.sleep(interval.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "process watch");
        poller.setDaemon(true);
        poller.setPriority(Thread.MAX_PRIORITY);
        poller.start();
    }

    /** Watches a program and its descendants from now on. */
    LearnerProgram track(LearnerProgram program) {
        roots.add(program.handle());
        scan();
        return program;
    }

    /** Records every descendant of the watched programs alive right now. */
    void scan() {
        for (ProcessHandle root : roots) {
            try {
                root.descendants().forEach(h -> seen.computeIfAbsent(h.pid(),
                        pid -> new Seen(h, h.parent().map(ProcessHandle::pid).orElse(-1L))));
            } catch (RuntimeException e) {
                // a process vanished during the scan: the next scan sees the rest
            }
        }
    }

    /**
     * Records a process the test learned about another way (a pid the program printed), if a
     * process with that pid started after this watch did (so never an unrelated older process).
     */
    void remember(long pid) {
        if (seen.containsKey(pid) || pid == ProcessHandle.current().pid()) {
            return;
        }
        ProcessHandle.of(pid)
                .filter(h -> h.info().startInstant().map(t -> !t.isBefore(since)).orElse(false))
                .ifPresent(h -> seen.putIfAbsent(pid, new Seen(h, -1L)));
    }

    /** Every process seen so far, by pid. */
    Map<Long, Seen> seen() {
        return Map.copyOf(seen);
    }

    /** The parent pid a process had when it was seen, if it was seen. */
    Optional<Long> parentOf(long pid) {
        Seen s = seen.get(pid);
        return s == null || s.parentPid() < 0 ? Optional.empty() : Optional.of(s.parentPid());
    }

    /** The processes seen so far that are still running. */
    List<ProcessHandle> stillRunning() {
        List<ProcessHandle> alive = new ArrayList<>();
        for (Seen s : seen.values()) {
            if (s.handle().isAlive()) {
                alive.add(s.handle());
            }
        }
        return alive;
    }

    /** Ends, forcibly, every watched program and every process ever seen that is still alive. */
    @Override
    public void close() {
        closed = true;
        poller.interrupt();
        try {
            poller.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        scan();
        List<ProcessHandle> all = new ArrayList<>(roots);
        seen.values().forEach(s -> all.add(s.handle()));
        for (ProcessHandle h : all) {
            h.destroyForcibly(); // SIGKILL: also ends a process that ignores SIGTERM
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        for (ProcessHandle h : all) {
            long left = deadline - System.nanoTime();
            try {
                h.onExit().get(Math.max(1, left), TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                // still there after 3 s: the grader ends the whole session afterwards
            }
        }
    }
}
