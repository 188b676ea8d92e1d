// Known-wrong: adds up the primes in an int, which overflows above 2147483647 (limit 300000),
// with a correct square-root loop otherwise. (Its square-root loop is fast enough for the speed test.)
package day05;

import java.util.function.Supplier;

/** Prime numbers, and the course's timing decorator, in Java. */
public class Primes {

    public record Timed<T>(T value, long nanos) {}

    public static boolean isPrime(long n) {
        if (n <= 1) {
            return false;
        }
        for (long i = 2; i * i <= n; i++) { // up to the square root
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
        int sum = 0; // an int: overflows once the sum passes 2147483647
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
