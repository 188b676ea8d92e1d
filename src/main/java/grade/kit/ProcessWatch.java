package grade.kit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Watches learner programs and every process they start, so that a test can see real child
 * processes (their pids and parent pids, from the operating system) and can end all of them
 * afterwards: also those that were orphaned (their parent exited, so they are no longer anyone's
 * descendants) and those that ignore SIGTERM. Every interval it records the descendants of the
 * programs it tracks; a program started with {@link #ENV} set to {@link #token()} passes the mark
 * to every process it starts, so that even an orphan is found (Linux, through
 * {@code /proc/PID/environ}). Handles are taken while a process is alive: a handle knows its start
 * time, so ending it later never hits another process that reused the pid.
 *
 * <pre>{@code
 * try (ProcessWatch watch = new ProcessWatch(Duration.ofMillis(20));
 *      LearnerProgram p = watch.track(LearnerProgram.of("day06.Spawn").args("3").env(ProcessWatch.ENV, watch.token()).start())) {
 *     ...
 * }
 * }</pre>
 */
public final class ProcessWatch implements AutoCloseable {
    /** The environment variable that marks the processes a watch follows. */
    public static final String ENV = "GRADE_WATCH";

    /** A process seen while its parent was alive: its handle and the pid of its parent then (-1 when unknown). */
    public record Seen(ProcessHandle handle, long parentPid) {
    }

    private final String token = UUID.randomUUID().toString();
    private final Map<Long, Seen> seen = new ConcurrentHashMap<>();
    /** Every process tracked, for the clean-up; those still looked at are in {@link #watched}. */
    private final List<ProcessHandle> roots = new CopyOnWriteArrayList<>();
    private final List<ProcessHandle> watched = new CopyOnWriteArrayList<>();
    private final Thread poller;
    private volatile boolean closed;
    /** A little before this watch was made: start times are only as exact as the system's clock ticks. */
    private final Instant since = Instant.now().minusSeconds(1);

    /** Starts watching; every {@code interval} it looks at the descendants of what it tracks. */
    public ProcessWatch(Duration interval) {
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

    /** The value of {@link #ENV} for programs this watch follows. */
    public String token() {
        return token;
    }

    /** Watches a program and its descendants from now on. */
    public LearnerProgram track(LearnerProgram program) {
        track(program.handle());
        return program;
    }

    /** Watches a process and its descendants from now on. */
    public ProcessHandle track(ProcessHandle process) {
        roots.add(process);
        watched.add(process);
        scan();
        return process;
    }

    /** Records every descendant of the tracked processes alive right now. */
    public void scan() {
        for (ProcessHandle root : watched) {
            try {
                root.descendants().forEach(h -> seen.computeIfAbsent(h.pid(),
                        pid -> new Seen(h, h.parent().map(ProcessHandle::pid).orElse(-1L))));
            } catch (RuntimeException e) {
                // a process vanished during the scan: the next scan sees the rest
            }
        }
    }

    /**
     * Records a process the test learned about another way (a pid a program printed), if it is
     * ours: it started after this watch did and descends from this JVM or carries this watch's
     * mark. A pid read from a program's output may be wrong, or belong to someone else's process.
     */
    public void remember(long pid) {
        if (seen.containsKey(pid) || pid == ProcessHandle.current().pid()) {
            return;
        }
        ours(pid).filter(h -> h.info().startInstant().map(t -> !t.isBefore(since)).orElse(false))
                .ifPresent(h -> seen.putIfAbsent(pid, new Seen(h, h.parent().map(ProcessHandle::pid).orElse(-1L))));
    }

    /**
     * The running process with this pid if it is ours: a descendant of this JVM, or a process
     * carrying this watch's mark (an orphan of a program the test started).
     */
    public Optional<ProcessHandle> ours(long pid) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(h -> descendsFromThisJvm(h) || Processes.hasEnvironment(pid, ENV, token));
    }

    private static boolean descendsFromThisJvm(ProcessHandle h) {
        long me = ProcessHandle.current().pid();
        for (Optional<ProcessHandle> p = h.parent(); p.isPresent() && p.get().pid() > 1; p = p.get().parent()) {
            if (p.get().pid() == me) {
                return true;
            }
        }
        return false;
    }

    /** Every process seen so far, by pid. */
    public Map<Long, Seen> seen() {
        return Map.copyOf(seen);
    }

    /** The parent pid a process had when it was seen, if it was seen with one. */
    public Optional<Long> parentOf(long pid) {
        Seen s = seen.get(pid);
        return s == null || s.parentPid() < 0 ? Optional.empty() : Optional.of(s.parentPid());
    }

    /** Whether {@code pid} was seen as a direct child of {@code parent}. */
    public boolean sawChild(long parent, long pid) {
        return parentOf(pid).map(p -> p == parent).orElse(false);
    }

    /** The processes seen below those tracked that are still running, and every process carrying this watch's mark. */
    public List<ProcessHandle> stillRunning() {
        Map<Long, ProcessHandle> alive = new LinkedHashMap<>();
        seen.values().stream().map(Seen::handle).filter(ProcessHandle::isAlive).forEach(h -> alive.put(h.pid(), h));
        marked().forEach(h -> alive.putIfAbsent(h.pid(), h));
        return new ArrayList<>(alive.values());
    }

    /** The running processes that carry this watch's mark (Linux; elsewhere none are found). */
    public List<ProcessHandle> marked() {
        return Processes.withEnvironment(ENV, token);
    }

    /**
     * Stops looking at what is tracked so far (a last look first); what was seen stays, and a
     * process tracked later is looked at again.
     */
    public void stop() {
        scan();
        watched.clear();
    }

    /** Ends every process this watch knows of, with everything below it, forcibly (SIGKILL: also one that ignores SIGTERM). */
    @Override
    public void close() {
        stop();
        closed = true;
        poller.interrupt();
        try {
            poller.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<ProcessHandle> all = stillRunning();
        roots.stream().filter(ProcessHandle::isAlive).forEach(all::add);
        all.forEach(Processes::endTree);
    }
}
