package day07;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The program the worker tests hand to a learner's {@code WorkerProcess}: it runs as
 * {@code java -cp <the test JVM's class path> day07.WorkerChild MODE ...}. Each mode is one
 * behaviour a test needs; none runs longer than a minute, so even a leaked one ends by itself.
 *
 * <ul>
 * <li>{@code report FILE ARGS...}: writes {@code pid}, {@code ppid} and each argument on a line of FILE, exits 0;</li>
 * <li>{@code wait READY GO CODE}: announces itself in READY, waits until the file GO exists, exits with CODE;</li>
 * <li>{@code sleep READY}: announces itself and sleeps until it is stopped;</li>
 * <li>{@code stubborn READY}: ignores SIGTERM (its shutdown hook never returns) and sleeps;</li>
 * <li>{@code chatty BYTES}: prints BYTES bytes to stdout and as many to stderr, exits 0;</li>
 * <li>{@code await-gone DONE MILLIS PID...}: when every PID has ended, and {@link #LINGER_MILLIS}
 *     more have passed, writes to DONE {@code gone} if the JVM that started it still runs (it waits
 *     for this worker) or {@code orphaned} if not, prints a line and exits 0; if a PID still runs
 *     after MILLIS, writes {@code alive PID} and exits 3.</li>
 * </ul>
 * To announce itself, a child writes its pid to READY (atomically, so a reader never sees half of it).
 */
public final class WorkerChild {
    static final long LIFETIME_MILLIS = 60_000;
    /**
     * How long await-gone goes on after the daemons are gone: a parent that waits only for its
     * daemon workers has exited by then, and one that waits for every worker still runs.
     */
    static final long LINGER_MILLIS = 500;
    static final String DONE_LINE = "non-daemon worker: the daemon workers were gone, finishing";

    private WorkerChild() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "report" -> {
                List<String> lines = new ArrayList<>();
                lines.add("pid=" + ProcessHandle.current().pid());
                lines.add("ppid=" + ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L));
                lines.addAll(List.of(args).subList(2, args.length));
                writeAtomically(Path.of(args[1]), String.join("\n", lines) + "\n");
            }
            case "wait" -> {
                announce(Path.of(args[1]));
                Path go = Path.of(args[2]);
                long end = System.currentTimeMillis() + LIFETIME_MILLIS;
                while (!Files.exists(go) && System.currentTimeMillis() < end) {
                    Thread.sleep(10);
                }
                System.exit(Integer.parseInt(args[3]));
            }
            case "sleep" -> {
                announce(Path.of(args[1]));
                Thread.sleep(LIFETIME_MILLIS);
            }
            case "stubborn" -> {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        Thread.sleep(Long.MAX_VALUE); // SIGTERM starts the shutdown, which then never ends
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
                announce(Path.of(args[1]));
                Thread.sleep(LIFETIME_MILLIS);
                Runtime.getRuntime().halt(0); // past its lifetime: end without running the hook
            }
            case "chatty" -> {
                int bytes = Integer.parseInt(args[1]);
                byte[] line = "chatty child output ..........................................\n".getBytes(UTF_8);
                for (int sent = 0; sent < bytes; sent += line.length) {
                    System.out.write(line);
                    System.err.write(line);
                }
                System.out.flush();
                System.err.flush();
            }
            case "await-gone" -> {
                Path done = Path.of(args[1]);
                ProcessHandle starter = ProcessHandle.current().parent().orElseThrow();
                long end = System.currentTimeMillis() + Long.parseLong(args[2]);
                for (String pid : List.of(args).subList(3, args.length)) {
                    while (ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false)) {
                        if (System.currentTimeMillis() > end) {
                            writeAtomically(done, "alive " + pid + "\n");
                            System.exit(3);
                        }
                        Thread.sleep(10);
                    }
                }
                Thread.sleep(LINGER_MILLIS);
                writeAtomically(done, starter.isAlive() ? "gone\n" : "orphaned\n");
                System.out.println(DONE_LINE);
            }
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    private static void announce(Path ready) throws Exception {
        writeAtomically(ready, ProcessHandle.current().pid() + "\n");
    }

    private static void writeAtomically(Path file, String text) throws Exception {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text, UTF_8);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
    }
}
