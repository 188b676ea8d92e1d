package grade.kit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How to start a learner program: its arguments, stdin, environment and working folder. It runs
 * as its own JVM, {@code java -cp <learner classes> dayNN.Name ARGS}, from the learner's classes as
 * compiled (so its exit status is its own), under the run's limits.
 * <pre>{@code ProgramResult r = LearnerProgram.of("day01.Wc").args("-l", f.toString()).run();}</pre>
 */
public final class ProgramLaunch {
    private final String mainClass;
    private final List<String> args = new ArrayList<>();
    private final List<String> jvmArgs = new ArrayList<>();
    private final Map<String, String> env = new LinkedHashMap<>();
    private byte[] stdin;
    private Path dir;

    ProgramLaunch(String mainClass) {
        this.mainClass = mainClass;
    }

    /** Command-line arguments. <pre>{@code .args("-n", "3", file.toString())}</pre> */
    public ProgramLaunch args(String... more) {
        args.addAll(Arrays.asList(more));
        return this;
    }

    /** Command-line arguments from a list. <pre>{@code .args(List.of("-c"))}</pre> */
    public ProgramLaunch args(List<String> more) {
        args.addAll(more);
        return this;
    }

    /** Extra JVM options, such as a small heap. <pre>{@code .jvmArgs("-Xmx16m")}</pre> */
    public ProgramLaunch jvmArgs(String... more) {
        jvmArgs.addAll(Arrays.asList(more));
        return this;
    }

    /** An environment variable. <pre>{@code .env("TZ", "UTC")}</pre> */
    public ProgramLaunch env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** Text sent to stdin (UTF-8), which is then closed. <pre>{@code .stdin("a\nb\n")}</pre> */
    public ProgramLaunch stdin(String text) {
        return stdin(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Bytes sent to stdin, which is then closed. <pre>{@code .stdin(new byte[] {1, 2})}</pre> */
    public ProgramLaunch stdin(byte[] data) {
        this.stdin = data.clone();
        return this;
    }

    /** The working folder; by default a new scratch folder. <pre>{@code .dir(tempDir)}</pre> */
    public ProgramLaunch dir(Path folder) {
        this.dir = folder;
        return this;
    }

    /**
     * Starts the program and returns at once.
     * <pre>{@code LearnerProgram p = LearnerProgram.of("day03.TeeLog").args(f.toString()).start();}</pre>
     */
    public LearnerProgram start() {
        List<String> command = new ArrayList<>(List.of(Jvm.java()));
        command.addAll(Jvm.FAST_START);
        command.addAll(List.of("-Xshare:auto", "-Xss1m", "-Xmx" + Integer.getInteger(RunProperties.HEAP_MB, 256) + "m",
                "-Dfile.encoding=UTF-8", "-Dsun.stdout.encoding=UTF-8", "-Dsun.stderr.encoding=UTF-8",
                // the run's own home and temporary folders, as the test JVM has them
                "-Duser.home=" + System.getProperty("user.home"), "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir")));
        command.addAll(jvmArgs);
        command.addAll(List.of("-cp", learnerClassPath(), mainClass));
        command.addAll(args);
        try {
            Path folder = dir != null ? dir : Files.createTempDirectory("program-");
            ProcessBuilder pb = Jvm.clean(new ProcessBuilder(command).directory(folder.toFile()));
            pb.environment().putAll(env);
            LearnerProgram p = new LearnerProgram(mainClass, List.copyOf(args), pb.start(), folder);
            LearnerProgram.RUNNING.add(p);
            if (stdin != null) {
                p.feed(stdin);
            }
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start a JVM for " + mainClass, e);
        }
    }

    /**
     * Starts the program, waits up to 10 s for it to exit and returns what it did.
     * <pre>{@code ProgramResult r = LearnerProgram.of("day03.DirInfo").args(d.toString()).run();}</pre>
     */
    public ProgramResult run() {
        return run(Duration.ofSeconds(10));
    }

    /** Like {@link #run()} with another deadline. <pre>{@code .run(Duration.ofSeconds(30))}</pre> */
    public ProgramResult run(Duration timeout) {
        try (LearnerProgram p = start()) {
            return p.awaitExit(timeout);
        }
    }

    /**
     * Starts a server and waits until it prints a line containing {@code listening} (or, at
     * the deadline, accepts on the port).
     * <pre>{@code LearnerProgram server = LearnerProgram.of("day03.EchoServer").args("" + port).startServer(port);}</pre>
     */
    public LearnerProgram startServer(int port) {
        LearnerProgram p = start();
        p.awaitListening(port, LearnerProgram.LISTEN_DEADLINE);
        return p;
    }

    static String learnerClassPath() {
        String cp = System.getProperty(RunProperties.LEARNER_CLASSPATH);
        if (cp == null || cp.isBlank()) {
            throw new IllegalStateException("grade.learner.classpath is not set: hidden tests run under `grade`");
        }
        return cp;
    }
}
