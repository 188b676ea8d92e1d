package day07;

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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("day07/parallel-primes")
class ParallelPrimesTest {
    private static final Pattern WORKER = Pattern.compile("worker (\\d+) pid=(\\d+)");
    private static final Pattern TOTAL = Pattern.compile("count=(\\d+) sum=(\\d+) workers=(\\d+) elapsed_ms=(\\d+)");
    /** How long one run may take on a busy machine: children are JVMs, and the primes below 2000000 take a moment. */
    private static final Duration RUN_DEADLINE = Duration.ofSeconds(25);

    private final ProcessWatch watch = new ProcessWatch(java.time.Duration.ofMillis(20));

    @AfterEach
    void endEveryProcess() {
        watch.close();
    }

    @Test
    @DisplayName("LIMIT 2000000 with 4 workers: count=148933 sum=142913828922, each worker a child process of the parent")
    @Zh("LIMIT 2000000，4 个 worker：count=148933 sum=142913828922，每个 worker 都是父进程的子进程")
    void courseLimitFourWorkers() throws Exception {
        check(2_000_000, 4, 148_933, 142_913_828_922L);
    }

    @Test
    @DisplayName("LIMIT 2000000 gives the same totals with 1 worker and with 5 workers (ranges of unequal length)")
    @Zh("LIMIT 2000000 用 1 个 worker 和用 5 个 worker 得到同样的总数（各段长度不等）")
    void courseLimitOtherWorkers() throws Exception {
        check(2_000_000, 1, 148_933, 142_913_828_922L);
        check(2_000_000, 5, 148_933, 142_913_828_922L);
    }

    @Test
    @DisplayName("range boundaries on primes: LIMIT 24 with 2 workers, LIMIT 20 with 6, LIMIT 10 with 8 (one number each)")
    @Zh("分段边界正好落在质数上：LIMIT 24 用 2 个 worker，LIMIT 20 用 6 个，LIMIT 10 用 8 个（每个只分到一个数）")
    void boundariesOnPrimes() throws Exception {
        check(24, 2, 9, 100);
        check(20, 6, 8, 77);
        check(10, 8, 4, 17);
    }

    @Test
    @DisplayName("small limits: LIMIT 2 (no numbers), 3 (only 2), 23 (23 itself excluded), 5 with 4 workers (more workers than numbers)")
    @Zh("小的 LIMIT：2（一个数都没有）、3（只有 2）、23（不包括 23 本身）、5 用 4 个 worker（worker 比数还多）")
    void smallLimits() throws Exception {
        check(2, 1, 0, 0);
        check(3, 1, 1, 2);
        check(23, 3, 8, 77);
        check(5, 4, 2, 5);
    }

    @Test
    @DisplayName("bad arguments: a usage message on stderr, exit status 2, and no worker started")
    @Zh("错误的参数：在标准错误上输出用法说明，退出状态为 2，不启动任何 worker")
    void badArguments() {
        List<List<String>> cases = List.of(List.of(), List.of("100"), List.of("100", "4", "7"), List.of("1", "4"),
                List.of("-5", "2"), List.of("abc", "4"), List.of("100", "0"), List.of("100", "65"), List.of("100", "four"));
        for (List<String> args : cases) {
            String shown = args.isEmpty() ? "no arguments" : "`" + String.join(" ", args) + "`";
            String with = Say.pick("with " + shown, args.isEmpty() ? "没有参数时" : "参数为 " + shown + " 时");
            ProgramResult r = LearnerProgram.of("day07.ParallelPrimes").args(args).env(ProcessWatch.ENV, watch.token())
                    .run(Duration.ofSeconds(15));
            Expect.that(r.exitCode() == 2, with + Say.pick(" the program should print a usage message on stderr and exit"
                    + " with status 2; it exited with status ", "，程序应该在标准错误上输出用法说明，并以状态 2 退出；它的退出状态是 ")
                    + r.exitCode() + "\n" + r.describe());
            Expect.that(!r.stderr().isBlank(), with + Say.pick(" the program exited with status 2 but printed nothing on"
                    + " stderr: print a usage message there\n", "，程序以状态 2 退出了，但没有在标准错误上输出任何东西：要在那里输出用法说明\n")
                    + r.describe());
            Expect.that(r.lines().stream().noneMatch(l -> WORKER.matcher(l).find()), with
                    + Say.pick(" no worker may be started (check the arguments first)\n", "，不能启动任何 worker（要先检查参数）\n") + r.describe());
        }
        List<ProcessHandle> left = watch.stillRunning();
        Expect.that(left.isEmpty(), Say.pick("after the runs with bad arguments these processes were still running: ",
                "用错误的参数运行之后，这些进程还在运行：")
                + left.stream().map(grade.kit.Processes::describe).collect(Collectors.joining(", ")));
    }

    /** Runs {@code ParallelPrimes LIMIT WORKERS} and checks its totals, its workers and that none is left. */
    private void check(int limit, int workers, long count, long sum) throws Exception {
        String call = "java day07.ParallelPrimes " + limit + " " + workers;
        long t0 = System.nanoTime();
        ProgramResult r;
        long parent;
        try (LearnerProgram p = LearnerProgram.of("day07.ParallelPrimes").args("" + limit, "" + workers)
                .env(ProcessWatch.ENV, watch.token()).start()) {
            parent = p.pid();
            watch.track(p.handle());
            try {
                p.handle().onExit().get(RUN_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                throw Expect.fail("`" + call + "`" + Say.pick(" was still running after " + RUN_DEADLINE.toSeconds() + " s (the reference"
                        + " takes about a second): test divisors only up to the square root of n, and read each worker's"
                        + " answer once all of them are started\n", " " + RUN_DEADLINE.toSeconds() + " s 之后还在运行（参考答案大约用一秒）："
                        + "因数只试到 n 的平方根，并且等所有 worker 都启动之后，再读每个 worker 的答案\n") + p.describeOutput());
            }
            r = p.awaitExit(Duration.ofSeconds(5));
            watch.stop();
        }
        long wall = (System.nanoTime() - t0) / 1_000_000;
        List<Long> pids = new ArrayList<>();
        Set<Long> indexes = new HashSet<>();
        for (String line : r.lines()) {
            Matcher m = WORKER.matcher(line);
            if (m.find()) {
                long pid = Long.parseLong(m.group(2));
                watch.remember(pid);
                pids.add(pid);
                Expect.that(indexes.add(Long.parseLong(m.group(1))), "`" + call + "`" + Say.pick(" printed `worker " + m.group(1)
                        + " pid=…` twice: each worker I (0 to " + (workers - 1) + ") is started once\n", " 输出了两次 `worker " + m.group(1)
                        + " pid=…`：每个 worker I（0 到 " + (workers - 1) + "）只启动一次\n") + r.describe());
            }
        }
        Expect.that(r.exitCode() == 0, "`" + call + "`" + Say.pick(" exited with status ", " 的退出状态是 ") + r.exitCode() + "\n" + r.describe());
        List<String> lines = r.lines();
        String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        Matcher total = TOTAL.matcher(last);
        Expect.that(total.matches(), Say.pick("the last line of `" + call + "` should be `count=C sum=S workers=W elapsed_ms=T`,"
                + " but it is " + (lines.isEmpty() ? "missing" : "`" + last + "`"), "`" + call + "` 的最后一行应该是"
                + " `count=C sum=S workers=W elapsed_ms=T`，但" + (lines.isEmpty() ? "它不存在" : "它是 `" + last + "`")) + "\n" + r.describe());
        Expect.equal(Say.pick("count and sum of the primes below " + limit + " (`" + call + "`)",
                limit + " 以下质数的个数和总和（`" + call + "`）"),
                "count=" + count + " sum=" + sum, "count=" + total.group(1) + " sum=" + total.group(2));
        Expect.equal(Say.pick("workers=W in the last line of `" + call + "`", "`" + call + "` 最后一行里的 workers=W"), String.valueOf(workers),
                total.group(3));
        long elapsed = Long.parseLong(total.group(4));
        Expect.that(elapsed <= wall, "`" + call + "`" + Say.pick(" says elapsed_ms=" + elapsed + ", but the whole program ran only " + wall
                + " ms: measure from before the first worker starts to after the last one ends, in milliseconds\n",
                " 说 elapsed_ms=" + elapsed + "，但整个程序只运行了 " + wall + " ms：要从第一个 worker 启动之前量到最后一个 worker 结束之后，"
                + "单位是毫秒\n") + r.describe());
        Set<Long> expected = LongStream.range(0, workers).boxed().collect(Collectors.toSet());
        Expect.that(indexes.equals(expected), "`" + call + "`" + Say.pick(" should print `worker I pid=P` once for each I from 0 to "
                + (workers - 1) + " as it starts child I; it printed these I: ", " 应该在启动第 I 个子进程时输出一次 `worker I pid=P`，I 从 0 到 "
                + (workers - 1) + "；它输出的 I 是：") + indexes + "\n" + r.describe());
        for (long pid : pids) {
            if (pid == parent) {
                throw Expect.fail("`" + call + "`" + Say.pick(" printed `pid=" + pid + "` for a worker, but that is the parent itself:"
                        + " each range must be counted in its own child process (ProcessBuilder), not in a thread\n",
                        " 为一个 worker 输出了 `pid=" + pid + "`，但这是父进程自己：每一段都必须在单独的子进程（ProcessBuilder）里统计，"
                        + "而不是在线程里\n") + r.describe());
            }
            Expect.that(watch.sawChild(parent, pid), "`" + call + "`" + Say.pick(" printed a worker with pid=" + pid + ", but no child"
                    + " process of your program (pid " + parent + ") had that pid: each range must be counted in its own"
                    + " child process (ProcessBuilder), and the line must show that child's pid (Process.pid())\n",
                    " 输出了一个 pid=" + pid + " 的 worker，但你的程序（pid " + parent + "）没有哪个子进程是这个 pid：每一段都必须在单独的"
                    + "子进程（ProcessBuilder）里统计，这一行要写那个子进程的 pid（Process.pid()）\n") + r.describe());
        }
        Expect.that(new HashSet<>(pids).size() == pids.size(), "`" + call + "`" + Say.pick(" printed the same pid for two workers:"
                + " each worker is its own process\n", " 为两个 worker 输出了同一个 pid：每个 worker 都是一个单独的进程\n") + r.describe());
        List<ProcessHandle> left = watch.stillRunning();
        Expect.that(left.isEmpty(), Say.pick("after `" + call + "` had exited, these of its processes were still running: ",
                "`" + call + "` 退出之后，它的这些进程还在运行：") + left.stream().map(grade.kit.Processes::describe).collect(Collectors.joining(", "))
                + Say.pick(". Wait for every worker (Process.waitFor()) before you print the totals",
                "。输出总数之前，要等待每个 worker 结束（Process.waitFor()）"));
    }
}
