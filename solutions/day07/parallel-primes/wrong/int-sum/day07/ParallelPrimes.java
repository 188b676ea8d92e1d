// Known-wrong: each worker keeps its sum in an int, which overflows for big ranges (the primes
// below 2000000 add up to more than 2^31).
package day07;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
        List<Process> children = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            Range r = split(limit, workers, i);
            Process p = new ProcessBuilder(javaCommand(r))
                    .redirectError(ProcessBuilder.Redirect.INHERIT) // a child's error shows on our stderr
                    .start();
            children.add(p);
            System.out.println("worker " + i + " pid=" + p.pid());
        }
        // Every child is already running: reading their answers one after another costs nothing.
        long count = 0;
        long sum = 0;
        boolean failed = false;
        for (int i = 0; i < workers; i++) {
            Process p = children.get(i);
            String answer = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            int status = p.waitFor(); // collect every child, also after a failure: none outlives the parent
            String[] parts = answer.split(" ");
            if (status != 0 || parts.length != 2) {
                System.err.println("worker " + i + " failed (exit status " + status + ", answer \"" + answer + "\")");
                failed = true;
                continue;
            }
            count += Long.parseLong(parts[0]);
            sum += Long.parseLong(parts[1]);
        }
        if (failed) {
            System.exit(1);
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
        int sum = 0;
        for (long n = r.from(); n < r.to(); n++) {
            if (isPrime(n)) {
                count++;
                sum += (int) n;
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
