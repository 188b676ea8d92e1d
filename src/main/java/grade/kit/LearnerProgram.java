package grade.kit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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

    /** The programs started and not yet ended, so that the runner can end those a test forgot. */
    static final Set<LearnerProgram> RUNNING = ConcurrentHashMap.newKeySet();

    private final String mainClass;
    private final List<String> args;
    private final Process process;
    private final Capture out;
    private final Capture err;
    private final Path dir;
    private int lineCursor;
    private volatile boolean flooded;

    LearnerProgram(String mainClass, List<String> args, Process process, Path dir) {
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
    public static ProgramLaunch of(String mainClass) {
        return new ProgramLaunch(mainClass);
    }

    /** Sends {@code data} to stdin on a thread of its own, then closes stdin. */
    void feed(byte[] data) {
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
                throw Deadlines.ranOut(Say.pick("waited " + Text.human(timeout) + " for " + what + " on the stdout of your program, ",
                        "在你的程序的 stdout 上等了 " + Text.human(timeout) + "，还是没有等到" + what + "；")
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
        throw Deadlines.ranOut(Say.pick("your server did not start listening on port " + port + " within " + Text.human(timeout)
                + " (it should bind 127.0.0.1:" + port + " and then print a line containing `listening`).\n",
                "你的服务器在 " + Text.human(timeout) + "内没有开始监听端口 " + port + "（它应当先绑定 127.0.0.1:" + port
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
                throw Deadlines.ranOut(Say.pick("your program was still running after " + Text.human(timeout)
                        + " and was stopped (is it waiting for input, or stuck in a loop?).\n",
                        "过了 " + Text.human(timeout) + "，你的程序还在运行，已经把它停止了（它是在等待输入，还是陷入了死循环？）。\n")
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
        return ProgramResult.commandLine(mainClass, args);
    }

    /** The exit status, or "(still running)". */
    String exitStatus() {
        try {
            return ProgramResult.exitStatus(process.exitValue());
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


}
