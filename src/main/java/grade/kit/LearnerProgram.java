package grade.kit;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A learner's program running as its own JVM: {@code java -cp <learner classes> dayNN.Name ARGS},
 * in a scratch folder, under a UTF-8 locale. Its stdout and stderr are captured (up to a cap,
 * marked where cut); the test can write to its stdin, wait for lines, wait for it to listen on a
 * port, and end it with every process it started.
 *
 * <pre>{@code
 * try (LearnerProgram tee = LearnerProgram.of("day03.TeeLog").args(log.toString()).start()) {
 *     tee.writeLine("你好");
 *     tee.awaitLine("你好", Duration.ofMillis(500));
 *     tee.closeStdin();
 *     ProgramResult r = tee.awaitExit(Duration.ofSeconds(5));
 *     Expect.equal("exit status", 0, r.exitCode());
 * }
 * }</pre>
 */
public final class LearnerProgram implements AutoCloseable {
    /** Bytes of stdout and of stderr kept per program; the rest is counted and dropped. */
    public static final int OUTPUT_CAP = 4 * 1024 * 1024;
    /** How long a server has to print its {@code listening} line. */
    public static final Duration LISTEN_DEADLINE = Duration.ofSeconds(5);

    private static final Set<LearnerProgram> RUNNING = ConcurrentHashMap.newKeySet();

    private final String mainClass;
    private final List<String> args;
    private final Process process;
    private final Capture out;
    private final Capture err;
    private final Path dir;
    private int lineCursor;
    private volatile boolean flooded;

    private LearnerProgram(String mainClass, List<String> args, Process process, Path dir) {
        this.mainClass = mainClass;
        this.args = args;
        this.process = process;
        this.dir = dir;
        long limit = OUTPUT_LIMIT;
        this.out = new Capture(process.getInputStream(), OUTPUT_CAP, limit, this::flood, "stdout of " + mainClass);
        this.err = new Capture(process.getErrorStream(), OUTPUT_CAP, limit, this::flood, "stderr of " + mainClass);
    }

    /** Bytes one program may print on stdout or stderr before it is stopped (the run's output limit). */
    static final long OUTPUT_LIMIT = Long.getLong(RunProperties.OUTPUT_BYTES, 64L << 20);

    /** The program printed more than the output limit: it is ended, and its messages say why. */
    private void flood() {
        flooded = true;
        destroyTree(process.toHandle());
    }

    /**
     * Describes a learner program to start.
     * <pre>{@code ProgramResult r = LearnerProgram.of("day01.Wc").args("-l", f.toString()).run();}</pre>
     */
    public static Builder of(String mainClass) {
        return new Builder(mainClass);
    }

    /** How to start a learner program. */
    public static final class Builder {
        private final String mainClass;
        private final List<String> args = new ArrayList<>();
        private final List<String> jvmArgs = new ArrayList<>();
        private final Map<String, String> env = new LinkedHashMap<>();
        private byte[] stdin;
        private Path dir;

        private Builder(String mainClass) {
            this.mainClass = mainClass;
        }

        /** Command-line arguments. <pre>{@code .args("-n", "3", file.toString())}</pre> */
        public Builder args(String... more) {
            args.addAll(Arrays.asList(more));
            return this;
        }

        /** Command-line arguments from a list. <pre>{@code .args(List.of("-c"))}</pre> */
        public Builder args(List<String> more) {
            args.addAll(more);
            return this;
        }

        /** Extra JVM options, such as a small heap. <pre>{@code .jvmArgs("-Xmx16m")}</pre> */
        public Builder jvmArgs(String... more) {
            jvmArgs.addAll(Arrays.asList(more));
            return this;
        }

        /** An environment variable. <pre>{@code .env("TZ", "UTC")}</pre> */
        public Builder env(String name, String value) {
            env.put(name, value);
            return this;
        }

        /** Text sent to stdin (UTF-8), which is then closed. <pre>{@code .stdin("a\nb\n")}</pre> */
        public Builder stdin(String text) {
            return stdin(text.getBytes(StandardCharsets.UTF_8));
        }

        /** Bytes sent to stdin, which is then closed. <pre>{@code .stdin(new byte[] {1, 2})}</pre> */
        public Builder stdin(byte[] data) {
            this.stdin = data.clone();
            return this;
        }

        /** The working folder; by default a new scratch folder. <pre>{@code .dir(tempDir)}</pre> */
        public Builder dir(Path folder) {
            this.dir = folder;
            return this;
        }

        /**
         * Starts the program and returns at once.
         * <pre>{@code LearnerProgram p = LearnerProgram.of("day03.TeeLog").args(f.toString()).start();}</pre>
         */
        public LearnerProgram start() {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-XX:-UsePerfData",
                    "-Xss1m", "-Xmx" + Integer.getInteger(RunProperties.HEAP_MB, 256) + "m", "-Dfile.encoding=UTF-8",
                    "-Dsun.stdout.encoding=UTF-8", "-Dsun.stderr.encoding=UTF-8",
                    // the run's own home and temporary folders, as the test JVM has them
                    "-Duser.home=" + System.getProperty("user.home"), "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir")));
            command.addAll(jvmArgs);
            command.add("-cp");
            command.add(learnerClassPath());
            command.add(mainClass);
            command.addAll(args);
            try {
                Path folder = dir != null ? dir : Files.createTempDirectory("program-");
                ProcessBuilder pb = new ProcessBuilder(command).directory(folder.toFile());
                pb.environment().remove("JAVA_TOOL_OPTIONS");
                pb.environment().remove("_JAVA_OPTIONS");
                pb.environment().remove("JDK_JAVA_OPTIONS");
                pb.environment().put("LANG", "C.UTF-8");
                pb.environment().put("LC_ALL", "C.UTF-8");
                pb.environment().putAll(env);
                LearnerProgram p = new LearnerProgram(mainClass, List.copyOf(args), pb.start(), folder);
                RUNNING.add(p);
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
            p.awaitListening(port, LISTEN_DEADLINE);
            return p;
        }
    }

    static String learnerClassPath() {
        String cp = System.getProperty(RunProperties.LEARNER_CLASSPATH);
        if (cp == null || cp.isBlank()) {
            throw new IllegalStateException("grade.learner.classpath is not set: hidden tests run under `grade`");
        }
        return cp;
    }

    private void feed(byte[] data) {
        Thread t = new Thread(() -> {
            try (OutputStream in = process.getOutputStream()) {
                in.write(data);
            } catch (IOException e) {
                // the program closed its stdin or exited early: what it did shows in its output
            }
        }, "stdin of " + mainClass);
        t.setDaemon(true);
        t.start();
    }

    /** Writes bytes to the program's stdin and flushes. <pre>{@code p.write(bytes);}</pre> */
    public void write(byte[] data) {
        try {
            process.getOutputStream().write(data);
            process.getOutputStream().flush();
        } catch (IOException e) {
            throw Expect.fail(Say.pick("could not write to the stdin of your program: it has ", "没能写入你的程序的 stdin：它已经")
                    + (process.isAlive() ? Say.pick("closed its stdin", "关闭了 stdin")
                            : Say.pick("exited with status ", "退出了，退出状态是 ") + process.exitValue())
                    + "\n" + describeOutput());
        }
    }

    /** Writes a line (UTF-8, ending in {@code \n}) to stdin. <pre>{@code p.writeLine("hello");}</pre> */
    public void writeLine(String line) {
        write((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Closes stdin: the program sees end of input. <pre>{@code p.closeStdin();}</pre> */
    public void closeStdin() {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // already closed by the other side
        }
    }

    /**
     * Waits for the next stdout line that contains {@code text}; lines before it are passed over.
     * <pre>{@code String line = p.awaitLine("listening", Duration.ofSeconds(5));}</pre>
     */
    public String awaitLine(String text, Duration timeout) {
        return awaitLine(line -> line.contains(text), Say.pick("a line containing " + Text.show(text),
                "包含 " + Text.show(text) + " 的一行"), timeout);
    }

    /**
     * Waits for the next stdout line that matches; lines before it are passed over.
     * <pre>{@code p.awaitLine(l -> l.startsWith("child 0"), "the line of child 0", Duration.ofSeconds(2));}</pre>
     */
    public String awaitLine(Predicate<String> match, String what, Duration wanted) {
        Duration timeout = Deadlines.cap(wanted);
        try {
            int i = out.awaitLine(lineCursor, match, System.nanoTime() + timeout.toNanos());
            if (i < 0) {
                throw Deadlines.ranOut(Say.pick("waited " + human(timeout) + " for " + what + " on the stdout of your program, ",
                        "在你的程序的 stdout 上等了 " + human(timeout) + "，还是没有等到" + what + "；")
                        + (process.isAlive() ? Say.pick("which is still running", "程序还在运行")
                                : Say.pick("which exited with status ", "程序已经退出，退出状态是 ") + exitStatus())
                        + Say.pick(".\n", "。\n") + describeOutput());
            }
            lineCursor = i + 1;
            return out.line(i);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Expect.fail(Say.pick("interrupted while waiting for " + what, "等待" + what + "时被中断了"));
        }
    }

    /**
     * Waits until the server prints a {@code listening} line; at the deadline, a server that
     * accepts on the port is taken as ready too.
     * <pre>{@code p.awaitListening(port, Duration.ofSeconds(5));}</pre>
     */
    public void awaitListening(int port, Duration wanted) {
        Duration timeout = Deadlines.cap(wanted);
        try {
            int i = out.awaitLine(lineCursor, line -> line.contains("listening"), System.nanoTime() + timeout.toNanos());
            if (i >= 0) {
                lineCursor = i + 1;
                return;
            }
            process.waitFor(500, TimeUnit.MILLISECONDS); // its output ended: let its exit be seen
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!process.isAlive()) {
            throw Expect.fail(Say.pick("your server exited with status " + exitStatus() + " before it started listening on port "
                    + port + ".\n", "你的服务器还没开始监听端口 " + port + " 就退出了，退出状态是 " + exitStatus() + "。\n")
                    + describeOutput());
        }
        if (Ports.accepting(port)) {
            return;
        }
        throw Deadlines.ranOut(Say.pick("your server did not start listening on port " + port + " within " + human(timeout)
                + " (it should bind 127.0.0.1:" + port + " and then print a line containing `listening`).\n",
                "你的服务器在 " + human(timeout) + "内没有开始监听端口 " + port + "（它应当先绑定 127.0.0.1:" + port
                + "，再打印一行包含 `listening` 的文字）。\n")
                + describeOutput());
    }

    /**
     * Waits for the program to exit; fails, after ending it, if it is still running at the deadline.
     * <pre>{@code ProgramResult r = p.awaitExit(Duration.ofSeconds(5));}</pre>
     */
    public ProgramResult awaitExit(Duration wanted) {
        Duration timeout = Deadlines.cap(wanted);
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                destroyTree();
                throw Deadlines.ranOut(Say.pick("your program was still running after " + human(timeout)
                        + " and was stopped (is it waiting for input, or stuck in a loop?).\n",
                        "过了 " + human(timeout) + "，你的程序还在运行，已经把它停止了（它是在等待输入，还是陷入了死循环？）。\n")
                        + describeOutput());
            }
            out.awaitEnd(2000);
            err.awaitEnd(2000);
            if (flooded) {
                throw Expect.fail(describeOutput());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            destroyTree();
            throw Expect.fail(Say.pick("interrupted while waiting for your program to exit", "等待你的程序退出时被中断了"));
        }
        return result();
    }

    /** Whether the program is still running. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** The program's process id. */
    public long pid() {
        return process.pid();
    }

    /** The program's process, to look at its children or send it signals. */
    public ProcessHandle handle() {
        return process.toHandle();
    }

    /** The program's working folder. */
    public Path dir() {
        return dir;
    }

    /** What the program printed to stdout so far, as UTF-8. */
    public String stdout() {
        return out.text();
    }

    /** What the program printed to stderr so far, as UTF-8. */
    public String stderr() {
        return err.text();
    }

    /** The complete stdout lines so far, without their terminators. */
    public List<String> lines() {
        return out.lines();
    }

    /** What it did so far, for a failure message. */
    public String describeOutput() {
        return (flooded ? floodWords() + "\n" : "") + ProgramResult.describe(commandLine(), out.text(), err.text());
    }

    private static String floodWords() {
        String amount = OUTPUT_LIMIT % (1 << 20) == 0 ? (OUTPUT_LIMIT >> 20) + " MiB" : OUTPUT_LIMIT + " bytes";
        return Say.pick("your program printed more than " + amount + " and was stopped (the limit on output).",
                "你的程序输出超过了 " + amount + "，已被停止（输出量的上限）。");
    }

    private String commandLine() {
        StringBuilder sb = new StringBuilder("java ").append(mainClass);
        for (String a : args) {
            sb.append(' ').append(a.isEmpty() || a.contains(" ") ? "'" + a + "'" : a);
        }
        return sb.toString();
    }

    /** The exit status, or "(still running)". */
    String exitStatus() {
        try {
            int status = process.exitValue();
            return switch (status) {
                case 128 + 24 -> status + " (SIGXCPU: it used more than " + Integer.getInteger(RunProperties.CPU_SECONDS, 0)
                        + " s of CPU time, the limit per process)";
                case 128 + 9 -> status + " (SIGKILL: it was killed, perhaps because it ran out of memory)";
                default -> String.valueOf(status);
            };
        } catch (IllegalThreadStateException e) {
            return Say.pick("(still running)", "（还在运行）");
        }
    }

    private ProgramResult result() {
        return new ProgramResult(commandLine(), process.exitValue(), out.bytes(), err.bytes(), out.truncated() || err.truncated());
    }

    /**
     * Ends the program and every process it started (children and grandchildren), forcibly,
     * and waits for them to be gone.
     * <pre>{@code server.destroyTree();}</pre>
     */
    public void destroyTree() {
        RUNNING.remove(this);
        destroyTree(process.toHandle());
    }

    static void destroyTree(ProcessHandle root) {
        Processes.endTree(root);
    }

    /** Ends the program and its children, like {@link #destroyTree()}. */
    @Override
    public void close() {
        destroyTree();
    }

    /**
     * Ends every learner program still running: called after each test by the runner, so a test
     * that forgets to close a program leaves nothing behind.
     */
    public static void destroyAll() {
        for (LearnerProgram p : List.copyOf(RUNNING)) {
            p.destroyTree();
        }
    }

    static String human(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + Say.pick(" s", " 秒") : ms + Say.pick(" ms", " 毫秒");
    }

    static String pathSeparator() {
        return File.pathSeparator;
    }
}
