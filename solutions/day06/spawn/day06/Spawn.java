package day06;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The course's fork() in Java: the parent starts N real child processes (new JVMs running this
 * same class with {@code --child I}), waits for each of them, and reports their exit statuses.
 */
public class Spawn {
    static final int MAX_CHILDREN = 100;

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length == 2 && args[0].equals("--child")) {
            child(Integer.parseInt(args[1]));
            return;
        }
        int n = parseCount(args);
        if (n < 0) {
            System.err.println("usage: java day06.Spawn N   (N from 1 to " + MAX_CHILDREN + ")");
            System.exit(2);
        }

        // fork(): each child is a new process. inheritIO() lets it print to our own stdout.
        List<Process> children = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            children.add(new ProcessBuilder(childCommand(i)).inheritIO().start());
        }

        // wait(): waitFor() blocks until the child ends and reaps it, so no zombie is left behind.
        List<Integer> exits = new ArrayList<>();
        for (Process child : children) {
            exits.add(child.waitFor());
        }
        // Only now, with every child reaped, does the parent report (List.toString gives "[0, 1, 2]").
        System.out.println("parent pid=" + ProcessHandle.current().pid() + " children=" + n + " exit=" + exits);
    }

    /** What child I does: os.getpid() and os.getppid() are ProcessHandle.current() and its parent(). */
    static void child(int i) {
        ProcessHandle me = ProcessHandle.current();
        long ppid = me.parent().map(ProcessHandle::pid).orElse(-1L);
        System.out.println("child " + i + " pid=" + me.pid() + " ppid=" + ppid);
        System.exit(i); // the parent reads this back from waitFor()
    }

    /** N from the command line, or -1 when it is missing, not a number or out of range. */
    static int parseCount(String[] args) {
        if (args.length != 1) {
            return -1;
        }
        try {
            int n = Integer.parseInt(args[0]);
            return n >= 1 && n <= MAX_CHILDREN ? n : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** java -cp <our own class path> day06.Spawn --child I, with the same java that runs us. */
    static List<String> childCommand(int i) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return List.of(java, "-cp", System.getProperty("java.class.path"), Spawn.class.getName(),
                "--child", String.valueOf(i));
    }
}
