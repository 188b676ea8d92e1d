package day05;

import grade.kit.Expect;
import grade.kit.LearnerClass;
import grade.kit.StaticMethod;
import grade.kit.Text;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("day05/primes")
class PrimesTest {
    /** The contract's time bound for countPrimes(10_000_000). */
    private static final double BOUND_SECONDS = 3.0;
    /** How many times longer trial division takes for 10 million than for 1 million (measured: 22 to 26). */
    private static final double SCALE_1M_TO_10M = 25.0;
    /** How much slower than that plain square-root loop a learner's countPrimes may be. */
    private static final double MARGIN = 2.5;
    /** The most the speed test waits for, whatever the machine; a loop up to n takes hours. */
    private static final double CAP_SECONDS = 40.0;
    /** Deadline of the calls that any square-root loop answers in milliseconds. */
    private static final Duration QUICK = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private static LearnerClass primes() {
        return LearnerClass.of("day05.Primes");
    }

    private static StaticMethod isPrime() {
        return primes().staticMethod(boolean.class, "isPrime", long.class);
    }

    private static StaticMethod countPrimes() {
        return primes().staticMethod(long.class, "countPrimes", int.class);
    }

    private static StaticMethod sumPrimes() {
        return primes().staticMethod(long.class, "sumPrimes", int.class);
    }

    private static LearnerClass timed() {
        return primes().nested("Timed");
    }

    private static StaticMethod time() {
        return primes().staticMethod(timed().raw(), "time", Supplier.class);
    }

    /** Calls a learner method; anything it throws (but a TODO) becomes a message naming the call. */
    private static <T> T call(String text, StaticMethod m, Object... args) {
        try {
            return m.call(args);
        } catch (UnsupportedOperationException e) {
            if (String.valueOf(e.getMessage()).startsWith("TODO")) {
                throw e;
            }
            throw Expect.fail(text + " threw " + e);
        } catch (RuntimeException e) {
            throw Expect.fail(text + " threw " + e);
        }
    }

    /** The primes below {@code limit}, by a plain sieve. */
    private static boolean[] sieve(int limit) {
        boolean[] prime = new boolean[Math.max(limit, 0)];
        Arrays.fill(prime, true);
        for (int i = 0; i < Math.min(2, prime.length); i++) {
            prime[i] = false;
        }
        for (int p = 2; (long) p * p < limit; p++) {
            if (prime[p]) {
                for (int m = p * p; m < limit; m += p) {
                    prime[m] = false;
                }
            }
        }
        return prime;
    }

    private static String smallestFactor(long n) {
        for (long d = 2; d * d <= n; d++) {
            if (n % d == 0) {
                return n + " = " + d + " × " + (n / d);
            }
        }
        return n + " is prime";
    }

    @Test
    @DisplayName("isPrime is false below 2: for 1, 0 and negative numbers (-2, -7 and Long.MIN_VALUE too)")
    void isPrimeBelowTwo() {
        for (long n : new long[] {1, 0, -1, -2, -3, -7, -97, Integer.MIN_VALUE, Long.MIN_VALUE}) {
            boolean got = call("isPrime(" + n + ")", isPrime(), n);
            Expect.that(!got, "isPrime(" + n + ") returned true; a prime is a whole number of at least 2,"
                    + " so isPrime must be false for every n < 2");
        }
    }

    @Test
    @DisplayName("isPrime agrees with a sieve for every n from 2 to 10,000 (squares of primes such as 4, 9, 25 and 49 too)")
    void isPrimeSmall() {
        boolean[] prime = sieve(10_001);
        StaticMethod isPrime = isPrime();
        List<String> wrong = new ArrayList<>();
        for (int n = 2; n <= 10_000; n++) {
            boolean got = call("isPrime(" + n + ")", isPrime, (long) n);
            if (got != prime[n]) {
                wrong.add("isPrime(" + n + ") returned " + got + " (" + smallestFactor(n) + ")");
            }
        }
        Expect.that(wrong.isEmpty(), wrong.size() + " wrong answers between 2 and 10000, the first: "
                + String.join("; ", wrong.subList(0, Math.min(6, wrong.size())))
                + (wrong.stream().anyMatch(w -> w.matches("isPrime\\((4|9|25|49)\\).*"))
                        ? ".\nA square such as 9 = 3 × 3 has no divisor below its square root: check divisors d with d * d <= n, <= and not <."
                        : ""));
    }

    @Test
    @DisplayName("countPrimes(limit) counts the primes p < limit: 10 → 4, 11 → 4 (11 is not below 11), 100 → 25, and 0 for limit ≤ 2")
    void countPrimesSmall() {
        long[][] cases = {{10, 4}, {11, 4}, {12, 5}, {100, 25}, {1000, 168}, {10_000, 1229}, {3, 1}, {2, 0}, {1, 0}, {0, 0}, {-1, 0}, {-100, 0}};
        for (long[] c : cases) {
            int limit = (int) c[0];
            long got = call("countPrimes(" + limit + ")", countPrimes(), limit);
            Expect.equal("countPrimes(" + limit + ") (the number of primes p with p < " + limit + ")", c[1], got);
        }
    }

    @Test
    @DisplayName("sumPrimes(100000) is 454396537, the course's answer; small limits: 10 → 17, 3 → 2, 2 → 0")
    void sumPrimesCourse() {
        long got = call("sumPrimes(100000)", sumPrimes(), 100_000);
        Expect.equal("sumPrimes(100000) (the course's task: the sum of the primes below 100000)", 454_396_537L, got);
        long[][] cases = {{10, 17}, {11, 17}, {12, 28}, {3, 2}, {2, 0}, {0, 0}, {-5, 0}};
        for (long[] c : cases) {
            int limit = (int) c[0];
            long small = call("sumPrimes(" + limit + ")", sumPrimes(), limit);
            Expect.equal("sumPrimes(" + limit + ") (the sum of the primes p with p < " + limit + ")", c[1], small);
        }
    }

    @Test
    @DisplayName("time(task) runs the task once and returns its value in a Timed record")
    void timeRunsOnce() {
        Class<?> type = timed().raw();
        Expect.that(type.isRecord(), "Timed should be declared as `public record Timed<T>(T value, long nanos) {}` inside the class Primes,"
                + " but it is not a record");
        AtomicInteger runs = new AtomicInteger();
        Object token = new Object();
        Supplier<Object> task = () -> {
            runs.incrementAndGet();
            return token;
        };
        StaticMethod time = time();
        long before = System.nanoTime();
        Object result = call("time(task)", time, task);
        long outside = System.nanoTime() - before;
        Expect.that(result != null, "time(task) returned null; it should return a Timed with the task's value");
        Expect.equal("how many times time(task) ran the task", 1, runs.get());
        Object value = timed().method(Object.class, "value").call(result);
        Expect.that(value == token, "time(task).value() should be the very object the task returned, but it is " + value);
        long nanos = timed().method(long.class, "nanos").call(result);
        Expect.that(nanos >= 0 && nanos <= outside, "time(task).nanos() for a task that returns at once should be"
                + " between 0 and the " + String.format(Locale.ROOT, "%,d", outside) + " ns the whole call took, but it is "
                + String.format(Locale.ROOT, "%,d", nanos));
    }

    @Test
    @DisplayName("time(task) measures nanoseconds: a task that sleeps 200 ms takes about 200,000,000 ns")
    void timeMeasuresNanos() {
        AtomicInteger runs = new AtomicInteger();
        Supplier<String> task = () -> {
            runs.incrementAndGet();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "睡醒了";
        };
        StaticMethod time = time();
        long before = System.nanoTime();
        Object result = call("time(task)", time, task);
        long outside = System.nanoTime() - before;
        Expect.that(result != null, "time(task) returned null; it should return a Timed with the task's value");
        Expect.equal("how many times time(task) ran the task", 1, runs.get());
        Expect.equal("time(task).value()", "睡醒了", timed().method(Object.class, "value").call(result));
        long nanos = timed().method(long.class, "nanos").call(result);
        Expect.that(nanos >= 190_000_000L && nanos <= outside, "time(task).nanos() for a task that sleeps 200 ms should be about"
                + " 200,000,000 (nanoseconds): at least 190,000,000 and at most the " + String.format(Locale.ROOT, "%,d", outside)
                + " ns the whole call took, but it is " + String.format(Locale.ROOT, "%,d", nanos)
                + (nanos > 0 && nanos < 1_000_000 ? " (milliseconds or microseconds instead of nanoseconds? use System.nanoTime())" : ""));
    }

    @Test
    @DisplayName("isPrime for numbers beyond int and squares of big primes: 2147483647, 4294967311, 1000003², 999999999989")
    void isPrimeBig() throws Exception {
        isPrime(); // the signature first, for a clear message if it is missing
        long[][] cases = {{2_147_483_647L, 1}, {4_294_967_311L, 1}, {1_000_003L * 1_000_003L, 0}, {999_999_999_989L, 1},
            {4_294_967_297L, 0}, {Long.MAX_VALUE, 0}};
        List<String> calls = new ArrayList<>();
        for (long[] c : cases) {
            calls.add("isPrime:" + c[0]);
        }
        try (PrimesProbe probe = PrimesProbe.start(dir, calls.toArray(String[]::new))) {
            for (long[] c : cases) {
                String text = "isPrime(" + c[0] + "L)";
                PrimesProbe.Answer a = answer(probe, text, QUICK, "a loop up to the square root needs at most a million steps here");
                boolean expected = c[1] == 1;
                Expect.equal(text + (expected ? " (a prime)" : " (" + smallestFactor(c[0]) + ")"), expected,
                        Boolean.valueOf(a.value()));
            }
        }
    }

    @Test
    @DisplayName("sumPrimes(300000) is 3709507114: a sum that no longer fits in an int")
    void sumPrimesLong() throws Exception {
        sumPrimes();
        try (PrimesProbe probe = PrimesProbe.start(dir, "sum:300000")) {
            PrimesProbe.Answer a = answer(probe, "sumPrimes(300000)", QUICK, "a loop up to the square root takes a fraction of a second here");
            Expect.equal("sumPrimes(300000) (an int holds at most 2147483647: add up in a long)", "3709507114", a.value());
        }
    }

    @Test
    @DisplayName("countPrimes(10_000_000) is 664579 and takes under 3 seconds (more on a slow machine, never minutes)")
    void countPrimesFast() throws Exception {
        countPrimes();
        try (PrimesProbe probe = PrimesProbe.start(dir, "baseline:1000000", "baseline:1000000", "count:10000000")) {
            long best = Long.MAX_VALUE;
            for (int i = 0; i < 2; i++) {
                PrimesProbe.Answer b = probe.next(Duration.ofSeconds(60));
                Expect.that(b != null && b.ok() && b.value().equals("78498"), "the test could not time its own reference loop"
                        + " (got " + b + ")" + extra(probe));
                best = Math.min(best, b.nanos());
            }
            double estimate = SCALE_1M_TO_10M * best / 1e9;
            double allowed = Math.min(CAP_SECONDS, Math.max(BOUND_SECONDS, MARGIN * estimate));
            String bound = String.format(Locale.ROOT, "%.1f s (3 s, or on a slow machine %.1f × the %.1f s that a plain"
                    + " loop up to the square root is estimated to take on this one)", allowed, MARGIN, estimate);
            PrimesProbe.Answer a = probe.next(Duration.ofMillis((long) (allowed * 1000) + 2000));
            if (a == null && probe.ended()) {
                Expect.fail("countPrimes(10000000) ended the JVM without returning." + extra(probe));
            }
            if (a == null) {
                Expect.fail("countPrimes(10000000) did not return within " + bound + ", and was stopped." + extra(probe)
                        + "\nTrying every divisor up to n, as the course's prim() does, takes hours for 10 million numbers:"
                        + " stop at the square root, or use a sieve.");
            }
            if (!a.ok()) {
                failThrown("countPrimes(10000000)", a);
            }
            Expect.equal("countPrimes(10000000) (the number of primes below ten million)", "664579", a.value());
            double took = a.nanos() / 1e9;
            Expect.that(took <= allowed, String.format(Locale.ROOT, "countPrimes(10000000) took %.1f s; the limit is %s."
                    + "\nStop trying divisors at the square root of n, or use a sieve.", took, bound));
        }
    }

    /** The next answer of the probe, failing with a clear message if it is late, missing or an exception. */
    private static PrimesProbe.Answer answer(PrimesProbe probe, String text, Duration deadline, String why) throws InterruptedException {
        PrimesProbe.Answer a = probe.next(deadline);
        if (a == null) {
            if (probe.ended()) {
                Expect.fail(text + " ended the JVM without returning." + extra(probe));
            }
            Expect.fail(text + " did not return within " + deadline.toSeconds() + " s and was stopped (" + why
                    + "; trying every divisor up to n, or a loop that never ends, does not finish)." + extra(probe));
        }
        if (!a.ok()) {
            failThrown(text, a);
        }
        return a;
    }

    private static void failThrown(String text, PrimesProbe.Answer a) {
        String thrown = a.thrown();
        if (thrown.startsWith("java.lang.UnsupportedOperationException: TODO")) {
            throw new UnsupportedOperationException(thrown.substring(thrown.indexOf("TODO")));
        }
        Expect.fail(text + " threw " + thrown);
    }

    private static String extra(PrimesProbe probe) {
        String out = probe.output();
        return out.isEmpty() ? "" : "\nIt printed:\n" + Text.indent(Text.block(out, 1500), "    |");
    }
}
