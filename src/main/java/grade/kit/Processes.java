package grade.kit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Ending process trees, and finding processes by a mark in their environment. Everything of the
 * tool that ends processes (the kit, the grader, the hidden tests) ends them here.
 *
 * <p>Finding processes by a mark in their environment. A test (or the grader) that starts programs
 * with an environment variable holding a token of its own can find every process they started in
 * turn, even one that left its parent, its process group or its session: children inherit the
 * environment. Linux only (it reads {@code /proc/PID/environ}); elsewhere nothing is found.
 */
public final class Processes {
    private Processes() {
    }

    /**
     * Ends {@code root} and every process below it, forcibly, the deepest first, and waits up to
     * about three seconds for them to be gone. The deepest go first so that each is reaped by its
     * parent, still running, instead of being left to init as a defunct process.
     * <pre>{@code Processes.endTree(server.handle());}</pre>
     */
    public static void endTree(ProcessHandle root) {
        long end = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        // The deepest first, looking again each time: a process that forks while its tree is
        // ended has its new children ended before it, not left to init.
        for (List<ProcessHandle> all = root.descendants().toList(); !all.isEmpty(); all = root.descendants().toList()) {
            Map<Long, Integer> depth = new HashMap<>();
            all.forEach(h -> depth.put(h.pid(), depthBelow(h, root.pid())));
            int deepest = depth.values().stream().max(Integer::compare).orElse(1);
            List<ProcessHandle> these = System.nanoTime() < end ? all.stream().filter(h -> depth.get(h.pid()) == deepest).toList() : all;
            these.forEach(ProcessHandle::destroyForcibly);
            awaitGone(these, Math.min(end, System.nanoTime() + Duration.ofSeconds(1).toNanos()));
            if (System.nanoTime() >= end) {
                break;
            }
        }
        root.destroyForcibly();
        awaitGone(List.of(root), end);
    }

    private static int depthBelow(ProcessHandle h, long root) {
        int d = 1;
        for (ProcessHandle p = h.parent().orElse(null); p != null && p.pid() != root && d < 64; p = p.parent().orElse(null)) {
            d++;
        }
        return d;
    }

    /**
     * Waits until each is gone, reaped by its parent: a defunct process is not alive for Java, but
     * ending its parent before the parent reaps it would leave it to init.
     */
    private static void awaitGone(List<ProcessHandle> handles, long endNanos) {
        for (ProcessHandle h : handles) {
            while ((h.isAlive() || Files.exists(Path.of("/proc", Long.toString(h.pid())))) && System.nanoTime() < endNanos) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * The live processes, other than this JVM, whose environment holds exactly {@code name=value}.
     * <pre>{@code
     * String token = UUID.randomUUID().toString();
     * LearnerProgram p = LearnerProgram.of("day07.Supervisor").env("WATCH", token).start();
     * ...
     * Processes.withEnvironment("WATCH", token).forEach(ProcessHandle::destroyForcibly);
     * }</pre>
     */
    public static List<ProcessHandle> withEnvironment(String name, String value) {
        List<ProcessHandle> found = new ArrayList<>();
        byte[] entry = (name + "=" + value).getBytes(StandardCharsets.UTF_8);
        long me = ProcessHandle.current().pid();
        Path proc = Path.of("/proc");
        if (!Files.isDirectory(proc)) {
            return found;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(proc, "[0-9]*")) {
            for (Path dir : entries) {
                long pid;
                try {
                    pid = Long.parseLong(dir.getFileName().toString());
                } catch (NumberFormatException e) {
                    continue;
                }
                if (pid != me && hasEnvironment(pid, entry)) {
                    ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(found::add);
                }
            }
        } catch (IOException | RuntimeException e) {
            return found;
        }
        return found;
    }

    /**
     * Whether the environment of process {@code pid} holds exactly {@code name=value} (Linux;
     * false for a process that is gone or not ours to read, and elsewhere).
     * <pre>{@code boolean ours = Processes.hasEnvironment(pid, "WATCH", token);}</pre>
     */
    public static boolean hasEnvironment(long pid, String name, String value) {
        return hasEnvironment(pid, (name + "=" + value).getBytes(StandardCharsets.UTF_8));
    }

    private static boolean hasEnvironment(long pid, byte[] entry) {
        try {
            return holds(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "environ")), entry);
        } catch (IOException | RuntimeException e) {
            return false; // gone, another user's process, or no /proc
        }
    }

    /**
     * Whether a NUL-separated environment block holds exactly {@code entry} ({@code NAME=VALUE}).
     * <pre>{@code Processes.holds("A=1\0B=2\0".getBytes(), "B=2".getBytes())  // true}</pre>
     */
    public static boolean holds(byte[] env, byte[] entry) {
        outer:
        for (int i = 0; i + entry.length <= env.length; i++) {
            if (i > 0 && env[i - 1] != 0) {
                continue;
            }
            for (int j = 0; j < entry.length; j++) {
                if (env[i + j] != entry[j]) {
                    continue outer;
                }
            }
            if (i + entry.length == env.length || env[i + entry.length] == 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * A process for a message: its pid and, where known, its command line (a class path cut short).
     * <pre>{@code Processes.describe(h)  // "pid 4242 (java -cp … day07.Supervisor 3)"}</pre>
     */
    public static String describe(ProcessHandle h) {
        return "pid " + h.pid() + h.info().commandLine().map(c -> " (" + c.replaceAll("-cp \\S+ ", "-cp … ") + ")").orElse("");
    }

    /**
     * Whether the process {@code pid} is a zombie (ended, not yet reaped) child of {@code parent} (Linux).
     * <pre>{@code while (child.isAlive() || Processes.isZombieOf(child.pid(), sup.pid())) { ... }}</pre>
     */
    public static boolean isZombieOf(long pid, long parent) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return after[0].equals("Z") && Long.parseLong(after[1]) == parent;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
