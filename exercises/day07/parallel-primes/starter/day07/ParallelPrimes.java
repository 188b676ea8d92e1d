package day07;

/**
 * Counts and sums the primes below LIMIT with WORKERS child processes, one range each.
 * Read the statement first: ./grade show day07 parallel-primes
 *
 * <pre>
 * java day07.ParallelPrimes LIMIT WORKERS
 * </pre>
 */
public class ParallelPrimes {

    public static void main(String[] args) throws Exception {
        // TODO: check the arguments (LIMIT >= 2, WORKERS 1 to 64), else usage on stderr and exit 2
        // TODO: split [2, LIMIT) into WORKERS ranges; start one child process per range
        //       (java -cp <this class path> day07.ParallelPrimes ...), printing "worker I pid=P" for each
        // TODO: collect every child's count and sum, wait for each child, then print
        //       "count=C sum=S workers=W elapsed_ms=T"
        System.err.println("TODO: ParallelPrimes is not written yet");
        System.exit(1);
    }
}
