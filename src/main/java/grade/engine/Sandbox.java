package grade.engine;

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
    private static Mode detected;

    private Sandbox() {
    }

    /** bubblewrap when it is installed and works here (user namespaces may be off), else processes. */
    public static synchronized Mode mode() {
        if (detected == null) {
            detected = probe() ? Mode.BWRAP : Mode.PROCESSES;
        }
        return detected;
    }

    /** Forces a mode (for --sandbox and for tests of both modes); null detects it again. */
    public static synchronized void force(Mode mode) {
        detected = mode == Mode.BWRAP && !probe() ? Mode.PROCESSES : mode;
    }

    public static String describe(Mode mode) {
        return mode == Mode.BWRAP
                ? "sandbox: bubblewrap (own network with loopback only, own processes, read-only system)"
                : "sandbox: separate processes (bubblewrap is not available here)";
    }

    private static boolean probe() {
        if (!Files.isExecutable(BWRAP)) {
            return false;
        }
        try {
            Process p = new ProcessBuilder(BWRAP.toString(), "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc",
                    "--unshare-net", "--unshare-pid", "--die-with-parent", "true")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0;
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
                "--die-with-parent", "--new-session", "--chdir", scratch.resolve("tmp").toString(), "--"));
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
