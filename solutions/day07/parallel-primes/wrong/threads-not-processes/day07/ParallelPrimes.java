// Known-wrong: the ranges are counted in threads of the parent instead of child processes, and
// each "worker" line shows the parent's own pid.
package day07;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts and sums the primes below LIMIT with WORKERS child processes, each on its own range:
 * the course's prime timing, spread over several processes to use several cores.
 *
 * <pre>
 * java day07.ParallelPrimes LIMIT WORKERS     the parent
 * java day07.ParallelPrimes --child FROM TO   one worker: prints "COUNT SUM" for [FROM, TO)
 * </pre>
 */
public class ParallelPrimes {
    private static final String USAGE = "usage: java day07.ParallelPrimes LIMIT WORKERS (LIMIT >= 2, WORKERS 1 to 64)";

    /** One worker's share: the numbers from (inclusive) to (exclusive). */
    record Range(long from, long to) {
    }

    /** What one worker found. */
    record Tally(long count, long sum) {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length == 3 && args[0].equals("--child")) {
            Tally t = tally(new Range(Long.parseLong(args[1]), Long.parseLong(args[2])));
            System.out.println(t.count() + " " + t.sum());
            return;
        }
        int limit;
        int workers;
        try {
            if (args.length != 2) {
                throw new NumberFormatException("two arguments");
            }
            limit = Integer.parseInt(args[0]);
            workers = Integer.parseInt(args[1]);
        } catch (NumberFormatException e) {
            usage();
            return;
        }
        if (limit < 2 || workers < 1 || workers > 64) {
            usage();
            return;
        }

        long start = System.nanoTime();
        Tally[] tallies = new Tally[workers];
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            Range r = split(limit, workers, i);
            int slot = i;
            Thread t = new Thread(() -> tallies[slot] = tally(r));
            t.start();
            threads.add(t);
            System.out.println("worker " + i + " pid=" + ProcessHandle.current().pid());
        }
        long count = 0;
        long sum = 0;
        for (int i = 0; i < workers; i++) {
            threads.get(i).join();
            count += tallies[i].count();
            sum += tallies[i].sum();
        }
        long elapsed = (System.nanoTime() - start) / 1_000_000;
        System.out.println("count=" + count + " sum=" + sum + " workers=" + workers + " elapsed_ms=" + elapsed);
    }

    /** The i-th of {@code workers} nearly equal ranges covering [2, limit) without gaps or overlaps. */
    static Range split(long limit, int workers, int i) {
        long n = limit - 2;
        return new Range(2 + n * i / workers, 2 + n * (i + 1) / workers);
    }

    private static List<String> javaCommand(Range r) {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                ParallelPrimes.class.getName(), "--child", String.valueOf(r.from()), String.valueOf(r.to()));
    }

    static Tally tally(Range r) {
        long count = 0;
        long sum = 0;
        for (long n = r.from(); n < r.to(); n++) {
            if (isPrime(n)) {
                count++;
                sum += n;
            }
        }
        return new Tally(count, sum);
    }

    /** Trial division up to the square root: a factor above it would pair with one below. */
    static boolean isPrime(long n) {
        if (n < 2) {
            return false;
        }
        if (n % 2 == 0) {
            return n == 2;
        }
        for (long d = 3; d * d <= n; d += 2) {
            if (n % d == 0) {
                return false;
            }
        }
        return true;
    }

    private static void usage() {
        System.err.println(USAGE);
        System.exit(2);
    }
}
