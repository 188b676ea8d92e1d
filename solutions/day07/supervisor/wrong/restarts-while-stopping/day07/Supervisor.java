// Known-wrong: on SIGTERM it terminates the children, but its supervision loop does not know that it
// is stopping and restarts each of them, and the new children outlive the supervisor. (Its hook
// then gives the supervision loop a moment to "settle", which is when the restarts happen.)
package day07;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Keeps N children running: a child that dies is restarted, at most 5 times each; on SIGTERM
 * every child is stopped before the supervisor exits.
 *
 * <pre>
 * java day07.Supervisor N           the supervisor
 * java day07.Supervisor --child I   child I: prints "child I pid=P", then waits until it is killed
 * </pre>
 */
public class Supervisor {
    static final int MAX_RESTARTS = 5;
    /** How long the children get to end after SIGTERM before they are killed. */
    static final long GRACE_MILLIS = 2000;

    private final Process[] children;
    private final int[] restarts;
    /** Indexes of children that ended, in the order they ended (filled by Process.onExit). */
    private final BlockingQueue<Integer> ended = new LinkedBlockingQueue<>();
    /** Set once, by the shutdown hook; after that nothing is restarted. Guarded by this. */
    private boolean stopping;
    /** The thread that runs the supervision loop. */
    private Thread loop;

    Supervisor(int n) {
        children = new Process[n];
        restarts = new int[n];
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("--child")) {
            System.out.println("child " + args[1] + " pid=" + ProcessHandle.current().pid());
            Thread.sleep(Long.MAX_VALUE); // a child only waits until it is killed
            return;
        }
        int n;
        try {
            n = args.length == 1 ? Integer.parseInt(args[0]) : -1;
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 1 || n > 100) {
            System.err.println("usage: java day07.Supervisor N (N children, 1 to 100)");
            System.exit(2);
        }
        Supervisor supervisor = new Supervisor(n);
        supervisor.loop = Thread.currentThread();
        // SIGTERM (and Ctrl-C) runs the shutdown hooks before the JVM exits: the place to stop the children.
        Runtime.getRuntime().addShutdownHook(new Thread(supervisor::stopAll, "stop the children"));
        supervisor.startAll();
        supervisor.supervise();
    }

    private synchronized void startAll() throws IOException {
        for (int i = 0; i < children.length; i++) {
            children[i] = start(i);
        }
    }

    /** Starts child i; when it ends, its index goes into {@code ended}. */
    private Process start(int i) throws IOException {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Supervisor.class.getName(), "--child", String.valueOf(i))
                .inheritIO() // the child's "child I pid=P" line goes to our stdout
                .start();
        // onExit completes after the JDK's reaper thread has waited for the child (waitpid): no zombie is left.
        p.onExit().thenRun(() -> ended.add(i));
        return p;
    }

    /** Restarts each child that ends, until its restarts are used up; runs until the JVM exits. */
    private void supervise() throws InterruptedException, IOException {
        while (true) {
            int i = ended.take();
            synchronized (this) {
                Process old = children[i];
                if (restarts[i] == MAX_RESTARTS) {
                    System.err.println("child " + i + " (pid " + old.pid() + ") ended with status " + old.exitValue()
                            + "; it has used its " + MAX_RESTARTS + " restarts and stays down");
                    continue;
                }
                restarts[i]++;
                children[i] = start(i);
                System.out.println("restart " + i + " " + old.pid() + " -> " + children[i].pid());
            }
        }
    }

    /** The shutdown hook: SIGTERM to every child, wait for them, kill those still alive after the grace time. */
    private void stopAll() {
        List<Process> running = new ArrayList<>();
        synchronized (this) {
            stopping = true;
            for (Process p : children) {
                if (p != null && p.isAlive()) {
                    running.add(p);
                }
            }
        }
        running.forEach(Process::destroy);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GRACE_MILLIS);
        try {
            for (Process p : running) {
                p.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
            for (Process p : running) {
                if (p.isAlive()) {
                    p.destroyForcibly();
                    p.waitFor();
                }
            }
            loop.join(1000); // let the supervision loop finish what it is doing
        } catch (InterruptedException e) {
            running.forEach(Process::destroyForcibly);
        }
    }
}
