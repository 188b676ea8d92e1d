package grade.engine;

import grade.kit.Jvm;
import grade.kit.RunProperties;
import grade.protocol.Launch;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * One test JVM: started from the launcher that makes it not dumpable, with the sealed runner as
 * its main module and the grader and the learner's classes on its class path, in the sandbox or
 * a session of its own. Its launch (the run's key, the socket to connect to) goes to its stdin,
 * never to its command line or environment. What it prints itself is kept for a crash report.
 */
final class TestJvm {
    /** Bytes of the test JVM's own stdout and stderr kept for a crash report. */
    private static final int OUTPUT_KEPT = 16 * 1024;
    private static final Path PRLIMIT = Path.of("/usr/bin/prlimit");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ProcessTree tree = new ProcessTree();
    private final byte[] key;
    private final Path socket;
    private final ServerSocketChannel server;
    private final Process process;
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final AtomicLong printed = new AtomicLong();

    private TestJvm(Settings settings, RunFolders folders, List<Path> hidden, boolean warm, List<String> flags, boolean learner)
            throws IOException {
        key = new byte[32];
        RANDOM.nextBytes(key);
        socket = folders.socket();
        server = Connection.listen(socket);
        List<String> command = command(settings, folders, flags, learner);
        boolean sandboxed = settings.sandbox() == Sandbox.Mode.BWRAP;
        if (sandboxed) {
            List<Path> readable = new ArrayList<>(Sandbox.classPathFiles(GraderFiles.classPath()));
            readable.add(Path.of(System.getProperty("java.home")));
            readable.add(GraderFiles.folder());
            command = Sandbox.wrap(command, folders.scratch(), readable, hidden, settings.limits().scratchBytes());
        }
        ProcessBuilder pb = Jvm.clean(new ProcessBuilder(command).directory(folders.tmp().toFile()));
        // Code that looks for the home or a temporary folder finds the scratch folder, in either mode.
        pb.environment().put("HOME", folders.home().toString());
        pb.environment().put("TMPDIR", folders.tmp().toString());
        process = tree.start(pb, !sandboxed, folders.scratch());
        try (OutputStream in = process.getOutputStream()) {
            in.write((new Launch(key, socket.toString(), warm).line() + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // it is gone already: its output says why
        }
        drain(process.getInputStream());
    }

    /** Starts a test JVM of the run; {@code warm} runs the warm-up tests before it waits for work. */
    static TestJvm start(Settings settings, RunFolders folders, List<Path> hidden, boolean warm) throws IOException {
        return new TestJvm(settings, folders, hidden, warm, ClassDataArchive.testJvmFlags(settings), true);
    }

    /** Starts a test JVM that writes a class data sharing archive when it ends (see {@link ClassDataArchive}). */
    static TestJvm startArchiving(Settings settings, RunFolders folders, Path archive) throws IOException {
        return new TestJvm(settings, folders, List.of(), true,
                List.of("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"), false);
    }

    /** The test JVM's connection once it said a signed hello; null when it ended or did not connect in time. */
    Connection connect(long timeoutMillis) throws IOException, InterruptedException {
        return Connection.accept(server, socket, key, timeoutMillis, process::isAlive);
    }

    Process process() {
        return process;
    }

    /** Bytes the test JVM printed on its own stdout and stderr. */
    long printed() {
        return printed.get();
    }

    /** What it printed, its last lines, without the JVM's warnings. */
    String output() {
        String s;
        synchronized (output) {
            s = output.toString(StandardCharsets.UTF_8).strip();
        }
        return s.lines().filter(l -> !l.startsWith("WARNING:")).collect(Collectors.joining("\n"));
    }

    /** Whether the grader itself is being interrupted (Ctrl-C, a closed terminal). */
    boolean interrupted() {
        return tree.interrupted();
    }

    /** Ends the test JVM and every process it started, and waits for them. */
    void end() {
        tree.end();
        try {
            server.close();
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            // in the scratch folder, which goes with the run
        }
    }

    /**
     * The command line; {@code learner} puts the learner's classes on the class path (a run for
     * the class data sharing archive has none: its class path must be a beginning of every other).
     */
    private static List<String> command(Settings settings, RunFolders folders, List<String> flags, boolean learner) throws IOException {
        Limits limits = settings.limits();
        List<String> command = new ArrayList<>(limits.osLimits(Files.isExecutable(PRLIMIT) ? PRLIMIT.toString() : null));
        command.add(TestJvmLauncher.java().toString());
        command.addAll(flags);
        command.addAll(Jvm.FAST_START);
        command.addAll(List.of("-XX:+DisableAttachMechanism",
                "-Dfile.encoding=UTF-8", "-Djava.io.tmpdir=" + folders.tmp(), "-Duser.home=" + folders.home(),
                "-Xmx" + limits.testJvmHeapMb() + "m"));
        command.addAll(HARDENING);
        command.addAll(List.of("-D" + RunProperties.LANG + "=" + settings.lang().code(),
                "-D" + RunProperties.LEARNER_CLASSPATH + "=" + folders.learner()));
        command.addAll(limits.jvmProperties());
        // With a named main module only it and what it requires are resolved; ALL-DEFAULT gives
        // the tests and learner code on the class path the JDK's modules, java.net.http among them.
        command.addAll(List.of("--module-path", SealedModule.jar().toString(), "--add-modules", "ALL-DEFAULT",
                "--add-reads", SealedModule.NAME + "=ALL-UNNAMED",
                "-cp", GraderFiles.classPath() + (learner ? File.pathSeparator + folders.methods() : ""),
                "-m", SealedModule.NAME + "/" + SealedModule.MAIN));
        return command;
    }

    private static final List<String> HARDENING = hardening();

    /**
     * What keeps learner code from reading the test JVM's memory where this Java can: Java 23 and
     * later deny it sun.misc.Unsafe's memory access, Java 24 and later native code. (Leaving the
     * module of Unsafe out with --limit-modules would do it on earlier Javas, but it turns off
     * class data sharing there, which a learner would pay for at every grade.)
     */
    private static List<String> hardening() {
        int java = Runtime.version().feature();
        List<String> flags = new ArrayList<>();
        if (java >= 23) {
            flags.add("--sun-misc-unsafe-memory-access=deny");
        }
        if (java >= 24) {
            flags.add("--illegal-native-access=deny");
        }
        return flags;
    }

    private void drain(InputStream in) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[8192];
            try (in) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    printed.addAndGet(n);
                    synchronized (output) {
                        output.write(buf, 0, Math.max(0, Math.min(n, OUTPUT_KEPT - output.size())));
                    }
                }
            } catch (IOException e) {
                // the JVM is gone
            }
        }, "test JVM output");
        t.setDaemon(true);
        t.start();
    }
}
