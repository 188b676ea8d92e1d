// Known mistake: the parent prints its line right after starting the children ("child I exits
// with I anyway") and only then waits for them, so its report comes before the children's lines.
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
        List<Process> children = new ArrayList<>();
        List<Integer> exits = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            children.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "day06.Spawn", "--child", "" + i)
                    .inheritIO().start());
            exits.add(i);
        }
        System.out.println("parent pid=" + ProcessHandle.current().pid() + " children=" + n + " exit=" + exits);
        for (Process p : children) {
            p.waitFor();
        }
    }
}
