package day05;

import java.util.function.Supplier;

/**
 * Prime numbers, and the course's timing decorator, in Java.
 * Read the statement first: ./grade show day05 primes
 */
public class Primes {

    /** A task's result and how long it took, in nanoseconds. */
    public record Timed<T>(T value, long nanos) {}

    /** Whether n is a prime number (false for every n < 2). */
    public static boolean isPrime(long n) {
        // TODO: try divisors, but only as far as the square root of n
        throw new UnsupportedOperationException("TODO: isPrime");
    }

    /** How many primes p there are with p < limit. */
    public static long countPrimes(int limit) {
        // TODO: countPrimes(10_000_000) must be 664579, in under 3 seconds
        throw new UnsupportedOperationException("TODO: countPrimes");
    }

    /** The sum of the primes p with p < limit: the course's task, sumPrimes(100000) == 454396537. */
    public static long sumPrimes(int limit) {
        // TODO
        throw new UnsupportedOperationException("TODO: sumPrimes");
    }

    /** Runs the task once and measures how long it took, like the course's get_time decorator. */
    public static <T> Timed<T> time(Supplier<T> task) {
        // TODO: System.nanoTime() before and after
        throw new UnsupportedOperationException("TODO: time");
    }
}
