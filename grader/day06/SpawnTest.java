package day06;

import grade.kit.ProcessWatch;
import grade.kit.Expect;
import grade.kit.LearnerProgram;
import grade.kit.ProgramResult;
import grade.kit.Say;
import grade.kit.Zh;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("day06/spawn")
class SpawnTest {
    private static final Pattern CHILD = Pattern.compile("child (\\d+) pid=(\\d+) ppid=(\\d+)");
    private static final Pattern PARENT = Pattern.compile("parent pid=(\\d+) children=(\\d+) exit=(.*)");

    /** One child's line: {@code child I pid=P ppid=Q}, and where it came in stdout. */
    record ChildLine(int index, long pid, long ppid, int lineNo) {
    }

    /** What one run of Spawn did, observed from outside. */
    record Run(int n, long pid, ProgramResult result, List<ChildLine> children, String parentLine, int parentLineNo,
               List<String> runningAfterExit, ProcessWatch watch) {

        String describe() {
            return result.describe();
        }
    }

    /**
     * Runs {@code Spawn N} while watching its processes; checks which of them are still running
     * the moment it exits; ends every one of them afterwards.
     */
    private static Run spawn(int n) {
        try (ProcessWatch watch = new ProcessWatch(Duration.ofMillis(15));
             LearnerProgram p = watch.track(LearnerProgram.of("day06.Spawn").args("" + n).start())) {
            try {
                p.handle().onExit().get(20, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                throw Expect.fail("`Spawn " + n + "`" + Say.pick(" was still running after 20 s and was stopped (does the parent wait "
                        + "for a child that never ends, or do the children wait for input?).\n", " 20 s 之后还在运行，已被停止"
                        + "（是不是父进程在等一个永不结束的子进程，或者子进程在等输入？）。\n") + p.describeOutput());
            } catch (Exception e) {
                throw Expect.fail(Say.pick("could not wait for `Spawn " + n + "`: ", "没能等待 `Spawn " + n + "`：") + e);
            }
            // The parent has just exited: which of the processes it started still run?
            for (String line : p.lines()) {
                Matcher m = CHILD.matcher(line);
                if (m.matches()) {
                    watch.remember(Long.parseLong(m.group(2)));
                }
            }
            List<String> running = new ArrayList<>();
            for (ProcessHandle h : watch.stillRunning()) {
                running.add(h.pid() + h.info().commandLine().map(c -> " (" + shorten(c) + ")").orElse(""));
            }
            ProgramResult r = p.awaitExit(Duration.ofSeconds(5));
            List<ChildLine> children = new ArrayList<>();
            String parentLine = null;
            int parentLineNo = -1;
            List<String> lines = r.lines();
            for (int i = 0; i < lines.size(); i++) {
                Matcher c = CHILD.matcher(lines.get(i));
                if (c.matches()) {
                    children.add(new ChildLine(Integer.parseInt(c.group(1)), Long.parseLong(c.group(2)),
                            Long.parseLong(c.group(3)), i));
                    watch.remember(Long.parseLong(c.group(2))); // so that it is ended with the rest
                } else if (PARENT.matcher(lines.get(i)).matches() && parentLine == null) {
                    parentLine = lines.get(i);
                    parentLineNo = i;
                }
            }
            return new Run(n, p.pid(), r, children, parentLine, parentLineNo, running, watch);
        }
    }

    private static String shorten(String commandLine) {
        return commandLine.length() > 120 ? commandLine.substring(0, 60) + " … " + commandLine.substring(commandLine.length() - 50) : commandLine;
    }

    /** Exit 0, one line per child I = 0..N-1, and the parent's line with the right pid and statuses after all of them. */
    private static void expectComplete(Run run) {
        int n = run.n();
        Expect.that(run.result().exitCode() == 0, "`Spawn " + n + "`" + Say.pick(" should exit with status 0 but exited with "
                + run.result().exitCode() + ".\n", " 应该以状态 0 退出，但退出状态是 " + run.result().exitCode() + "。\n") + run.describe());
        TreeMap<Integer, Integer> count = new TreeMap<>();
        run.children().forEach(c -> count.merge(c.index(), 1, Integer::sum));
        for (int i = 0; i < n; i++) {
            int seen = count.getOrDefault(i, 0);
            Expect.that(seen == 1, "`Spawn " + n + "`" + Say.pick(" should print exactly one line `child " + i + " pid=P ppid=Q` (from child "
                    + i + " itself); it printed " + seen + ".\n", " 应该正好输出一行 `child " + i + " pid=P ppid=Q`（由子进程 " + i
                    + " 自己输出）；它输出了 " + seen + " 行。\n") + run.describe());
        }
        Expect.that(run.children().size() == n, "`Spawn " + n + "`" + Say.pick(" should start exactly " + n + " children, but "
                + run.children().size() + " `child I pid=P ppid=Q` lines were printed.\n", " 应该正好启动 " + n + " 个子进程，但输出了 "
                + run.children().size() + " 行 `child I pid=P ppid=Q`。\n") + run.describe());
        String expected = "parent pid=" + run.pid() + " children=" + n + " exit="
                + IntStream.range(0, n).boxed().toList();
        Expect.that(run.parentLine() != null, "`Spawn " + n + "`" + Say.pick(" should end by printing `" + expected + "` (the parent's pid, "
                + "as ProcessHandle.current().pid() gives it, and the children's exit statuses in order); no such line was printed.\n",
                " 最后应该输出 `" + expected + "`（父进程的 pid，即 ProcessHandle.current().pid() 给出的值，以及按顺序排列的各个子进程的"
                + "退出状态）；但没有输出这样的一行。\n") + run.describe());
        Expect.sameText(Say.pick("the parent's line of `Spawn " + n + "` (its pid is " + run.pid() + ")",
                "`Spawn " + n + "` 的父进程输出的那一行（它的 pid 是 " + run.pid() + "）"), expected, run.parentLine());
        int lastChild = run.children().stream().mapToInt(ChildLine::lineNo).max().orElse(-1);
        Expect.that(run.parentLineNo() > lastChild, Say.pick("the parent must wait for every child (Process.waitFor) before it prints "
                + "its own line, so that line comes after every child's line; here a child printed after it.\n",
                "父进程必须先等待每个子进程（Process.waitFor），再输出自己的那一行，这样它才会在所有子进程的行之后；"
                + "这里有一个子进程在它之后才输出。\n") + run.describe());
    }

    @Test
    @DisplayName("Spawn 3: one line from each child, then the parent's line with exit=[0, 1, 2], exit status 0")
    @Zh("Spawn 3：每个子进程一行，然后是父进程带 exit=[0, 1, 2] 的一行，退出状态为 0")
    void threeChildren() {
        expectComplete(spawn(3));
    }

    @Test
    @DisplayName("each child is a real process: its own pid, distinct from the others, and its ppid is the parent's pid")
    @Zh("每个子进程都是真正的进程：有自己的 pid，和其他的都不同，它的 ppid 是父进程的 pid")
    void realProcesses() {
        Run run = spawn(4);
        expectComplete(run);
        Set<Long> pids = new HashSet<>();
        for (ChildLine c : run.children()) {
            Expect.that(c.pid() != run.pid(), Say.pick("child " + c.index() + " printed pid=" + c.pid() + ", which is the parent's own pid: "
                    + "it runs inside the parent (a thread?), not as a process of its own. Start it with ProcessBuilder.\n",
                    "子进程 " + c.index() + " 输出了 pid=" + c.pid() + "，这是父进程自己的 pid：它在父进程里面运行（是线程吗？），"
                    + "而不是一个独立的进程。要用 ProcessBuilder 启动它。\n") + run.describe());
            Expect.that(pids.add(c.pid()), Say.pick("two children printed the same pid=" + c.pid() + ": every process has its own pid.\n",
                    "两个子进程输出了同一个 pid=" + c.pid() + "：每个进程都有自己的 pid。\n") + run.describe());
            Expect.that(c.ppid() == run.pid(), Say.pick("child " + c.index() + " printed ppid=" + c.ppid() + ", but the parent `Spawn 4` "
                    + "has pid " + run.pid() + " (the operating system says so): a child process's ppid is the pid of the "
                    + "process that started it.\n", "子进程 " + c.index() + " 输出了 ppid=" + c.ppid() + "，但父进程 `Spawn 4` 的 pid 是 "
                    + run.pid() + "（操作系统是这么说的）：子进程的 ppid 是启动它的那个进程的 pid。\n") + run.describe());
        }
        for (ChildLine c : run.children()) {
            var parent = run.watch().parentOf(c.pid());
            Expect.that(parent.isPresent(), Say.pick("child " + c.index() + " printed pid=" + c.pid() + ", but no process with that pid was "
                    + "ever seen among the processes that `Spawn 4` (pid " + run.pid() + ") started.\n", "子进程 " + c.index() + " 输出了 pid="
                    + c.pid() + "，但在 `Spawn 4`（pid " + run.pid() + "）启动的进程中，从没见过这个 pid 的进程。\n") + run.describe());
            Expect.equal(Say.pick("the parent pid the operating system gave for process " + c.pid() + " (child " + c.index() + ")",
                    "操作系统给出的进程 " + c.pid() + "（子进程 " + c.index() + "）的父进程 pid"),
                    run.pid(), parent.get());
        }
    }

    @Test
    @DisplayName("no child is still running after the parent exits (the parent waits for all of them)")
    @Zh("父进程退出之后没有子进程还在运行（父进程等待所有子进程）")
    void noChildLeftRunning() {
        Run run = spawn(4);
        Expect.that(run.runningAfterExit().isEmpty(), Say.pick("when `Spawn 4` exited, these processes it had started were still running "
                + "(orphans now): " + run.runningAfterExit() + ". The parent must wait for every child (Process.waitFor) "
                + "before it prints its line and exits.\n", "`Spawn 4` 退出时，它启动的这些进程还在运行（现在成了孤儿进程）："
                + run.runningAfterExit() + "。父进程必须先等待每个子进程（Process.waitFor），再输出自己的那一行并退出。\n") + run.describe());
        expectComplete(run);
    }

    @Test
    @DisplayName("Spawn 1: a single child")
    @Zh("Spawn 1：只有一个子进程")
    void oneChild() {
        expectComplete(spawn(1));
    }

    @Test
    @DisplayName("Spawn 8: eight children, exit=[0, 1, ..., 7] in child order whatever order they end in")
    @Zh("Spawn 8：八个子进程，不管它们以什么顺序结束，exit=[0, 1, ..., 7] 都按子进程的顺序")
    void eightChildren() {
        Run run = spawn(8);
        expectComplete(run);
        Expect.that(run.runningAfterExit().isEmpty(), Say.pick("when `Spawn 8` exited, these processes it had started were still running: ",
                "`Spawn 8` 退出时，它启动的这些进程还在运行：") + run.runningAfterExit() + Say.pick(".\n", "。\n") + run.describe());
    }

    @Test
    @DisplayName("N missing, not a number, or outside 1..100: usage on stderr, exit status 2, no child started")
    @Zh("N 缺少、不是数字或不在 1..100 之内：在标准错误上输出用法说明，退出状态为 2，不启动子进程")
    void badCount() {
        List<List<String>> cases = List.of(List.of(), List.of("0"), List.of("101"), List.of("-3"), List.of("abc"), List.of("2", "3"));
        for (List<String> args : cases) {
            String shown = "`Spawn" + args.stream().map(a -> " " + a).collect(Collectors.joining()) + "`";
            try (ProcessWatch watch = new ProcessWatch(Duration.ofMillis(20));
                 LearnerProgram p = watch.track(LearnerProgram.of("day06.Spawn").args(args).start())) {
                ProgramResult r = p.awaitExit(Duration.ofSeconds(10));
                Expect.that(r.exitCode() == 2, shown + Say.pick(" should print a usage message on stderr and exit with status 2; it exited with "
                        + r.exitCode() + ".\n", " 应该在标准错误上输出用法说明，并以状态 2 退出；它的退出状态是 " + r.exitCode() + "。\n")
                        + r.describe());
                Expect.that(!r.stderr().isBlank(), shown + Say.pick(" should print a usage message on stderr; stderr was empty.\n",
                        " 应该在标准错误上输出用法说明；但标准错误是空的。\n") + r.describe());
                boolean childLines = r.lines().stream().anyMatch(l -> CHILD.matcher(l).matches());
                Expect.that(!childLines && watch.seen().isEmpty(), shown + Say.pick(" must not start any child.\n", " 不能启动任何子进程。\n")
                        + r.describe());
            }
        }
    }
}
