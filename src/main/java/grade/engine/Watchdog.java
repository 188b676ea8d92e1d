package grade.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Holds a run's per-run limits: every 150 ms it looks at the process tree the grader started
 * (threads and resident memory from /proc where there is one, else the number of processes),
 * at the bytes the test JVM printed outside the test's capture, and at the size of the scratch
 * folder. On the first breach it records which limit was hit and ends the whole tree.
 */
final class Watchdog implements AutoCloseable {
    private static final long PERIOD_MS = 150;
    /** The scratch folder is measured every this many samples (du is a process of its own). */
    private static final int SCRATCH_EVERY = 6;
    /** The list of the tree's processes is made anew every this many samples (new ones show up then). */
    private static final int TREE_EVERY = 3;
    private static final Path DU = Path.of("/usr/bin/du");

    private final Limits limits;
    private final ProcessHandle root;
    private final Path scratch;
    private final LongSupplier printed;
    private final Runnable end;
    private final Thread thread;
    private volatile Limits.Kind breach;
    private int samples;
    private List<ProcessHandle> known = new ArrayList<>();

    /**
     * Starts watching {@code root} and its descendants; {@code printed} counts bytes the test JVM
     * printed on its own stdout and stderr; {@code end} ends the whole tree.
     */
    Watchdog(Limits limits, ProcessHandle root, Path scratch, LongSupplier printed, Runnable end) {
        this.limits = limits;
        this.root = root;
        this.scratch = scratch;
        this.printed = printed;
        this.end = end;
        this.thread = new Thread(this::watch, "limits of the test run");
        thread.setDaemon(true);
        thread.start();
    }

    /** The limit that was hit, or null. */
    Limits.Kind breach() {
        return breach;
    }

    private void watch() {
        while (root.isAlive() && !Thread.currentThread().isInterrupted()) {
            Limits.Kind hit = sample();
            if (hit != null) {
                breach = hit;
                end.run();
                return;
            }
            try {
                Thread.sleep(PERIOD_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** One look at the tree, the output and the scratch folder; the limit hit, or null. */
    Limits.Kind sample() {
        if (samples % TREE_EVERY == 0 || known.isEmpty()) {
            // listing the descendants reads every process of the machine: not at every look
            known = new ArrayList<>();
            known.add(root);
            root.descendants().forEach(known::add);
        }
        List<ProcessHandle> all = known;
        long tasks = 0;
        long rssKb = 0;
        for (ProcessHandle h : all) {
            long[] status = status(h.pid());
            tasks += status != null ? status[0] : h.isAlive() ? 1 : 0; // one that is gone since the list was made counts for nothing
            rssKb += status == null ? 0 : status[1];
        }
        if (tasks > limits.tasks()) {
            return Limits.Kind.TASKS;
        }
        if (rssKb > limits.memoryMb() * 1024L) {
            return Limits.Kind.MEMORY;
        }
        if (printed.getAsLong() > limits.outputBytes()) {
            return Limits.Kind.OUTPUT;
        }
        if (++samples % SCRATCH_EVERY != 0) {
            return null;
        }
        return scratchBytes() > limits.scratchBytes() ? Limits.Kind.SCRATCH : null;
    }

    /** Threads and resident KiB of a process from /proc/PID/status, or null where unreadable. */
    private static long[] status(long pid) {
        try {
            long threads = 1;
            long rss = 0;
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("Threads:")) {
                    threads = Long.parseLong(line.substring(8).strip());
                } else if (line.startsWith("VmRSS:")) {
                    rss = Long.parseLong(line.substring(6).replace("kB", "").strip());
                }
            }
            return new long[] {threads, rss};
        } catch (IOException | RuntimeException e) {
            return null; // gone, or no /proc here
        }
    }

    /**
     * Bytes the scratch folder takes on disk (allocated blocks, so the sparse files of the tests
     * count as what they really use), measured with {@code du}; -1 where there is none.
     */
    private long scratchBytes() {
        if (!Files.isExecutable(DU)) {
            return -1;
        }
        try {
            Process p = new ProcessBuilder(DU.toString(), "-s", "-k", scratch.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
            p.waitFor();
            return Long.parseLong(out.strip().split("\\s+")[0]) * 1024;
        } catch (IOException | RuntimeException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /**
     * One last look at the scratch folder after the run ended: code that wrote past the limit
     * faster than the samples came has still hit it.
     */
    Limits.Kind finalCheck() {
        if (breach == null) {
            if (scratchBytes() > limits.scratchBytes()) {
                breach = Limits.Kind.SCRATCH;
            }
        }
        return breach;
    }

    /** Stops watching; the breach, if any, stays recorded. */
    @Override
    public void close() {
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
