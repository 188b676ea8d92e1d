package day05;

import grade.kit.Expect;
import grade.kit.LearnerClass;
import grade.kit.Say;
import grade.kit.StaticMethod;
import grade.kit.Text;
import grade.kit.Zh;
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
            throw Expect.fail(text + Say.pick(" threw ", " 抛出了 ") + e);
        } catch (RuntimeException e) {
            throw Expect.fail(text + Say.pick(" threw ", " 抛出了 ") + e);
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
        return n + Say.pick(" is prime", " 是质数");
    }

    @Test
    @DisplayName("isPrime is false below 2: for 1, 0 and negative numbers (-2, -7 and Long.MIN_VALUE too)")
    @Zh("小于 2 时 isPrime 为 false：1、0 和负数（包括 -2、-7 和 Long.MIN_VALUE）")
    void isPrimeBelowTwo() {
        for (long n : new long[] {1, 0, -1, -2, -3, -7, -97, Integer.MIN_VALUE, Long.MIN_VALUE}) {
            boolean got = call("isPrime(" + n + ")", isPrime(), n);
            Expect.that(!got, "isPrime(" + n + ")" + Say.pick(" returned true; a prime is a whole number of at least 2,"
                    + " so isPrime must be false for every n < 2", " 返回了 true；质数是至少为 2 的整数，所以对每个 n < 2，isPrime 都必须是 false"));
        }
    }

    @Test
    @DisplayName("isPrime agrees with a sieve for every n from 2 to 10,000 (squares of primes such as 4, 9, 25 and 49 too)")
    @Zh("从 2 到 10,000 的每个 n，isPrime 都和筛法的结果一致（包括 4、9、25、49 这样的质数的平方）")
    void isPrimeSmall() {
        boolean[] prime = sieve(10_001);
        StaticMethod isPrime = isPrime();
        List<String> wrong = new ArrayList<>();
        for (int n = 2; n <= 10_000; n++) {
            boolean got = call("isPrime(" + n + ")", isPrime, (long) n);
            if (got != prime[n]) {
                wrong.add("isPrime(" + n + ")" + Say.pick(" returned " + got + " (" + smallestFactor(n) + ")",
                        " 返回了 " + got + "（" + smallestFactor(n) + "）"));
            }
        }
        Expect.that(wrong.isEmpty(), Say.pick(wrong.size() + " wrong answers between 2 and 10000, the first: ",
                "2 到 10000 之间有 " + wrong.size() + " 个错误的回答，最前面几个：")
                + String.join(Say.pick("; ", "；"), wrong.subList(0, Math.min(6, wrong.size())))
                + (wrong.stream().anyMatch(w -> w.matches("isPrime\\((4|9|25|49)\\).*"))
                        ? Say.pick(".\nA square such as 9 = 3 × 3 has no divisor below its square root: check divisors d with d * d <= n, <= and not <.",
                        "。\n像 9 = 3 × 3 这样的平方数，在它的平方根以下没有因数：要检查满足 d * d <= n 的因数 d，是 <=，不是 <。")
                        : ""));
    }

    @Test
    @DisplayName("countPrimes(limit) counts the primes p < limit: 10 → 4, 11 → 4 (11 is not below 11), 100 → 25, and 0 for limit ≤ 2")
    @Zh("countPrimes(limit) 统计满足 p < limit 的质数：10 → 4，11 → 4（11 不小于 11），100 → 25，limit ≤ 2 时为 0")
    void countPrimesSmall() {
        long[][] cases = {{10, 4}, {11, 4}, {12, 5}, {100, 25}, {1000, 168}, {10_000, 1229}, {3, 1}, {2, 0}, {1, 0}, {0, 0}, {-1, 0}, {-100, 0}};
        for (long[] c : cases) {
            int limit = (int) c[0];
            long got = call("countPrimes(" + limit + ")", countPrimes(), limit);
            Expect.equal("countPrimes(" + limit + ")" + Say.pick(" (the number of primes p with p < " + limit + ")",
                    "（满足 p < " + limit + " 的质数 p 的个数）"), c[1], got);
        }
    }

    @Test
    @DisplayName("sumPrimes(100000) is 454396537, the course's answer; small limits: 10 → 17, 3 → 2, 2 → 0")
    @Zh("sumPrimes(100000) 是 454396537，和课上的答案一样；小的上限：10 → 17，3 → 2，2 → 0")
    void sumPrimesCourse() {
        long got = call("sumPrimes(100000)", sumPrimes(), 100_000);
        Expect.equal(Say.pick("sumPrimes(100000) (the course's task: the sum of the primes below 100000)", "sumPrimes(100000)（课上的任务：100000 以内所有质数的和）"), 454_396_537L, got);
        long[][] cases = {{10, 17}, {11, 17}, {12, 28}, {3, 2}, {2, 0}, {0, 0}, {-5, 0}};
        for (long[] c : cases) {
            int limit = (int) c[0];
            long small = call("sumPrimes(" + limit + ")", sumPrimes(), limit);
            Expect.equal("sumPrimes(" + limit + ")" + Say.pick(" (the sum of the primes p with p < " + limit + ")",
                    "（满足 p < " + limit + " 的质数 p 的和）"), c[1], small);
        }
    }

    @Test
    @DisplayName("time(task) runs the task once and returns its value in a Timed record")
    @Zh("time(task) 运行任务一次，把它的返回值放在 Timed record 里返回")
    void timeRunsOnce() {
        Class<?> type = timed().raw();
        Expect.that(type.isRecord(), Say.pick("Timed should be declared as `public record Timed<T>(T value, long nanos) {}` inside the class Primes,"
                + " but it is not a record", "Timed 应该在类 Primes 里声明为 `public record Timed<T>(T value, long nanos) {}`，但它不是 record"));
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
        Expect.that(result != null, Say.pick("time(task) returned null; it should return a Timed with the task's value", "time(task) 返回了 null；它应该返回一个带着任务返回值的 Timed"));
        Expect.equal(Say.pick("how many times time(task) ran the task", "time(task) 运行任务的次数"), 1, runs.get());
        Object value = timed().method(Object.class, "value").call(result);
        Expect.that(value == token, Say.pick("time(task).value() should be the very object the task returned, but it is ",
                "time(task).value() 应该正是任务返回的那个对象，但它是 ") + value);
        long nanos = timed().method(long.class, "nanos").call(result);
        Expect.that(nanos >= 0 && nanos <= outside, Say.pick("time(task).nanos() for a task that returns at once should be"
                + " between 0 and the " + String.format(Locale.ROOT, "%,d", outside) + " ns the whole call took, but it is ",
                "对立即返回的任务，time(task).nanos() 应该在 0 和整个调用所用的 " + String.format(Locale.ROOT, "%,d", outside)
                + " ns 之间，但它是 ") + String.format(Locale.ROOT, "%,d", nanos));
    }

    @Test
    @DisplayName("time(task) measures nanoseconds: a task that sleeps 200 ms takes about 200,000,000 ns")
    @Zh("time(task) 以纳秒计时：休眠 200 ms 的任务约用 200,000,000 ns")
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
        Expect.that(result != null, Say.pick("time(task) returned null; it should return a Timed with the task's value", "time(task) 返回了 null；它应该返回一个带着任务返回值的 Timed"));
        Expect.equal(Say.pick("how many times time(task) ran the task", "time(task) 运行任务的次数"), 1, runs.get());
        Expect.equal("time(task).value()", "睡醒了", timed().method(Object.class, "value").call(result));
        long nanos = timed().method(long.class, "nanos").call(result);
        Expect.that(nanos >= 190_000_000L && nanos <= outside, Say.pick("time(task).nanos() for a task that sleeps 200 ms should be about"
                + " 200,000,000 (nanoseconds): at least 190,000,000 and at most the " + String.format(Locale.ROOT, "%,d", outside)
                + " ns the whole call took, but it is ", "对休眠 200 ms 的任务，time(task).nanos() 应该约为 200,000,000（纳秒）："
                + "至少 190,000,000，最多是整个调用所用的 " + String.format(Locale.ROOT, "%,d", outside) + " ns，但它是 ")
                + String.format(Locale.ROOT, "%,d", nanos) + (nanos > 0 && nanos < 1_000_000
                ? Say.pick(" (milliseconds or microseconds instead of nanoseconds? use System.nanoTime())",
                "（是不是用了毫秒或微秒，而不是纳秒？要用 System.nanoTime()）") : ""));
    }

    @Test
    @DisplayName("isPrime for numbers beyond int and squares of big primes: 2147483647, 4294967311, 1000003², 999999999989")
    @Zh("超出 int 的数和大质数的平方上的 isPrime：2147483647、4294967311、1000003²、999999999989")
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
                PrimesProbe.Answer a = answer(probe, text, QUICK, Say.pick("a loop up to the square root needs at most a million steps here", "试到平方根的循环在这里最多只要一百万步"));
                boolean expected = c[1] == 1;
                Expect.equal(text + (expected ? Say.pick(" (a prime)", "（质数）") : Say.pick(" (" + smallestFactor(c[0]) + ")",
                        "（" + smallestFactor(c[0]) + "）")), expected,
                        Boolean.valueOf(a.value()));
            }
        }
    }

    @Test
    @DisplayName("sumPrimes(300000) is 3709507114: a sum that no longer fits in an int")
    @Zh("sumPrimes(300000) 是 3709507114：这个和已经放不进 int 了")
    void sumPrimesLong() throws Exception {
        sumPrimes();
        try (PrimesProbe probe = PrimesProbe.start(dir, "sum:300000")) {
            PrimesProbe.Answer a = answer(probe, "sumPrimes(300000)", QUICK, Say.pick("a loop up to the square root takes a fraction of a second here", "试到平方根的循环在这里用不了一秒"));
            Expect.equal(Say.pick("sumPrimes(300000) (an int holds at most 2147483647: add up in a long)", "sumPrimes(300000)（int 最多只能放 2147483647：要用 long 累加）"), "3709507114", a.value());
        }
    }

    @Test
    @DisplayName("countPrimes(10_000_000) is 664579 and takes under 3 seconds (more on a slow machine, never minutes)")
    @Zh("countPrimes(10_000_000) 是 664579，用时不到 3 秒（慢的机器上可以多一些，但绝不能几分钟）")
    void countPrimesFast() throws Exception {
        countPrimes();
        try (PrimesProbe probe = PrimesProbe.start(dir, "baseline:1000000", "baseline:1000000", "count:10000000")) {
            long best = Long.MAX_VALUE;
            for (int i = 0; i < 2; i++) {
                PrimesProbe.Answer b = probe.next(Duration.ofSeconds(60));
                Expect.that(b != null && b.ok() && b.value().equals("78498"), Say.pick("the test could not time its own reference loop"
                        + " (got " + b + ")", "测试没能给自己的参照循环计时（得到的是 " + b + "）") + extra(probe));
                best = Math.min(best, b.nanos());
            }
            double estimate = SCALE_1M_TO_10M * best / 1e9;
            double allowed = Math.min(CAP_SECONDS, Math.max(BOUND_SECONDS, MARGIN * estimate));
            String bound = String.format(Locale.ROOT, Say.pick("%.1f s (3 s, or on a slow machine %.1f × the %.1f s that a plain"
                    + " loop up to the square root is estimated to take on this one)", "%.1f s（3 s；在慢的机器上是 %.1f × 朴素的平方根循环"
                    + "在这台机器上估计要用的 %.1f s）"), allowed, MARGIN, estimate);
            PrimesProbe.Answer a = probe.next(Duration.ofMillis((long) (allowed * 1000) + 2000));
            if (a == null && probe.ended()) {
                Expect.fail("countPrimes(10000000)" + endedJvm() + extra(probe));
            }
            if (a == null) {
                Expect.fail("countPrimes(10000000)" + Say.pick(" did not return within " + bound + ", and was stopped.",
                        " 在 " + bound + " 内没有返回，已被停止。") + extra(probe)
                        + Say.pick("\nTrying every divisor up to n, as the course's prim() does, takes hours for 10 million numbers:"
                        + " stop at the square root, or use a sieve.", "\n像课上的 prim() 那样把 n 以内的每个因数都试一遍，"
                        + "一千万个数要花好几个小时：试到平方根就停，或者用筛法。"));
            }
            if (!a.ok()) {
                failThrown("countPrimes(10000000)", a);
            }
            Expect.equal(Say.pick("countPrimes(10000000) (the number of primes below ten million)", "countPrimes(10000000)（一千万以内质数的个数）"), "664579", a.value());
            double took = a.nanos() / 1e9;
            Expect.that(took <= allowed, String.format(Locale.ROOT, Say.pick("countPrimes(10000000) took %.1f s; the limit is %s."
                    + "\nStop trying divisors at the square root of n, or use a sieve.", "countPrimes(10000000) 用了 %.1f s；上限是 %s。"
                    + "\n试因数试到 n 的平方根就停，或者用筛法。"), took, bound));
        }
    }

    /** The next answer of the probe, failing with a clear message if it is late, missing or an exception. */
    private static PrimesProbe.Answer answer(PrimesProbe probe, String text, Duration deadline, String why) throws InterruptedException {
        PrimesProbe.Answer a = probe.next(deadline);
        if (a == null) {
            if (probe.ended()) {
                Expect.fail(text + endedJvm() + extra(probe));
            }
            Expect.fail(text + Say.pick(" did not return within " + deadline.toSeconds() + " s and was stopped (" + why
                    + "; trying every divisor up to n, or a loop that never ends, does not finish).", " 在 " + deadline.toSeconds()
                    + " s 内没有返回，已被停止（" + why + "；把 n 以内的每个因数都试一遍，或者永不结束的循环，都完成不了）。") + extra(probe));
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
        Expect.fail(text + Say.pick(" threw ", " 抛出了 ") + thrown);
    }

    private static String extra(PrimesProbe probe) {
        String out = probe.output();
        return out.isEmpty() ? "" : Say.pick("\nIt printed:\n", "\n它输出了：\n") + Text.indent(Text.block(out, 1500), "    |");
    }

    private static String endedJvm() {
        return Say.pick(" ended the JVM without returning.", " 没有返回就结束了 JVM。");
    }
}
