package grade.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Starts a process as the leader of a new session (with {@code setsid} where it exists) and ends
 * it with every process in that session: children, grandchildren and orphans whose parent has
 * already exited, and (on Linux) every process that still carries the run's token in its
 * environment, such as one that left the session. Also ends them, and deletes the run's
 * scratch folder, when the grader itself is interrupted (Ctrl-C, a closed terminal).
 */
final class ProcessTree {
    /** The environment variable that marks every process of a run. */
    static final String TOKEN_ENV = "GRADE_RUN";
    private static final Path SETSID = Path.of("/usr/bin/setsid");
    private final String token = UUID.randomUUID().toString();
    private Process process;
    private Thread hook;
    private boolean session;
    private volatile boolean interrupted;

    /**
     * Starts the process; with {@code newSession} (and setsid present) it leads a session of its
     * own whose every member is ended with it. A sandboxed run passes false: its process
     * namespace already ends everything in it. {@code scratch} is deleted if the grader is
     * interrupted before the run ends.
     */
    synchronized Process start(ProcessBuilder pb, boolean newSession, Path scratch) throws IOException {
        session = newSession && Files.isExecutable(SETSID);
        if (session) {
            List<String> command = new ArrayList<>(pb.command());
            command.add(0, SETSID.toString());
            pb.command(command);
        }
        pb.environment().put(TOKEN_ENV, token);
        pb.redirectErrorStream(true);
        process = pb.start();
        hook = new Thread(() -> {
            interrupted = true;
            kill();
            org.apache.commons.io.FileUtils.deleteQuietly(scratch.toFile());
        }, "end test JVM");
        Runtime.getRuntime().addShutdownHook(hook);
        return process;
    }

    /** Whether the grader is shutting down (Ctrl-C, a closed terminal) and ended the tree for that. */
    boolean interrupted() {
        return interrupted;
    }

    /** Ends the process, its descendants and its whole session; waits until they are gone. */
    synchronized void end() {
        if (process == null) {
            return;
        }
        kill();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down
        }
        process = null;
    }

    private void kill() {
        Process p = process;
        if (p == null) {
            return;
        }
        grade.kit.Processes.endTree(p.toHandle());
        if (session) {
            killGroup(p.pid());
        }
        tagged().forEach(grade.kit.Processes::endTree);
        try {
            p.waitFor(2, TimeUnit.SECONDS); // reaped here, not left to init
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sends SIGKILL to every process of the group the test JVM leads (orphans included). */
    private static void killGroup(long pgid) {
        try {
            Process k = new ProcessBuilder("kill", "-KILL", "--", "-" + pgid)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            k.waitFor(2, TimeUnit.SECONDS);
        } catch (IOException e) {
            // no kill command: descendants were ended one by one above
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Processes whose environment carries this run's token (Linux; elsewhere none are found). */
    private List<ProcessHandle> tagged() {
        return grade.kit.Processes.withEnvironment(TOKEN_ENV, token);
    }
}
