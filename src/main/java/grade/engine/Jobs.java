package grade.engine;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Work side by side: a day's exercises in several test JVMs, verify's runs, a batch's
 * submissions. At most {@code parallel} at a time; results come back in the order of the work;
 * the first failure is thrown as it was, after the rest were cancelled.
 */
public final class Jobs {
    private Jobs() {
    }

    /** Runs every piece of {@code work}, at most {@code parallel} at a time; their results in order. */
    public static <T> List<T> run(int parallel, List<? extends Callable<T>> work) throws IOException, InterruptedException {
        List<T> out = new ArrayList<>();
        if (parallel <= 1 || work.size() <= 1) {
            for (Callable<T> c : work) {
                out.add(call(c));
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, work.size()), r -> {
            Thread t = new Thread(r, "grading job");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> c : work) {
                futures.add(pool.submit(c));
            }
            for (Future<T> f : futures) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
                    throw rethrow(e.getCause());
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> T call(Callable<T> c) throws IOException, InterruptedException {
        try {
            return c.call();
        } catch (IOException | InterruptedException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    private static IOException rethrow(Throwable cause) throws InterruptedException {
        if (cause instanceof IOException io) {
            return io;
        }
        if (cause instanceof InterruptedException ie) {
            throw ie;
        }
        if (cause instanceof RuntimeException re) {
            throw re;
        }
        if (cause instanceof Error err) {
            throw err;
        }
        return new IOException(cause);
    }
}
