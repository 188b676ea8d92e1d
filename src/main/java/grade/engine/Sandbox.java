package grade.engine;

import grade.course.Lang;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;

/**
 * Where a run's test JVM and the learner processes it starts live. With bubblewrap (Linux), in
 * a sandbox of their own: a network namespace with only loopback (learner servers may bind any
 * port, and runs side by side never collide), a process namespace (when the run ends, every
 * process in it ends with it), a read-only view of the system, a private /tmp, the user's home
 * and the workspace hidden, and one writable scratch folder. Without bubblewrap, separate
 * processes in a session of their own (see {@link ProcessTree}).
 */
public final class Sandbox {
    /** The mode a run uses. */
    public enum Mode { BWRAP, PROCESSES }

    private static final Path BWRAP = Path.of("/usr/bin/bwrap");
    /** Whether bubblewrap works on this machine (user namespaces may be off): probed once. */
    private static Boolean works;

    private Sandbox() {
    }

    /**
     * The mode for {@code --sandbox}: {@code auto} and {@code bwrap} take bubblewrap where it
     * works here and separate processes elsewhere; {@code none} takes separate processes.
     */
    public static Mode choose(String wanted) {
        return switch (wanted) {
            case "auto", "bwrap" -> works() ? Mode.BWRAP : Mode.PROCESSES;
            case "none" -> Mode.PROCESSES;
            default -> throw new IllegalArgumentException("--sandbox takes auto, bwrap or none, not \"" + wanted + "\"");
        };
    }

    /** The mode in words, for the first line of a grade. */
    public static String describe(Mode mode, Lang lang) {
        if (lang == Lang.ZH) {
            return mode == Mode.BWRAP ? "沙箱：bubblewrap（独立的网络，只有回环地址；独立的进程；只读的系统）"
                    : "沙箱：独立的进程（这里没有 bubblewrap，结果受到的保护较弱）";
        }
        return mode == Mode.BWRAP
                ? "sandbox: bubblewrap (own network with loopback only, own processes, read-only system)"
                : "sandbox: separate processes (bubblewrap is not available here, so results are less protected)";
    }

    private static synchronized boolean works() {
        if (works == null) {
            works = probe();
        }
        return works;
    }

    private static boolean probe() {
        if (!Files.isExecutable(BWRAP)) {
            return false;
        }
        try {
            Process p = new ProcessBuilder(BWRAP.toString(), "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc",
                    "--unshare-net", "--unshare-pid", "--as-pid-1", "--die-with-parent", "--cap-drop", "ALL", "true")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            boolean ok = p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0;
            p.destroyForcibly();
            p.waitFor();
            return ok;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Wraps {@code command} to run in the sandbox: {@code readable} folders and files stay visible
     * (read-only), {@code scratch} is the one writable place, {@code hidden} folders (the home, the
     * workspace) are replaced by empty ones. The sandbox's own /tmp holds at most {@code tmpBytes}
     * and /dev/shm and each hidden folder 1 MiB, so that writing there cannot fill the machine's memory.
     */
    static List<String> wrap(List<String> command, Path scratch, List<Path> readable, List<Path> hidden, long tmpBytes) {
        List<String> out = new ArrayList<>(List.of(BWRAP.toString(), "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc",
                "--size", Long.toString(tmpBytes), "--tmpfs", "/tmp", "--size", Long.toString(1 << 20), "--tmpfs", "/dev/shm"));
        for (Path h : hidden) {
            if (h != null && Files.isDirectory(h) && !h.equals(h.getRoot())) {
                out.addAll(List.of("--size", Long.toString(1 << 20), "--tmpfs", h.toString()));
            }
        }
        for (Path r : readable) {
            if (Files.exists(r)) {
                out.addAll(List.of("--ro-bind", r.toString(), r.toString()));
            }
        }
        out.addAll(List.of("--bind", scratch.toString(), scratch.toString(),
                "--unshare-net", "--unshare-pid", "--unshare-ipc", "--unshare-uts", "--hostname", "grade",
                "--die-with-parent", "--new-session", "--cap-drop", "ALL", "--chdir", scratch.resolve("tmp").toString(),
                // The sandbox's first process is a shell that waits for the command and reaps every orphan, as an
                // init does: bwrap's own first process is left defunct when bwrap ends (bubblewrap issue 697).
                "--as-pid-1", "--", "/bin/sh", "-c", "\"$@\"", "grade-init"));
        out.addAll(command);
        return out;
    }

    /** Every file a JVM with this class path reads: the entries and the jars their manifests name. */
    static List<Path> classPathFiles(String classPath) {
        Set<Path> out = new LinkedHashSet<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                addWithManifest(Path.of(entry).toAbsolutePath().normalize(), out);
            }
        }
        return List.copyOf(out);
    }

    private static void addWithManifest(Path p, Set<Path> out) {
        if (!out.add(p) || !Files.isRegularFile(p) || !p.toString().endsWith(".jar")) {
            return;
        }
        try (JarFile jar = new JarFile(p.toFile())) {
            var manifest = jar.getManifest();
            String cp = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
            if (cp == null) {
                return;
            }
            for (String item : cp.trim().split("\\s+")) {
                Path next = item.startsWith("file:") ? Path.of(URI.create(item)) : p.getParent().resolve(item);
                addWithManifest(next.toAbsolutePath().normalize(), out);
            }
        } catch (IOException | IllegalArgumentException e) {
            // an unreadable manifest adds nothing; the JVM will say what it misses
        }
    }
}
