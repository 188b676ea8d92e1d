package day05;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Calls the learner's {@code day05.Primes} in a JVM of its own, for calls that a slow algorithm
 * turns into minutes: the test reads each answer with a deadline and, past it, ends that JVM,
 * so a runaway loop never keeps burning a core of the test JVM. The same JVM times a plain
 * square-root trial division, the baseline against which the speed of countPrimes is judged.
 *
 * <p>In the child JVM: {@code PrimesProbe CALL...}, each CALL {@code isPrime:N}, {@code count:N},
 * {@code sum:N} or {@code baseline:N}; for each it prints one line
 * {@code @probe CALL ok VALUE NANOS} or {@code @probe CALL threw TEXT}.
 */
final class PrimesProbe implements AutoCloseable {
    private static final String MARK = "@probe ";

    /** One answer of the child JVM. */
    record Answer(String call, boolean ok, String value, long nanos) {
        /** What the call threw, for a message. */
        String thrown() {
            return value;
        }
    }

    private final Process process;
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
    private final StringBuilder other = new StringBuilder();
    private volatile boolean ended;

    private PrimesProbe(Process process) {
        this.process = process;
        Thread reader = new Thread(this::read, "primes probe output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts a JVM that makes these calls in order, answering each as soon as it returns. */
    static PrimesProbe start(Path dir, String... calls) {
        // both compilers, unlike a fast start: the probe times CPU-bound work
        List<String> command = new ArrayList<>(List.of(grade.kit.Jvm.java(),
                "-XX:+UseSerialGC", "-Xshare:auto", "-XX:-UsePerfData", "-Xmx512m", "-Dfile.encoding=UTF-8",
                "-cp", System.getProperty("java.class.path"), PrimesProbe.class.getName()));
        command.addAll(List.of(calls));
        ProcessBuilder pb = grade.kit.Jvm.clean(new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true));
        try {
            return new PrimesProbe(pb.start());
        } catch (IOException e) {
            throw new IllegalStateException("could not start a JVM for the timing of day05.Primes: " + e.getMessage(), e);
        }
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith(MARK)) {
                    answers.add(line.substring(MARK.length()));
                } else {
                    synchronized (other) {
                        if (other.length() < 2000) {
                            other.append(line).append('\n');
                        }
                    }
                }
            }
        } catch (IOException e) {
            // the JVM was ended
        } finally {
            ended = true;
            answers.add("");
        }
    }

    /**
     * The next answer, or null if none came within {@code timeout} (the call is still running)
     * or the JVM ended without answering (see {@link #output()}).
     */
    Answer next(Duration timeout) throws InterruptedException {
        String line = answers.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (line == null || line.isEmpty()) {
            if (line != null) {
                answers.add(""); // keep the end marker for later calls
            }
            return null;
        }
        String[] p = line.split(" ", 3);
        if (p[1].equals("ok")) {
            String[] v = p[2].split(" ");
            return new Answer(p[0], true, v[0], Long.parseLong(v[1]));
        }
        return new Answer(p[0], false, p[2], 0);
    }

    /** Whether the JVM has ended (it ran every call, crashed or ran out of memory). */
    boolean ended() {
        return ended;
    }

    /** Anything else the JVM printed (the learner's own prints, a crash), for a message. */
    String output() {
        synchronized (other) {
            return other.toString().strip();
        }
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- the child JVM ----

    public static void main(String[] args) throws Exception {
        Class<?> primes = Class.forName("day05.Primes");
        for (String call : args) {
            String[] p = call.split(":");
            long n = Long.parseLong(p[1]);
            long start = System.nanoTime();
            try {
                Object value = switch (p[0]) {
                    case "isPrime" -> invoke(primes.getMethod("isPrime", long.class), n);
                    case "count" -> invoke(primes.getMethod("countPrimes", int.class), (int) n);
                    case "sum" -> invoke(primes.getMethod("sumPrimes", int.class), (int) n);
                    case "baseline" -> trialDivisionCount((int) n);
                    default -> throw new IllegalArgumentException(call);
                };
                long nanos = System.nanoTime() - start;
                System.out.println(MARK + call + " ok " + value + " " + nanos);
            } catch (Throwable t) {
                String message = String.valueOf(t.getMessage()).replace('\n', ' ');
                System.out.println(MARK + call + " threw " + t.getClass().getName() + ": " + message);
            }
            System.out.flush();
        }
        System.exit(0);
    }

    private static Object invoke(Method m, Object arg) throws Throwable {
        try {
            return m.invoke(null, arg);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** The plainest algorithm the contract accepts: trial division by every i with i * i <= n. */
    static long trialDivisionCount(int limit) {
        long count = 0;
        for (long n = 2; n < limit; n++) {
            boolean prime = true;
            for (long i = 2; i * i <= n; i++) {
                if (n % i == 0) {
                    prime = false;
                    break;
                }
            }
            if (prime) {
                count++;
            }
        }
        return count;
    }
}
