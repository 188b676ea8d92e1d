// Known mistake: the "children" are threads inside the parent, not processes. Each one prints the
// parent's own pid as its pid (a thread has no pid of its own) and the parent's parent as its ppid.
package day06;

import java.util.ArrayList;
import java.util.List;

public class Spawn {
    public static void main(String[] args) throws Exception {
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
        int[] exits = new int[n];
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            Thread t = new Thread(() -> {
                ProcessHandle me = ProcessHandle.current();
                System.out.println("child " + index + " pid=" + me.pid() + " ppid=" + me.parent().get().pid());
                exits[index] = index;
            });
            threads.add(t);
            t.start();
        }
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            threads.get(i).join();
            statuses.add(exits[i]);
        }
        System.out.println("parent pid=" + ProcessHandle.current().pid() + " children=" + n + " exit=" + statuses);
    }
}
