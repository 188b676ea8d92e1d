package day07;

/**
 * A child JVM handled like Python's multiprocessing.Process.
 * Read the statement first: ./grade show day07 worker
 */
public class WorkerProcess {

    /** Prepares (does not start) {@code java -cp <this JVM's class path> mainClass args...}. */
    public WorkerProcess(String mainClass, String... args) {
        // TODO: build the command line and keep it in a field
    }

    /** Like Python's {@code p.daemon = True}: only before start(). */
    public void setDaemon(boolean daemon) {
        // TODO: remember the flag; after start(): IllegalStateException
        throw new UnsupportedOperationException("TODO: setDaemon");
    }

    /** Starts the child process; a second start() throws IllegalStateException. */
    public void start() {
        // TODO: ProcessBuilder, with the child's output going to this JVM's stdout and stderr
        throw new UnsupportedOperationException("TODO: start");
    }

    /** Like {@code p.is_alive()}: false before start() and after the child ended. */
    public boolean isAlive() {
        throw new UnsupportedOperationException("TODO: isAlive");
    }

    /** Like {@code p.pid}; before start(): IllegalStateException. */
    public long pid() {
        throw new UnsupportedOperationException("TODO: pid");
    }

    /** Like {@code p.join()}: waits for the child and returns its exit status. */
    public int join() throws InterruptedException {
        throw new UnsupportedOperationException("TODO: join");
    }

    /** Like {@code p.join(timeout)}: waits at most millis ms; true if the child has ended. */
    public boolean join(long millis) throws InterruptedException {
        throw new UnsupportedOperationException("TODO: join(millis)");
    }

    /** Like {@code p.exitcode}: null before start() and while running. */
    public Integer exitCode() {
        throw new UnsupportedOperationException("TODO: exitCode");
    }

    /** Like {@code p.terminate()}: SIGTERM now, SIGKILL if still alive after 2 s; returns at once. */
    public void terminate() {
        throw new UnsupportedOperationException("TODO: terminate");
    }

    // TODO: when this JVM exits normally, terminate the daemon workers first, then wait for
    // every worker (a shutdown hook: Runtime.getRuntime().addShutdownHook)
}
