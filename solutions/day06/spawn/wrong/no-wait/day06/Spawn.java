// Known mistake: the parent never waits for its children. It reports the statuses it expects and
// exits at once, leaving its children running as orphans.
package day06;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

public class Spawn {
    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("--child")) {
            int i = Integer.parseInt(args[1]);
            ProcessHandle me = ProcessHandle.current();
            System.out.println("child " + i + " pid=" + me.pid() + " ppid=" + me.parent().map(ProcessHandle::pid).orElse(-1L));
            System.exit(i);
        }
        int n;
        try {
            n = Integer.parseInt(args.length == 1 ? args[0] : "");
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 1 || n > 100) {
            System.err.println("usage: java day06.Spawn N");
            System.exit(2);
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Integer> exits = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "day06.Spawn", "--child", "" + i)
                    .inheritIO().start();
            exits.add(i);
        }
        System.out.println("parent pid=" + ProcessHandle.current().pid() + " children=" + n + " exit=" + exits);
    }
}
