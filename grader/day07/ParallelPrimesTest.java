package day07;

import grade.kit.Expect;
import grade.kit.LearnerProgram;
import grade.kit.ProgramResult;
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

    private final ProcessWatch watch = new ProcessWatch();

    @AfterEach
    void endEveryProcess() {
        watch.close();
    }

    @Test
    @DisplayName("LIMIT 2000000 with 4 workers: count=148933 sum=142913828922, each worker a child process of the parent")
    void courseLimitFourWorkers() throws Exception {
        check(2_000_000, 4, 148_933, 142_913_828_922L);
    }

    @Test
    @DisplayName("LIMIT 2000000 gives the same totals with 1 worker and with 5 workers (ranges of unequal length)")
    void courseLimitOtherWorkers() throws Exception {
        check(2_000_000, 1, 148_933, 142_913_828_922L);
        check(2_000_000, 5, 148_933, 142_913_828_922L);
    }

    @Test
    @DisplayName("range boundaries on primes: LIMIT 24 with 2 workers, LIMIT 20 with 6, LIMIT 10 with 8 (one number each)")
    void boundariesOnPrimes() throws Exception {
        check(24, 2, 9, 100);
        check(20, 6, 8, 77);
        check(10, 8, 4, 17);
    }

    @Test
    @DisplayName("small limits: LIMIT 2 (no numbers), 3 (only 2), 23 (23 itself excluded), 5 with 4 workers (more workers than numbers)")
    void smallLimits() throws Exception {
        check(2, 1, 0, 0);
        check(3, 1, 1, 2);
        check(23, 3, 8, 77);
        check(5, 4, 2, 5);
    }

    @Test
    @DisplayName("bad arguments: a usage message on stderr, exit status 2, and no worker started")
    void badArguments() {
        List<List<String>> cases = List.of(List.of(), List.of("100"), List.of("100", "4", "7"), List.of("1", "4"),
                List.of("-5", "2"), List.of("abc", "4"), List.of("100", "0"), List.of("100", "65"), List.of("100", "four"));
        for (List<String> args : cases) {
            String shown = args.isEmpty() ? "no arguments" : "`" + String.join(" ", args) + "`";
            ProgramResult r = LearnerProgram.of("day07.ParallelPrimes").args(args).env(ProcessWatch.ENV, watch.token())
                    .run(Duration.ofSeconds(15));
            Expect.that(r.exitCode() == 2, "with " + shown + " the program should print a usage message on stderr and exit"
                    + " with status 2; it exited with status " + r.exitCode() + "\n" + r.describe());
            Expect.that(!r.stderr().isBlank(), "with " + shown + " the program exited with status 2 but printed nothing on"
                    + " stderr: print a usage message there\n" + r.describe());
            Expect.that(r.lines().stream().noneMatch(l -> WORKER.matcher(l).find()), "with " + shown
                    + " no worker may be started (check the arguments first)\n" + r.describe());
        }
        List<ProcessHandle> left = watch.stillRunning();
        Expect.that(left.isEmpty(), "after the runs with bad arguments these processes were still running: "
                + left.stream().map(ProcessWatch::describe).collect(Collectors.joining(", ")));
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
            watch.record(p.handle());
            watch.watchChildren(p.handle());
            try {
                p.handle().onExit().get(RUN_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                throw Expect.fail("`" + call + "` was still running after " + RUN_DEADLINE.toSeconds() + " s (the reference"
                        + " takes about a second): test divisors only up to the square root of n, and read each worker's"
                        + " answer once all of them are started\n" + p.describeOutput());
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
                watch.record(pid);
                pids.add(pid);
                Expect.that(indexes.add(Long.parseLong(m.group(1))), "`" + call + "` printed `worker " + m.group(1)
                        + " pid=…` twice: each worker I (0 to " + (workers - 1) + ") is started once\n" + r.describe());
            }
        }
        Expect.that(r.exitCode() == 0, "`" + call + "` exited with status " + r.exitCode() + "\n" + r.describe());
        List<String> lines = r.lines();
        String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        Matcher total = TOTAL.matcher(last);
        Expect.that(total.matches(), "the last line of `" + call + "` should be `count=C sum=S workers=W elapsed_ms=T`,"
                + " but it is " + (lines.isEmpty() ? "missing" : "`" + last + "`") + "\n" + r.describe());
        Expect.equal("count and sum of the primes below " + limit + " (`" + call + "`)",
                "count=" + count + " sum=" + sum, "count=" + total.group(1) + " sum=" + total.group(2));
        Expect.equal("workers=W in the last line of `" + call + "`", String.valueOf(workers), total.group(3));
        long elapsed = Long.parseLong(total.group(4));
        Expect.that(elapsed <= wall, "`" + call + "` says elapsed_ms=" + elapsed + ", but the whole program ran only " + wall
                + " ms: measure from before the first worker starts to after the last one ends, in milliseconds\n"
                + r.describe());
        Set<Long> expected = LongStream.range(0, workers).boxed().collect(Collectors.toSet());
        Expect.that(indexes.equals(expected), "`" + call + "` should print `worker I pid=P` once for each I from 0 to "
                + (workers - 1) + " as it starts child I; it printed these I: " + indexes + "\n" + r.describe());
        for (long pid : pids) {
            if (pid == parent) {
                throw Expect.fail("`" + call + "` printed `pid=" + pid + "` for a worker, but that is the parent itself:"
                        + " each range must be counted in its own child process (ProcessBuilder), not in a thread\n"
                        + r.describe());
            }
            Expect.that(watch.sawChild(parent, pid), "`" + call + "` printed a worker with pid=" + pid + ", but no child"
                    + " process of your program (pid " + parent + ") had that pid: each range must be counted in its own"
                    + " child process (ProcessBuilder), and the line must show that child's pid (Process.pid())\n"
                    + r.describe());
        }
        Expect.that(new HashSet<>(pids).size() == pids.size(), "`" + call + "` printed the same pid for two workers:"
                + " each worker is its own process\n" + r.describe());
        List<ProcessHandle> left = watch.stillRunning();
        Expect.that(left.isEmpty(), "after `" + call + "` had exited, these of its processes were still running: "
                + left.stream().map(ProcessWatch::describe).collect(Collectors.joining(", "))
                + ". Wait for every worker (Process.waitFor()) before you print the totals");
    }
}
