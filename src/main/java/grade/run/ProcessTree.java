package grade.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts a process as the leader of a new session (with {@code setsid} where it exists) and ends
 * it with every process in that session: children, grandchildren and orphans whose parent has
 * already exited. Also ends them when the grader itself is interrupted (Ctrl-C).
 */
final class ProcessTree {
    private static final Path SETSID = Path.of("/usr/bin/setsid");
    private Process process;
    private Thread hook;
    private boolean session;

    /**
     * Starts the process; with {@code newSession} (and setsid present) it leads a session of its
     * own whose every member is ended with it. A sandboxed run passes false: its process
     * namespace already ends everything in it.
     */
    Process start(ProcessBuilder pb, boolean newSession) throws IOException {
        session = newSession && Files.isExecutable(SETSID);
        if (session) {
            List<String> command = new ArrayList<>(pb.command());
            command.add(0, SETSID.toString());
            pb.command(command);
        }
        pb.redirectErrorStream(true);
        process = pb.start();
        hook = new Thread(this::kill, "end test JVM");
        Runtime.getRuntime().addShutdownHook(hook);
        return process;
    }

    /** Ends the process, its descendants and its whole session; waits until they are gone. */
    void end() {
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
        List<ProcessHandle> all = new ArrayList<>(p.descendants().toList());
        all.add(p.toHandle());
        all.forEach(ProcessHandle::destroyForcibly);
        if (session) {
            killGroup(p.pid());
        }
        for (ProcessHandle h : all) {
            try {
                h.onExit().get(3, TimeUnit.SECONDS);
            } catch (Exception e) {
                // reported by the caller's own checks
            }
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
}
