// Known-wrong: the course's prim(): tries every divisor up to n. The answers are right, but
// countPrimes(10_000_000) takes hours.
package day05;

import java.util.function.Supplier;

/** Prime numbers, and the course's timing decorator, in Java. */
public class Primes {

    public record Timed<T>(T value, long nanos) {}

    public static boolean isPrime(long n) {
        if (n <= 1) {
            return false;
        }
        for (long i = 2; i < n; i++) { // like the course's prim(): every i from 2 to n - 1
            if (n % i == 0) {
                return false;
            }
        }
        return true;
    }

    public static long countPrimes(int limit) {
        long count = 0;
        for (int n = 2; n < limit; n++) {
            if (isPrime(n)) {
                count++;
            }
        }
        return count;
    }

    public static long sumPrimes(int limit) {
        long sum = 0;
        for (int n = 2; n < limit; n++) {
            if (isPrime(n)) {
                sum += n;
            }
        }
        return sum;
    }

    public static <T> Timed<T> time(Supplier<T> task) {
        long start = System.nanoTime();
        T value = task.get();
        return new Timed<>(value, System.nanoTime() - start);
    }
}
