package day05;

import java.util.BitSet;
import java.util.function.Supplier;

/** Prime numbers, and the course's timing decorator, in Java. */
public class Primes {

    /** A task's result and how long it took, in nanoseconds. */
    public record Timed<T>(T value, long nanos) {}

    /**
     * Trial division up to the square root: a divisor larger than √n comes paired with one
     * smaller than √n, so the smaller ones are enough.
     */
    public static boolean isPrime(long n) {
        if (n < 2) {
            return false;
        }
        if (n % 2 == 0) {
            return n == 2;
        }
        for (long d = 3; d <= n / d; d += 2) { // d <= n / d is d * d <= n without overflow
            if (n % d == 0) {
                return false;
            }
        }
        return true;
    }

    /** How many primes are below {@code limit}. */
    public static long countPrimes(int limit) {
        return primesBelow(limit).cardinality();
    }

    /** The sum of the primes below {@code limit} (the course's task: 454396537 for 100000). */
    public static long sumPrimes(int limit) {
        // summed as longs: the sum passes Integer.MAX_VALUE a little above limit 250000
        return primesBelow(limit).stream().asLongStream().sum();
    }

    /**
     * The sieve of Eratosthenes: start with every number from 2 up as a candidate and strike
     * out the multiples of each prime p from p*p on (smaller multiples were struck already).
     * About n log log n steps, where the course's loop takes about n * n / log n.
     */
    private static BitSet primesBelow(int limit) {
        BitSet primes = new BitSet();
        if (limit <= 2) {
            return primes; // no primes below 2, and nothing at all for a negative limit
        }
        primes.set(2, limit);
        for (int p = 2; (long) p * p < limit; p = primes.nextSetBit(p + 1)) {
            for (long m = (long) p * p; m < limit; m += p) { // a long: m + p may pass Integer.MAX_VALUE
                primes.clear((int) m);
            }
        }
        return primes;
    }

    /** The course's get_time decorator: run the task once, measure it with the monotonic clock. */
    public static <T> Timed<T> time(Supplier<T> task) {
        long start = System.nanoTime(); // nanoTime, not currentTimeMillis: it never jumps when the wall clock is set
        T value = task.get();
        return new Timed<>(value, System.nanoTime() - start);
    }
}
