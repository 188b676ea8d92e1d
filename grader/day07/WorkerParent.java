package day07;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A parent program that uses the learner's {@code WorkerProcess} (by reflection: the grader is
 * compiled without learner classes) and then simply returns from main, so that the JVM exits
 * normally. Usage: {@code day07.WorkerParent DIR mixed|stubborn-daemon}.
 *
 * <p>{@code mixed} starts two daemon workers, {@code a} (sleeps) and {@code b} (ignores SIGTERM),
 * waits until both are up, then one non-daemon worker {@code c} that finishes only once {@code a}
 * and {@code b} are gone (or gives up after a few seconds). It prints {@code a=PID b=PID c=PID}
 * and returns. With Python's rule the JVM then terminates a and b, waits for c, and exits 0.
 * {@code stubborn-daemon} starts only {@code b}, prints {@code b=PID} and returns: the JVM must
 * still not exit before b is gone.
 */
public final class WorkerParent {
    /** How long worker c waits for the daemon workers to be gone. */
    static final long PATIENCE_MILLIS = 6000;

    private WorkerParent() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        if (args[1].equals("stubborn-daemon")) {
            Object b = worker("stubborn", dir.resolve("b.ready").toString());
            call(b, "setDaemon", true);
            call(b, "start");
            awaitFile(dir.resolve("b.ready"));
            System.out.println("b=" + call(b, "pid"));
            System.out.println("main returns");
            return;
        }
        Object a = worker("sleep", dir.resolve("a.ready").toString());
        Object b = worker("stubborn", dir.resolve("b.ready").toString());
        call(a, "setDaemon", true);
        call(b, "setDaemon", true);
        call(a, "start");
        call(b, "start");
        awaitFile(dir.resolve("a.ready"));
        awaitFile(dir.resolve("b.ready"));
        long pidA = (Long) call(a, "pid");
        long pidB = (Long) call(b, "pid");
        Object c = worker("await-gone", dir.resolve("c.done").toString(), String.valueOf(PATIENCE_MILLIS),
                String.valueOf(pidA), String.valueOf(pidB));
        call(c, "start");
        System.out.println("a=" + pidA + " b=" + pidB + " c=" + call(c, "pid"));
        System.out.println("main returns");
    }

    private static Object worker(String... args) throws Exception {
        return Class.forName("day07.WorkerProcess").getConstructor(String.class, String[].class)
                .newInstance("day07.WorkerChild", args);
    }

    private static Object call(Object target, String method, Object... args) throws Exception {
        for (var m : target.getClass().getMethods()) {
            if (m.getName().equals(method) && m.getParameterCount() == args.length) {
                try {
                    return m.invoke(target, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause() instanceof Exception ex ? ex : e;
                }
            }
        }
        throw new NoSuchMethodException("WorkerProcess." + method);
    }

    private static void awaitFile(Path file) throws InterruptedException {
        long end = System.currentTimeMillis() + 30_000;
        while (!Files.exists(file)) {
            if (System.currentTimeMillis() > end) {
                throw new IllegalStateException("the worker did not start within 30 s: " + file.getFileName() + " is missing");
            }
            Thread.sleep(10);
        }
    }
}
