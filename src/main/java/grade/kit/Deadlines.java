package grade.kit;

import java.time.Duration;

/**
 * How long the kit may wait for learner code in the current test. Every wait of the kit for
 * something to happen (a line, a connection, an exit, bytes) is cut to the time left in the
 * test's own budget, so its clear message comes before the test is stopped; a wait that runs out
 * marks the test as one where learner code hung. The runner of the test JVM sets each test's
 * budget (short once learner code has hung in an earlier test of the exercise) and reads the mark.
 * Waits for silence ({@code silentFor}) are not cut: the test's budget bounds them.
 */
public final class Deadlines {
    /** Time kept back at the end of a budget, for the kit to say what it waited for. */
    private static final long MARGIN_NANOS = 200_000_000L;
    private static volatile long end = Long.MAX_VALUE;
    private static volatile boolean ranOut;

    private Deadlines() {
    }

    /**
     * {@code wanted}, or less when the test's budget ends sooner.
     * <pre>{@code Duration t = Deadlines.cap(timeout);}</pre>
     */
    public static Duration cap(Duration wanted) {
        long left = end - System.nanoTime() - MARGIN_NANOS;
        if (end == Long.MAX_VALUE || left >= wanted.toNanos()) {
            return wanted;
        }
        return Duration.ofMillis(Math.max(100, left / 1_000_000));
    }

    /**
     * Fails the test, as {@link Expect#fail} does, marking it as one where a wait for learner code
     * ran out. <pre>{@code throw Deadlines.ranOut("waited 5 s for a line on the stdout of your program");}</pre>
     */
    public static AssertionError ranOut(String message) {
        ranOut = true;
        return Expect.fail(message);
    }

    /** For the runner: a test begins, with this budget. */
    public static void begin(Duration budget) {
        ranOut = false;
        end = System.nanoTime() + budget.toNanos();
    }

    /** For the runner: whether a wait of the kit ran out in the current test. */
    public static boolean ranOut() {
        return ranOut;
    }
}
