package day07;

import grade.kit.ProcessWatch;
import grade.kit.Deadlines;
import grade.kit.Expect;
import grade.kit.LearnerProgram;
import grade.kit.ProgramResult;
import grade.kit.Say;
import grade.kit.Zh;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("day07/supervisor")
class SupervisorTest {
    private static final Pattern CHILD = Pattern.compile("child (\\d+) pid=(\\d+)");
    private static final Pattern RESTART = Pattern.compile("restart (\\d+) (\\d+) -> (\\d+)");
    /** How long a child JVM may take to start on a busy machine. */
    private static final Duration STARTUP = Duration.ofSeconds(20);
    /** How long the supervisor may take to notice a child's death and start another (not to wait for its JVM). */
    private static final Duration RESTART_DEADLINE = Duration.ofSeconds(10);

    private final ProcessWatch watch = new ProcessWatch(java.time.Duration.ofMillis(20));

    @AfterEach
    void endEveryProcess() {
        watch.close();
    }

    @Test
    @DisplayName("starts N children; each prints `child I pid=P` and is a child process of the supervisor")
    @Zh("启动 N 个子进程；每个都输出 `child I pid=P`，都是监管进程的子进程")
    void startsChildren() {
        try (LearnerProgram sup = start(3)) {
            Map<Integer, ProcessHandle> children = awaitChildren(sup, 3);
            Set<Long> pids = children.values().stream().map(ProcessHandle::pid).collect(Collectors.toSet());
            Expect.that(pids.size() == 3, Say.pick("two of the three children printed the same pid\n", "三个子进程中有两个输出了同一个 pid\n") + sup.describeOutput());
        }
    }

    @Test
    @DisplayName("a killed child is reaped and restarted: `restart I OLDPID -> NEWPID`, and the new child runs")
    @Zh("被杀死的子进程被回收并重启：`restart I OLDPID -> NEWPID`，新的子进程在运行")
    void restartsAKilledChild() throws Exception {
        try (LearnerProgram sup = start(2)) {
            Map<Integer, ProcessHandle> children = awaitChildren(sup, 2);
            ProcessHandle old = children.get(1);
            kill(sup, 1, old);
            ProcessHandle fresh = awaitRestart(sup, 1, old, 1);
            expectReaped(sup, 1, old);
            awaitLine(sup, "`child 1 pid=" + fresh.pid() + "`" + Say.pick(" (printed by the new child 1)", "（由新的子进程 1 输出）"),
                    l -> l.equals("child 1 pid=" + fresh.pid()), STARTUP);
            Expect.that(fresh.isAlive(), Say.pick("the new child 1 (pid " + fresh.pid() + ") stopped running: a child waits until"
                    + " it is killed\n", "新的子进程 1（pid " + fresh.pid() + "）停止运行了：子进程要一直等到被杀死\n") + sup.describeOutput());
            Expect.that(children.get(0).isAlive(), Say.pick("child 0 (pid " + children.get(0).pid() + ") stopped running when"
                    + " child 1 was killed\n", "子进程 1 被杀死时，子进程 0（pid " + children.get(0).pid() + "）也停止运行了\n")
                    + sup.describeOutput());
            Expect.that(restartLines(sup).stream().noneMatch(m -> m.group(1).equals("0")), Say.pick("child 0 was never killed,"
                    + " yet the supervisor printed a restart for it\n", "子进程 0 从没被杀死，监管进程却为它输出了一次重启\n") + sup.describeOutput());
        }
    }

    @Test
    @DisplayName("a child is restarted at most 5 times, then stays down while the supervisor keeps running")
    @Zh("一个子进程最多重启 5 次，之后保持停止，监管进程继续运行")
    void atMostFiveRestarts() throws Exception {
        try (LearnerProgram sup = start(2)) {
            Map<Integer, ProcessHandle> children = awaitChildren(sup, 2);
            ProcessHandle current = children.get(0);
            for (int round = 1; round <= 5; round++) {
                kill(sup, 0, current);
                ProcessHandle fresh = awaitRestart(sup, 0, current, round);
                awaitLine(sup, "`child 0 pid=" + fresh.pid() + "`", l -> l.equals("child 0 pid=" + fresh.pid()), STARTUP);
                current = fresh;
            }
            kill(sup, 0, current);
            expectReaped(sup, 0, current);
            // Child 1 has restarts of its own: the limit counts per child.
            ProcessHandle one = children.get(1);
            kill(sup, 1, one);
            try {
                awaitRestart(sup, 1, one, 1);
            } catch (AssertionError e) {
                if (!sup.isAlive()) {
                    throw Expect.fail(Say.pick("the supervisor exited after child 0 had used its 5 restarts: it must keep running"
                            + " and keep restarting the other children\n", "子进程 0 用完 5 次重启之后，监管进程退出了：它必须继续运行，"
                            + "继续重启其他子进程\n") + sup.describeOutput());
                }
                if (restartLines(sup).stream().noneMatch(m -> m.group(1).equals("1"))) {
                    throw Expect.fail(Say.pick("child 0 used up its 5 restarts, then child 1 was killed for the first time, and the"
                            + " supervisor did not restart it: the 5 restarts are counted for each child on its own\n",
                            "子进程 0 用完了 5 次重启，然后子进程 1 第一次被杀死，监管进程却没有重启它：5 次重启是每个子进程各自计算的\n")
                            + sup.describeOutput());
                }
                throw e;
            }
            // A restart of child 0 would have come at once; give a slow supervisor one more second and a half.
            Thread.sleep(1500);
            long restartsOf0 = restartLines(sup).stream().filter(m -> m.group(1).equals("0")).count();
            Expect.that(restartsOf0 == 5, Say.pick("child 0 was killed 6 times: the supervisor must restart it 5 times and then"
                    + " leave it down, but it printed " + restartsOf0 + " restarts for it\n", "子进程 0 被杀死了 6 次：监管进程必须重启它 5 次，"
                    + "然后让它保持停止，但为它输出了 " + restartsOf0 + " 次重启\n") + sup.describeOutput());
            Expect.that(sup.isAlive(), Say.pick("the supervisor exited after child 0 had used its 5 restarts: it must keep"
                    + " running (and keep watching the other children)\n", "子进程 0 用完 5 次重启之后，监管进程退出了：它必须继续运行"
                    + "（继续照看其他子进程）\n") + sup.describeOutput());
            Expect.that(restartLines(sup).stream().filter(m -> m.group(1).equals("1")).count() == 1,
                    Say.pick("child 1 was killed once and should have been restarted once\n", "子进程 1 被杀死了一次，应该被重启一次\n")
                    + sup.describeOutput());
        }
    }

    @Test
    @DisplayName("SIGTERM: every child is terminated and waited for, and the supervisor exits within 3 s (status 0 or 143)")
    @Zh("SIGTERM：结束并等待每个子进程，监管进程在 3 s 内退出（状态 0 或 143）")
    void sigtermStopsEverything() throws Exception {
        List<ProcessHandle> everyChild = new ArrayList<>();
        try (LearnerProgram sup = start(3)) {
            Map<Integer, ProcessHandle> children = awaitChildren(sup, 3);
            everyChild.addAll(children.values());
            kill(sup, 2, children.get(2));
            ProcessHandle fresh = awaitRestart(sup, 2, children.get(2), 1);
            everyChild.add(fresh);
            awaitLine(sup, "`child 2 pid=" + fresh.pid() + "`", l -> l.equals("child 2 pid=" + fresh.pid()), STARTUP);
            int linesBefore = sup.lines().size();

            long t0 = System.nanoTime();
            sup.handle().destroy(); // SIGTERM
            try {
                sup.handle().onExit().get(10, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                throw Expect.fail(Say.pick("the supervisor was still running 10 s after SIGTERM: on SIGTERM (a shutdown hook runs"
                        + " then) it must terminate its children, wait for them, and exit within 3 s\n", "收到 SIGTERM 10 s 之后，监管进程还在运行："
                        + "收到 SIGTERM 时（这时会运行 shutdown hook），它必须结束子进程、等待它们，并在 3 s 内退出\n") + sup.describeOutput());
            }
            long took = (System.nanoTime() - t0) / 1_000_000;
            ProgramResult r = sup.awaitExit(Duration.ofSeconds(5));
            List<String> after = r.lines().subList(Math.min(linesBefore, r.lines().size()), r.lines().size());
            for (String line : after) {
                Matcher m = RESTART.matcher(line);
                if (m.find()) {
                    watch.remember(Long.parseLong(m.group(3)));
                    throw Expect.fail(Say.pick("after SIGTERM the supervisor restarted child " + m.group(1) + " (`" + line + "`):"
                            + " once it is stopping, a child that ends must not be restarted\n", "收到 SIGTERM 之后，监管进程重启了子进程 "
                            + m.group(1) + "（`" + line + "`）：一旦开始停止，结束的子进程就不能再重启\n") + r.describe());
                }
            }
            for (ProcessHandle child : everyChild) {
                if (child.isAlive()) {
                    throw Expect.fail(Say.pick("after SIGTERM the supervisor exited, but its child with pid " + child.pid() + " was still"
                            + " running, an orphan: on SIGTERM (a shutdown hook) terminate every child and wait for each"
                            + " before the supervisor exits\n", "收到 SIGTERM 之后监管进程退出了，但它 pid 为 " + child.pid()
                            + " 的子进程还在运行，成了孤儿进程：收到 SIGTERM 时（shutdown hook），要先结束每个子进程并逐个等待，监管进程再退出\n")
                            + r.describe());
                }
            }
            List<ProcessHandle> left = watch.marked();
            Expect.that(left.isEmpty(), Say.pick("after SIGTERM the supervisor exited, but processes it started were still running: ",
                    "收到 SIGTERM 之后监管进程退出了，但它启动的进程还在运行：")
                    + left.stream().map(grade.kit.Processes::describe).collect(Collectors.joining(", "))
                    + Say.pick(". Were they started while it was stopping?\n", "。它们是不是在监管进程停止的过程中启动的？\n") + r.describe());
            Expect.that(r.exitCode() == 0 || r.exitCode() == 143, Say.pick("after SIGTERM the supervisor should exit with status 0,"
                    + " or 143 as a JVM ended by SIGTERM reports; it exited with status ", "收到 SIGTERM 之后，监管进程应该以状态 0 退出，"
                    + "或者像被 SIGTERM 结束的 JVM 那样以 143 退出；它的退出状态是 ") + r.exitCode() + "\n" + r.describe());
            Expect.that(took <= 3500, Say.pick("after SIGTERM the supervisor took " + took + " ms to exit: it must exit within 3 s"
                    + " (send SIGTERM to every child first, then wait for them all; kill those still alive after 2 s)\n",
                    "收到 SIGTERM 之后，监管进程用了 " + took + " ms 才退出：它必须在 3 s 内退出（先给每个子进程发 SIGTERM，"
                    + "再等待它们全部结束；2 s 后还活着的就杀死）\n") + r.describe());
        }
    }

    private LearnerProgram start(int n) {
        LearnerProgram sup = LearnerProgram.of("day07.Supervisor").args("" + n).env(ProcessWatch.ENV, watch.token()).start();
        watch.track(sup.handle());
        return sup;
    }

    /** Waits for `child I pid=P` for every I below n; checks that each is the supervisor's child and returns them by I. */
    private Map<Integer, ProcessHandle> awaitChildren(LearnerProgram sup, int n) {
        Map<Integer, ProcessHandle> children = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            String line = awaitLine(sup, "`child " + i + " pid=P`" + Say.pick(" (each child prints it when it starts; its output should"
                    + " go to the supervisor's stdout)", "（每个子进程启动时输出它；子进程的输出应该出现在监管进程的 stdout 上）"),
                    l -> l.startsWith("child " + index + " pid="), STARTUP);
            Matcher m = CHILD.matcher(line);
            Expect.that(m.matches(), Say.pick("expected a line `child " + i + " pid=P` but got `", "应该是一行 `child " + i
                    + " pid=P`，但得到的是 `") + line + "`\n" + sup.describeOutput());
            children.put(i, expectChildOf(sup, i, Long.parseLong(m.group(2))));
        }
        return children;
    }

    /** Waits for `restart I OLD -> NEW`; checks that NEW is the supervisor's child and returns it. */
    private ProcessHandle awaitRestart(LearnerProgram sup, int i, ProcessHandle old, int round) {
        String line = awaitLine(sup, Say.pick("`restart " + i + " " + old.pid() + " -> NEWPID` after child " + i + " (pid "
                + old.pid() + ") was killed" + (round > 1 ? " (its restart number " + round + ")" : ""), "子进程 " + i + "（pid " + old.pid()
                + "）被杀死之后的 `restart " + i + " " + old.pid() + " -> NEWPID`" + (round > 1 ? "（它的第 " + round + " 次重启）" : "")),
                l -> l.startsWith("restart " + i + " " + old.pid() + " "), RESTART_DEADLINE);
        Matcher m = RESTART.matcher(line);
        Expect.that(m.matches(), Say.pick("expected a line `restart " + i + " " + old.pid() + " -> NEWPID` but got `",
                "应该是一行 `restart " + i + " " + old.pid() + " -> NEWPID`，但得到的是 `") + line + "`\n" + sup.describeOutput());
        long fresh = Long.parseLong(m.group(3));
        Expect.that(fresh != old.pid(), "`" + line + "`" + Say.pick(": the new child must be a new process\n", "：新的子进程必须是一个新的进程\n")
                + sup.describeOutput());
        return expectChildOf(sup, i, fresh);
    }

    /** Kills child i (SIGKILL), as a crash would. */
    private static void kill(LearnerProgram sup, int i, ProcessHandle child) {
        Expect.that(child.isAlive(), Say.pick("child " + i + " (pid " + child.pid() + ") was not running when the test went to"
                + " kill it: a child waits until it is killed\n", "测试要杀死子进程 " + i + "（pid " + child.pid() + "）时，它已经不在运行了："
                + "子进程要一直等到被杀死\n") + sup.describeOutput());
        child.destroyForcibly();
    }

    /** The running child process with this pid, which must be the supervisor's child; recorded for the clean-up. */
    private ProcessHandle expectChildOf(LearnerProgram sup, int i, long pid) {
        Optional<ProcessHandle> h = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        Expect.that(h.isPresent(), Say.pick("child " + i + " printed pid " + pid + ", but no process with that pid is running"
                + " (a child waits until it is killed)\n", "子进程 " + i + " 输出了 pid " + pid + "，但没有这个 pid 的进程在运行"
                + "（子进程要一直等到被杀死）\n") + sup.describeOutput());
        long parent = h.get().parent().map(ProcessHandle::pid).orElse(-1L);
        Expect.that(parent == sup.pid(), Say.pick("child " + i + " (pid " + pid + ") should be a child process of the supervisor"
                + " (pid " + sup.pid() + "), but its parent is " + parent + "\n", "子进程 " + i + "（pid " + pid + "）应该是监管进程（pid "
                + sup.pid() + "）的子进程，但它的父进程是 " + parent + "\n") + sup.describeOutput());
        watch.track(h.get());
        return h.get();
    }

    /** The ended child must be gone: neither running nor a zombie the supervisor has not collected. */
    private static void expectReaped(LearnerProgram sup, int i, ProcessHandle child) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (child.isAlive() || grade.kit.Processes.isZombieOf(child.pid(), sup.pid())) {
            if (System.nanoTime() > end) {
                throw Expect.fail(Say.pick("child " + i + " (pid " + child.pid() + ") was killed 5 s ago but is still "
                        + (child.isAlive() ? "running" : "a zombie: the supervisor must collect its ended children (waitFor)"),
                        "子进程 " + i + "（pid " + child.pid() + "）5 s 前就被杀死了，但它仍然"
                        + (child.isAlive() ? "在运行" : "是僵尸进程：监管进程必须回收结束了的子进程（waitFor）")) + "\n" + sup.describeOutput());
            }
            Thread.sleep(20);
        }
    }

    private static List<Matcher> restartLines(LearnerProgram sup) {
        List<Matcher> found = new ArrayList<>();
        for (String line : sup.lines()) {
            Matcher m = RESTART.matcher(line);
            if (m.matches()) {
                found.add(m);
            }
        }
        return found;
    }

    /**
     * Waits for a stdout line that matches, looking at every line from the first: the supervisor's
     * lines and its children's may come in either order.
     */
    private static String awaitLine(LearnerProgram sup, String what, java.util.function.Predicate<String> match,
            Duration timeout) {
        long end = System.nanoTime() + Deadlines.cap(timeout).toNanos();
        while (true) {
            for (String line : sup.lines()) {
                if (match.test(line)) {
                    return line;
                }
            }
            if (!sup.isAlive()) {
                throw Expect.fail(Say.pick("waited for " + what + ", but the supervisor exited\n", "在等待" + what + "，但监管进程退出了\n")
                        + sup.describeOutput());
            }
            if (System.nanoTime() > end) {
                throw Deadlines.ranOut(Say.pick("waited " + timeout.toSeconds() + " s for " + what + " on the supervisor's stdout\n",
                        "在监管进程的 stdout 上等了 " + timeout.toSeconds() + " s，还是没有等到" + what + "\n") + sup.describeOutput());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw Expect.fail(Say.pick("interrupted while waiting for " + what, "等待" + what + "时被中断了"));
            }
        }
    }
}
