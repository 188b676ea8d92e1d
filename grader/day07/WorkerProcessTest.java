package day07;

import grade.kit.ProcessWatch;
import static java.nio.charset.StandardCharsets.UTF_8;

import grade.kit.Deadlines;
import grade.kit.Expect;
import grade.kit.LearnerClass;
import grade.kit.Say;
import grade.kit.Text;
import grade.kit.Zh;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The learner's WorkerProcess runs here, in the test JVM; the program it starts is
 * {@link WorkerChild}, which is on this JVM's class path. The exit rule (daemons first) needs a
 * JVM that exits normally: {@link WorkerParent} is such a parent, run as its own JVM.
 */
@DisplayName("day07/worker")
class WorkerProcessTest {
    private static final String CHILD = "day07.WorkerChild";
    /** How long a worker JVM may take to start on a busy machine. */
    private static final Duration STARTUP = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private final ProcessWatch watch = new ProcessWatch(java.time.Duration.ofMillis(20));

    @AfterEach
    void endEveryProcess() {
        watch.close();
    }

    @Test
    @DisplayName("before start(): isAlive() is false, exitCode() is null; pid(), join(), join(ms) and terminate() throw IllegalStateException")
    @Zh("start() 之前：isAlive() 是 false，exitCode() 是 null；pid()、join()、join(ms) 和 terminate() 抛出 IllegalStateException")
    void beforeStart() {
        Worker w = new Worker("sleep", dir.resolve("ready").toString());
        w.setDaemon(true);
        Expect.equal(Say.pick("isAlive() before start()", "start() 之前的 isAlive()"), false, w.isAlive());
        Expect.equal(Say.pick("exitCode() before start()", "start() 之前的 exitCode()"), null, w.exitCode());
        expectThrows(IllegalStateException.class, beforeStart("pid()"), w::pid);
        expectThrows(IllegalStateException.class, beforeStart("join()"), w::join);
        expectThrows(IllegalStateException.class, beforeStart("join(100)"), () -> w.join(100));
        expectThrows(IllegalStateException.class, Say.pick("join(-1) before start() (the missing start() is checked first)", "start() 之前调用 join(-1)（先检查缺少的 start()）"),
                () -> w.join(-1));
        expectThrows(IllegalStateException.class, beforeStart("terminate()"), () -> {
            w.terminate();
            return null;
        });
        Expect.that(!Files.exists(dir.resolve("ready")),
                Say.pick("a worker that was never started ran its program anyway: the constructor must only prepare the command;"
                        + " start() starts the process", "一个从没启动的 worker 却运行了它的程序：构造方法只能准备好命令；由 start() 启动进程"));
    }

    @Test
    @DisplayName("start() runs the main class as a child process with its arguments; pid() is the child's pid")
    @Zh("start() 把主类带着参数作为子进程运行；pid() 是子进程的 pid")
    void startsAChild() throws Exception {
        Path report = dir.resolve("report.txt");
        List<String> args = List.of("one", "two words", "你好", "");
        String[] childArgs = new String[args.size() + 2];
        childArgs[0] = "report";
        childArgs[1] = report.toString();
        for (int i = 0; i < args.size(); i++) {
            childArgs[i + 2] = args.get(i);
        }
        Worker w = new Worker(childArgs);
        w.start();
        long pid = w.pid();
        Expect.that(w.join(STARTUP.toMillis()), Say.pick("the worker `" + w + "` did not end within " + STARTUP.toSeconds()
                + " s (it only writes a small file)", "worker `" + w + "` 在 " + STARTUP.toSeconds() + " s 内没有结束（它只是写一个小文件）"));
        Expect.that(Files.exists(report), Say.pick("the worker ended (exitCode() " + w.exitCode() + ") but its program did not run: "
                + report.getFileName() + " was not written. start() must run `java -cp <this JVM's class path> " + CHILD
                + " ARGS...`, with the class path from System.getProperty(\"java.class.path\")", "worker 结束了（exitCode() 为 "
                + w.exitCode() + "），但它的程序没有运行：没有写出 " + report.getFileName() + "。start() 必须运行 `java -cp <本 JVM 的类路径> "
                + CHILD + " ARGS...`，类路径取自 System.getProperty(\"java.class.path\")"));
        Expect.equal(Say.pick("exitCode() of a worker whose main returned normally", "main 正常返回的 worker 的 exitCode()"), 0, w.exitCode());
        Expect.equal(Say.pick("isAlive() after the worker ended", "worker 结束之后的 isAlive()"), false, w.isAlive());
        List<String> lines = Files.readAllLines(report, UTF_8);
        Expect.equal(Say.pick("pid() compared with the pid the child process reports for itself", "pid() 和子进程报告的它自己的 pid 相比"), "pid=" + pid, lines.get(0));
        Expect.equal(Say.pick("the parent of the worker's process (it must be a child of this JVM, pid "
                + ProcessHandle.current().pid() + ")", "worker 进程的父进程（它必须是这个 JVM 的子进程，pid " + ProcessHandle.current().pid()
                + "）"), "ppid=" + ProcessHandle.current().pid(), lines.get(1));
        Expect.sameLines(Say.pick("the arguments the worker's program received (each one as given, spaces and Chinese included)", "worker 的程序收到的参数（每个都和给出的一样，包括空格和中文）"),
                args, lines.subList(2, lines.size()));
    }

    @Test
    @DisplayName("join() returns the exit status; exitCode() is null while the worker runs; join(ms) waits at most ms")
    @Zh("join() 返回退出状态；worker 运行时 exitCode() 是 null；join(ms) 最多等待 ms 毫秒")
    void joinAndExitCode() throws Exception {
        Path ready = dir.resolve("ready");
        Path go = dir.resolve("go");
        Worker w = new Worker("wait", ready.toString(), go.toString(), "7");
        w.start();
        w.awaitReady(ready);
        Expect.equal(Say.pick("isAlive() while the worker runs", "worker 运行时的 isAlive()"), true, w.isAlive());
        Expect.equal(Say.pick("exitCode() while the worker runs", "worker 运行时的 exitCode()"), null, w.exitCode());
        long t0 = System.nanoTime();
        boolean ended = within(Duration.ofSeconds(3), Say.pick("join(0) on a running worker", "对运行中的 worker 调用 join(0)"), () -> w.join(0),
                Say.pick("join(millis) waits at most millis milliseconds, so join(0) only looks (unlike Thread.join(0), it never waits for ever)", "join(millis) 最多等待 millis 毫秒，所以 join(0) 只看一眼（和 Thread.join(0) 不同，它绝不会永远等下去）"));
        Expect.equal(Say.pick("join(0) on a worker that is still running", "对还在运行的 worker 调用 join(0)"), false, ended);
        t0 = System.nanoTime();
        ended = within(Duration.ofSeconds(5), Say.pick("join(400) on a running worker", "对运行中的 worker 调用 join(400)"), () -> w.join(400),
                Say.pick("join(millis) gives up after millis milliseconds and returns false", "join(millis) 在 millis 毫秒后放弃，返回 false"));
        long waited = millisSince(t0);
        Expect.equal(Say.pick("join(400) on a worker that keeps running", "对一直在运行的 worker 调用 join(400)"), false, ended);
        Expect.that(waited >= 350, Say.pick("join(400) on a running worker returned after " + waited
                + " ms: it should wait about 400 ms before it gives up", "对运行中的 worker 调用 join(400)，" + waited
                + " ms 后就返回了：它应该等大约 400 ms 再放弃"));
        Files.writeString(go, "go");
        Expect.that(w.join(STARTUP.toMillis()), Say.pick("the worker was told to exit with status 7 but join(" + STARTUP.toMillis()
                + ") returned false", "已经让 worker 以状态 7 退出，但 join(" + STARTUP.toMillis() + ") 返回了 false"));
        Expect.equal(Say.pick("join() on a worker that exited with status 7", "对以状态 7 退出的 worker 调用 join()"), 7, w.join());
        Expect.equal(Say.pick("exitCode() after the worker exited with status 7", "worker 以状态 7 退出之后的 exitCode()"), 7, w.exitCode());
        Expect.equal(Say.pick("isAlive() after the worker exited", "worker 退出之后的 isAlive()"), false, w.isAlive());
        Expect.equal(Say.pick("join(0) on a worker that has ended", "对已经结束的 worker 调用 join(0)"), true, w.join(0));
    }

    @Test
    @DisplayName("start() twice or setDaemon() after start() throw IllegalStateException; join(-1) throws IllegalArgumentException")
    @Zh("两次 start()、start() 之后调用 setDaemon() 都抛出 IllegalStateException；join(-1) 抛出 IllegalArgumentException")
    void misuse() throws Exception {
        Path ready = dir.resolve("ready");
        Worker w = new Worker("sleep", ready.toString());
        w.start();
        w.awaitReady(ready);
        expectThrows(IllegalStateException.class, Say.pick("a second start()", "第二次调用 start()"), () -> {
            w.start();
            return null;
        });
        expectThrows(IllegalStateException.class, Say.pick("setDaemon(true) after start()", "start() 之后调用 setDaemon(true)"), () -> {
            w.setDaemon(true);
            return null;
        });
        expectThrows(IllegalArgumentException.class, Say.pick("join(-1) on a started worker", "对已启动的 worker 调用 join(-1)"), () -> w.join(-1));
        Expect.equal(Say.pick("isAlive() after the rejected calls (they must not touch the running worker)", "这些被拒绝的调用之后的 isAlive()（它们不能影响运行中的 worker）"), true, w.isAlive());
    }

    @Test
    @DisplayName("terminate() stops a running worker with SIGTERM: its exit status is 143 (128 + 15)")
    @Zh("terminate() 用 SIGTERM 结束运行中的 worker：它的退出状态是 143（128 + 15）")
    void terminateSendsSigterm() throws Exception {
        Path ready = dir.resolve("ready");
        Worker w = new Worker("sleep", ready.toString());
        w.start();
        w.awaitReady(ready);
        w.terminate();
        Expect.that(w.join(10_000), Say.pick("the worker was still running 10 s after terminate(): terminate() must send it SIGTERM"
                + " (Process.destroy())", "terminate() 之后 10 s，worker 还在运行：terminate() 必须给它发 SIGTERM（Process.destroy()）"));
        Integer code = w.exitCode();
        if (code != null && code == 137) {
            throw Expect.fail(Say.pick("after terminate() the worker's exit status is 137 (128 + 9, SIGKILL): terminate() must first ask"
                    + " politely with SIGTERM (Process.destroy(), status 143), and kill only a worker still alive after 2 s",
                    "terminate() 之后 worker 的退出状态是 137（128 + 9，SIGKILL）：terminate() 必须先用 SIGTERM 客气地请它结束"
                    + "（Process.destroy()，状态 143），2 s 后还活着的才杀死"));
        }
        Expect.equal(Say.pick("exitCode() after terminate() (a JVM ended by SIGTERM reports 128 + 15)", "terminate() 之后的 exitCode()（被 SIGTERM 结束的 JVM 报告 128 + 15）"), 143, code);
        Expect.equal(Say.pick("join() after terminate()", "terminate() 之后的 join()"), 143, w.join());
        Expect.equal(Say.pick("isAlive() after terminate() and join()", "terminate() 和 join() 之后的 isAlive()"), false, w.isAlive());
    }

    @Test
    @DisplayName("terminate() returns at once, and kills a worker that ignores SIGTERM after 2 seconds (status 137)")
    @Zh("terminate() 立即返回，2 秒后杀死忽略 SIGTERM 的 worker（状态 137）")
    void terminateForcesAfterTwoSeconds() throws Exception {
        Path ready = dir.resolve("ready");
        Worker w = new Worker("stubborn", ready.toString());
        w.start();
        w.awaitReady(ready);
        long t0 = System.nanoTime();
        within(Duration.ofSeconds(10), "terminate()", () -> {
            w.terminate();
            return null;
        }, Say.pick("terminate() must return at once", "terminate() 必须立即返回"));
        long returned = millisSince(t0);
        Expect.that(returned < 1000, Say.pick("terminate() took " + returned + " ms to return: it must only ask the worker to stop and"
                + " return at once (like Python's terminate()); the 2-second wait before the kill runs in the background",
                "terminate() 用了 " + returned + " ms 才返回：它只能请 worker 结束，然后立即返回（和 Python 的 terminate() 一样）；"
                + "杀死之前那 2 秒的等待在后台进行"));
        Expect.that(w.join(10_000), Say.pick("a worker that ignores SIGTERM was still running 10 s after terminate(): if it is still"
                + " alive 2 s after the SIGTERM, kill it (Process.destroyForcibly())", "忽略 SIGTERM 的 worker 在 terminate() 之后 10 s"
                + " 还在运行：SIGTERM 之后 2 s 它还活着，就杀死它（Process.destroyForcibly()）"));
        long ended = millisSince(t0);
        Expect.that(ended >= 1500, Say.pick("a worker that ignores SIGTERM was gone " + ended + " ms after terminate(): it must get 2 s"
                + " to stop by itself before it is killed", "忽略 SIGTERM 的 worker 在 terminate() 之后 " + ended
                + " ms 就没了：被杀死之前，它必须有 2 s 自己结束"));
        Expect.equal(Say.pick("exitCode() of a worker killed after ignoring SIGTERM (128 + 9, SIGKILL)", "忽略 SIGTERM 后被杀死的 worker 的 exitCode()（128 + 9，SIGKILL）"), 137, w.exitCode());
    }

    @Test
    @DisplayName("a worker's output goes to the parent's stdout and stderr, so a worker printing a lot never blocks")
    @Zh("worker 的输出到父进程的 stdout 和 stderr 上，所以输出很多的 worker 也不会阻塞")
    void outputIsNotAPipe() throws Exception {
        Worker w = new Worker("chatty", "200000");
        w.start();
        boolean ended = w.join(10_000);
        Expect.that(ended, Say.pick("a worker printing 200 KB to stdout and 200 KB to stderr was still running after 10 s: its output"
                + " goes into a pipe that nobody reads, and a full pipe blocks the child. Let the child write to the parent's"
                + " stdout and stderr (ProcessBuilder.inheritIO())", "向 stdout 和 stderr 各输出 200 KB 的 worker 在 10 s 之后还在运行："
                + "它的输出进了一个没人读的管道，管道满了就会阻塞子进程。要让子进程写到父进程的 stdout 和 stderr 上（ProcessBuilder.inheritIO()）"));
        Expect.equal(Say.pick("exitCode() of the worker that printed 400 KB", "输出了 400 KB 的 worker 的 exitCode()"), 0, w.exitCode());
    }

    @Test
    @DisplayName("when the parent JVM exits normally, its daemon workers are terminated first, then it waits for the others")
    @Zh("父 JVM 正常退出时，先 terminate 它的守护 worker，再等待其他 worker")
    void exitRule() throws Exception {
        Parent parent = Parent.run(dir, watch, "mixed");
        Matcher m = Pattern.compile("a=(\\d+) b=(\\d+) c=(\\d+)").matcher(parent.out);
        Expect.that(m.find(), Say.pick("the test's parent program did not print its workers' pids\n", "测试的父程序没有输出它的 worker 的 pid\n")
                + parent.describe());
        long a = Long.parseLong(m.group(1));
        long b = Long.parseLong(m.group(2));
        long c = Long.parseLong(m.group(3));
        checkGone(a, Say.pick("daemon worker a (pid " + a + ")", "守护 worker a（pid " + a + "）"), parent);
        checkGone(b, Say.pick("daemon worker b (pid " + b + "), which ignores SIGTERM,", "忽略 SIGTERM 的守护 worker b（pid " + b + "）"), parent);
        Path done = dir.resolve("c.done");
        String seen = Files.exists(done) ? Files.readString(done, UTF_8).strip() : "";
        if (watch.ours(c).isPresent() || seen.isEmpty() || seen.equals("orphaned")) {
            throw Expect.fail(Say.pick("the parent JVM exited before its non-daemon worker c (pid " + c + ") had finished: like Python,"
                    + " the JVM must wait for its non-daemon workers (join them in the shutdown hook)\n", "非守护 worker c（pid " + c
                    + "）还没结束，父 JVM 就退出了：和 Python 一样，JVM 必须等待它的非守护 worker（在 shutdown hook 里 join 它们）\n")
                    + parent.describe());
        }
        if (seen.startsWith("alive")) {
            String who = seen.equals("alive " + a) ? Say.pick("daemon worker a (pid " + a + ")", "守护 worker a（pid " + a + "）")
                    : Say.pick("daemon worker b (pid " + b + ")", "守护 worker b（pid " + b + "）");
            throw Expect.fail(Say.pick("the non-daemon worker c waited " + WorkerParent.PATIENCE_MILLIS / 1000 + " s for the daemon"
                    + " workers to end, but " + who + " was still running: at exit, terminate the daemon workers first,"
                    + " and only then wait for the non-daemon ones\n", "非守护 worker c 等守护 worker 结束等了 " + WorkerParent.PATIENCE_MILLIS / 1000
                    + " s，但" + who + "还在运行：退出时，要先 terminate 守护 worker，然后才等待非守护的 worker\n") + parent.describe());
        }
        Expect.that(parent.out.contains(WorkerChild.DONE_LINE), Say.pick("the non-daemon worker printed \"" + WorkerChild.DONE_LINE
                + "\", but that line is not in the parent's stdout: a worker's output goes to the parent's stdout"
                + " (ProcessBuilder.inheritIO())\n", "非守护 worker 输出了 \"" + WorkerChild.DONE_LINE + "\"，但这一行不在父进程的 stdout 里："
                + "worker 的输出要到父进程的 stdout 上（ProcessBuilder.inheritIO()）\n") + parent.describe());
    }

    @Test
    @DisplayName("a daemon worker that ignores SIGTERM does not outlive its parent either: it is killed after 2 seconds")
    @Zh("忽略 SIGTERM 的守护 worker 也不会比父进程活得久：2 秒后被杀死")
    void stubbornDaemonDoesNotOutliveItsParent() throws Exception {
        Parent parent = Parent.run(dir, watch, "stubborn-daemon");
        Matcher m = Pattern.compile("b=(\\d+)").matcher(parent.out);
        Expect.that(m.find(), Say.pick("the test's parent program did not print its worker's pid\n", "测试的父程序没有输出它的 worker 的 pid\n")
                + parent.describe());
        long b = Long.parseLong(m.group(1));
        checkGone(b, Say.pick("the daemon worker (pid " + b + "), which ignores SIGTERM,", "忽略 SIGTERM 的守护 worker（pid " + b + "）"), parent);
    }

    private void checkGone(long pid, String who, Parent parent) {
        if (watch.ours(pid).isPresent()) {
            throw Expect.fail(who + Say.pick(" was still running after its parent JVM had exited. When the JVM exits (a shutdown"
                    + " hook runs then), terminate each daemon worker and wait for it: terminate() kills a worker still"
                    + " alive after 2 s\n", "在父 JVM 退出之后还在运行。JVM 退出时（这时会运行 shutdown hook），要 terminate 每个守护 worker"
                    + " 并等待它：2 s 后还活着的 worker，terminate() 会杀死它\n") + parent.describe());
        }
    }

    /** The test's own parent program, {@link WorkerParent}, run as a JVM of its own. */
    private record Parent(int status, String out, String err) {
        static Parent run(Path dir, ProcessWatch watch, String scenario) throws Exception {
            Path out = dir.resolve("parent.out");
            Path err = dir.resolve("parent.err");
            List<String> command = new ArrayList<>(List.of(grade.kit.Jvm.java()));
            command.addAll(grade.kit.Jvm.FAST_START);
            command.addAll(List.of("-Xshare:auto", "-Dfile.encoding=UTF-8", "-cp", System.getProperty("java.class.path"),
                    "day07.WorkerParent", dir.toString(), scenario));
            ProcessBuilder pb = grade.kit.Jvm.clean(new ProcessBuilder(command)
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).directory(dir.toFile()));
            pb.environment().put(ProcessWatch.ENV, watch.token());
            Process p = pb.start();
            watch.track(p.toHandle());
            if (!p.waitFor(25, TimeUnit.SECONDS)) {
                Parent now = new Parent(-1, read(out), read(err));
                throw Expect.fail(Say.pick("the test's parent program, which only starts workers and returns from main, was still"
                        + " running after 25 s: does the shutdown hook wait for a worker that never ends?\n", "测试的父程序只是启动几个 worker"
                        + " 然后从 main 返回，25 s 之后却还在运行：是不是 shutdown hook 在等一个永不结束的 worker？\n") + now.describe());
            }
            for (String line : read(out).lines().toList()) {
                Matcher m = Pattern.compile("\\b[abc]=(\\d+)").matcher(line);
                while (m.find()) {
                    watch.remember(Long.parseLong(m.group(1)));
                }
            }
            Parent done = new Parent(p.exitValue(), read(out), read(err));
            Expect.that(done.status == 0, Say.pick("the test's parent program, which only starts workers and returns from main,"
                    + " exited with status ", "测试的父程序只是启动几个 worker 然后从 main 返回，退出状态却是 ") + done.status + "\n" + done.describe());
            return done;
        }

        private static String read(Path file) throws Exception {
            return Files.exists(file) ? Files.readString(file, UTF_8) : "";
        }

        String describe() {
            String nothing = Say.pick(" (nothing)", "（什么也没有）");
            return Say.pick("  the parent program: java day07.WorkerParent (it uses your WorkerProcess, then returns from main)\n"
                    + "  its stdout (with the workers'):", "  父程序：java day07.WorkerParent（它使用你的 WorkerProcess，然后从 main 返回）\n"
                    + "  它的 stdout（包括 worker 的）：") + (out.isEmpty() ? nothing : "\n" + Text.indent(Text.block(out, 1500), "    |"))
                    + Say.pick("\n  its stderr:", "\n  它的 stderr：") + (err.isEmpty() ? nothing : "\n" + Text.indent(Text.block(err, 1500), "    |"));
        }
    }

    /** A learner's WorkerProcess running {@link WorkerChild} with the given arguments. */
    private final class Worker {
        private final Object target;
        private final String shown;

        Worker(String... childArgs) {
            target = type().constructor(String.class, String[].class).create(CHILD, childArgs);
            shown = "new WorkerProcess(\"" + CHILD + "\", " + String.join(", ", List.of(childArgs).stream()
                    .map(a -> "\"" + a + "\"").toList()) + ")";
        }

        private LearnerClass type() {
            return LearnerClass.of("day07.WorkerProcess");
        }

        void setDaemon(boolean daemon) {
            type().method(void.class, "setDaemon", boolean.class).call(target, daemon);
        }

        void start() {
            type().method(void.class, "start").call(target);
            watch.remember(pid());
        }

        boolean isAlive() {
            return type().method(boolean.class, "isAlive").call(target);
        }

        long pid() {
            return type().method(long.class, "pid").call(target);
        }

        int join() {
            return type().method(int.class, "join").call(target);
        }

        boolean join(long millis) {
            return type().method(boolean.class, "join", long.class).call(target, millis);
        }

        Integer exitCode() {
            return type().method(Integer.class, "exitCode").call(target);
        }

        void terminate() {
            type().method(void.class, "terminate").call(target);
        }

        /** Waits until the child announced itself in {@code ready}. */
        void awaitReady(Path ready) throws InterruptedException {
            long end = System.nanoTime() + Deadlines.cap(STARTUP).toNanos();
            while (!Files.exists(ready)) {
                if (!isAlive()) {
                    throw Expect.fail(Say.pick("the worker `" + this + "` ended (exitCode() " + exitCode()
                            + ") before its program had started", "worker `" + this + "` 在它的程序启动之前就结束了（exitCode() 为 "
                            + exitCode() + "）"));
                }
                if (System.nanoTime() > end) {
                    throw Deadlines.ranOut(Say.pick("the worker `" + this + "` had not started its program after " + STARTUP.toSeconds() + " s",
                            "worker `" + this + "` 在 " + STARTUP.toSeconds() + " s 之后还没有启动它的程序"));
                }
                Thread.sleep(10);
            }
        }

        @Override
        public String toString() {
            return shown;
        }
    }

    /** Runs a call that should return soon on another thread, so a call that hangs fails with a clear message. */
    private static <T> T within(Duration limit, String call, Callable<T> body, String rule) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                f.complete(body.call());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        }, call);
        t.setDaemon(true);
        t.start();
        try {
            return f.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            t.interrupt();
            throw Expect.fail(call + Say.pick(" had not returned after " + limit.toSeconds() + " s: ", " 在 " + limit.toSeconds()
                    + " s 之后还没有返回：") + rule);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception x ? x : new RuntimeException(e.getCause());
        }
    }

    private static void expectThrows(Class<? extends Throwable> expected, String call, Callable<?> body) {
        Object result;
        try {
            result = body.call();
        } catch (Throwable t) {
            if (t instanceof AssertionError a) {
                throw a;
            }
            if (t instanceof UnsupportedOperationException u && String.valueOf(u.getMessage()).startsWith("TODO")) {
                throw u; // reported as "not written yet"
            }
            Expect.that(expected.isInstance(t), call + Say.pick(" should throw ", " 应该抛出 ") + expected.getSimpleName()
                    + Say.pick(" but threw ", "，但抛出的是 ") + t);
            return;
        }
        throw Expect.fail(call + Say.pick(" should throw ", " 应该抛出 ") + expected.getSimpleName() + Say.pick(" but returned "
                + (result == null ? "normally" : result), result == null ? "，但正常返回了" : "，但返回了 " + result));
    }

    private static String beforeStart(String call) {
        return Say.pick(call + " before start()", "start() 之前调用 " + call);
    }

    private static long millisSince(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
