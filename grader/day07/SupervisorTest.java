package day07;

import grade.kit.Expect;
import grade.kit.LearnerProgram;
import grade.kit.ProgramResult;
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

    private final ProcessWatch watch = new ProcessWatch();

    @AfterEach
    void endEveryProcess() {
        watch.close();
    }

    @Test
    @DisplayName("starts N children; each prints `child I pid=P` and is a child process of the supervisor")
    void startsChildren() {
        try (LearnerProgram sup = start(3)) {
            Map<Integer, ProcessHandle> children = awaitChildren(sup, 3);
            Set<Long> pids = children.values().stream().map(ProcessHandle::pid).collect(Collectors.toSet());
            Expect.that(pids.size() == 3, "two of the three children printed the same pid\n" + sup.describeOutput());
        }
    }

    @Test
    @DisplayName("a killed child is reaped and restarted: `restart I OLDPID -> NEWPID`, and the new child runs")
    void restartsAKilledChild() throws Exception {
        try (LearnerProgram sup = start(2)) {
            Map<Integer, ProcessHandle> children = awaitChildren(sup, 2);
            ProcessHandle old = children.get(1);
            kill(sup, 1, old);
            ProcessHandle fresh = awaitRestart(sup, 1, old, 1);
            expectReaped(sup, 1, old);
            awaitLine(sup, "`child 1 pid=" + fresh.pid() + "` (printed by the new child 1)",
                    l -> l.equals("child 1 pid=" + fresh.pid()), STARTUP);
            Expect.that(fresh.isAlive(), "the new child 1 (pid " + fresh.pid() + ") stopped running: a child waits until"
                    + " it is killed\n" + sup.describeOutput());
            Expect.that(children.get(0).isAlive(), "child 0 (pid " + children.get(0).pid() + ") stopped running when"
                    + " child 1 was killed\n" + sup.describeOutput());
            Expect.that(restartLines(sup).stream().noneMatch(m -> m.group(1).equals("0")), "child 0 was never killed,"
                    + " yet the supervisor printed a restart for it\n" + sup.describeOutput());
        }
    }

    @Test
    @DisplayName("a child is restarted at most 5 times, then stays down while the supervisor keeps running")
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
                    throw Expect.fail("the supervisor exited after child 0 had used its 5 restarts: it must keep running"
                            + " and keep restarting the other children\n" + sup.describeOutput());
                }
                if (restartLines(sup).stream().noneMatch(m -> m.group(1).equals("1"))) {
                    throw Expect.fail("child 0 used up its 5 restarts, then child 1 was killed for the first time, and the"
                            + " supervisor did not restart it: the 5 restarts are counted for each child on its own\n"
                            + sup.describeOutput());
                }
                throw e;
            }
            // A restart of child 0 would have come at once; give a slow supervisor one more second and a half.
            Thread.sleep(1500);
            long restartsOf0 = restartLines(sup).stream().filter(m -> m.group(1).equals("0")).count();
            Expect.that(restartsOf0 == 5, "child 0 was killed 6 times: the supervisor must restart it 5 times and then"
                    + " leave it down, but it printed " + restartsOf0 + " restarts for it\n" + sup.describeOutput());
            Expect.that(sup.isAlive(), "the supervisor exited after child 0 had used its 5 restarts: it must keep"
                    + " running (and keep watching the other children)\n" + sup.describeOutput());
            Expect.that(restartLines(sup).stream().filter(m -> m.group(1).equals("1")).count() == 1,
                    "child 1 was killed once and should have been restarted once\n" + sup.describeOutput());
        }
    }

    @Test
    @DisplayName("SIGTERM: every child is terminated and waited for, and the supervisor exits within 3 s (status 0 or 143)")
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
                throw Expect.fail("the supervisor was still running 10 s after SIGTERM: on SIGTERM (a shutdown hook runs"
                        + " then) it must terminate its children, wait for them, and exit within 3 s\n"
                        + sup.describeOutput());
            }
            long took = (System.nanoTime() - t0) / 1_000_000;
            ProgramResult r = sup.awaitExit(Duration.ofSeconds(5));
            List<String> after = r.lines().subList(Math.min(linesBefore, r.lines().size()), r.lines().size());
            for (String line : after) {
                Matcher m = RESTART.matcher(line);
                if (m.find()) {
                    watch.record(Long.parseLong(m.group(3)));
                    throw Expect.fail("after SIGTERM the supervisor restarted child " + m.group(1) + " (`" + line + "`):"
                            + " once it is stopping, a child that ends must not be restarted\n" + r.describe());
                }
            }
            for (ProcessHandle child : everyChild) {
                if (child.isAlive()) {
                    throw Expect.fail("after SIGTERM the supervisor exited, but its child with pid " + child.pid() + " was still"
                            + " running, an orphan: on SIGTERM (a shutdown hook) terminate every child and wait for each"
                            + " before the supervisor exits\n" + r.describe());
                }
            }
            List<ProcessHandle> left = watch.tagged();
            Expect.that(left.isEmpty(), "after SIGTERM the supervisor exited, but processes it started were still running: "
                    + left.stream().map(ProcessWatch::describe).collect(Collectors.joining(", "))
                    + ". Were they started while it was stopping?\n" + r.describe());
            Expect.that(r.exitCode() == 0 || r.exitCode() == 143, "after SIGTERM the supervisor should exit with status 0,"
                    + " or 143 as a JVM ended by SIGTERM reports; it exited with status " + r.exitCode() + "\n" + r.describe());
            Expect.that(took <= 3500, "after SIGTERM the supervisor took " + took + " ms to exit: it must exit within 3 s"
                    + " (send SIGTERM to every child first, then wait for them all; kill those still alive after 2 s)\n"
                    + r.describe());
        }
    }

    private LearnerProgram start(int n) {
        LearnerProgram sup = LearnerProgram.of("day07.Supervisor").args("" + n).env(ProcessWatch.ENV, watch.token()).start();
        watch.record(sup.handle());
        watch.watchChildren(sup.handle());
        return sup;
    }

    /** Waits for `child I pid=P` for every I below n; checks that each is the supervisor's child and returns them by I. */
    private Map<Integer, ProcessHandle> awaitChildren(LearnerProgram sup, int n) {
        Map<Integer, ProcessHandle> children = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            String line = awaitLine(sup, "`child " + i + " pid=P` (each child prints it when it starts; its output should"
                    + " go to the supervisor's stdout)", l -> l.startsWith("child " + index + " pid="), STARTUP);
            Matcher m = CHILD.matcher(line);
            Expect.that(m.matches(), "expected a line `child " + i + " pid=P` but got `" + line + "`\n" + sup.describeOutput());
            children.put(i, expectChildOf(sup, i, Long.parseLong(m.group(2))));
        }
        return children;
    }

    /** Waits for `restart I OLD -> NEW`; checks that NEW is the supervisor's child and returns it. */
    private ProcessHandle awaitRestart(LearnerProgram sup, int i, ProcessHandle old, int round) {
        String line = awaitLine(sup, "`restart " + i + " " + old.pid() + " -> NEWPID` after child " + i + " (pid "
                + old.pid() + ") was killed" + (round > 1 ? " (its restart number " + round + ")" : ""),
                l -> l.startsWith("restart " + i + " " + old.pid() + " "), RESTART_DEADLINE);
        Matcher m = RESTART.matcher(line);
        Expect.that(m.matches(), "expected a line `restart " + i + " " + old.pid() + " -> NEWPID` but got `" + line + "`\n"
                + sup.describeOutput());
        long fresh = Long.parseLong(m.group(3));
        Expect.that(fresh != old.pid(), "`" + line + "`: the new child must be a new process\n" + sup.describeOutput());
        return expectChildOf(sup, i, fresh);
    }

    /** Kills child i (SIGKILL), as a crash would. */
    private static void kill(LearnerProgram sup, int i, ProcessHandle child) {
        Expect.that(child.isAlive(), "child " + i + " (pid " + child.pid() + ") was not running when the test went to"
                + " kill it: a child waits until it is killed\n" + sup.describeOutput());
        child.destroyForcibly();
    }

    /** The running child process with this pid, which must be the supervisor's child; recorded for the clean-up. */
    private ProcessHandle expectChildOf(LearnerProgram sup, int i, long pid) {
        Optional<ProcessHandle> h = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        Expect.that(h.isPresent(), "child " + i + " printed pid " + pid + ", but no process with that pid is running"
                + " (a child waits until it is killed)\n" + sup.describeOutput());
        long parent = h.get().parent().map(ProcessHandle::pid).orElse(-1L);
        Expect.that(parent == sup.pid(), "child " + i + " (pid " + pid + ") should be a child process of the supervisor"
                + " (pid " + sup.pid() + "), but its parent is " + parent + "\n" + sup.describeOutput());
        watch.record(h.get());
        return h.get();
    }

    /** The ended child must be gone: neither running nor a zombie the supervisor has not collected. */
    private static void expectReaped(LearnerProgram sup, int i, ProcessHandle child) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (child.isAlive() || ProcessWatch.isZombieOf(child.pid(), sup.pid())) {
            if (System.nanoTime() > end) {
                throw Expect.fail("child " + i + " (pid " + child.pid() + ") was killed 5 s ago but is still "
                        + (child.isAlive() ? "running" : "a zombie: the supervisor must collect its ended children (waitFor)")
                        + "\n" + sup.describeOutput());
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
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (String line : sup.lines()) {
                if (match.test(line)) {
                    return line;
                }
            }
            if (!sup.isAlive()) {
                throw Expect.fail("waited for " + what + ", but the supervisor exited\n" + sup.describeOutput());
            }
            if (System.nanoTime() > end) {
                throw Expect.fail("waited " + timeout.toSeconds() + " s for " + what + " on the supervisor's stdout\n"
                        + sup.describeOutput());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw Expect.fail("interrupted while waiting for " + what);
            }
        }
    }
}
