// Known mistake: N is used as it comes. A missing or non-numeric N crashes with a stack trace
// (exit status 1) and 0 or 101 are accepted, instead of a usage message and exit status 2.
package day06;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

public class Spawn {
    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("--child")) {
            int i = Integer.parseInt(args[1]);
            ProcessHandle me = ProcessHandle.current();
            System.out.println("child " + i + " pid=" + me.pid() + " ppid=" + me.parent().get().pid());
            System.exit(i);
        }
        int n = Integer.parseInt(args[0]);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> children = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            children.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "day06.Spawn", "--child", "" + i)
                    .inheritIO().start());
        }
        List<Integer> exits = new ArrayList<>();
        for (Process p : children) {
            exits.add(p.waitFor());
        }
        System.out.println("parent pid=" + ProcessHandle.current().pid() + " children=" + n + " exit=" + exits);
    }
}
