package day07;

/**
 * Keeps N children running, restarts those that die (at most 5 times each), and stops them
 * all on SIGTERM. Read the statement first: ./grade show day07 supervisor
 *
 * <pre>
 * java day07.Supervisor N           the supervisor
 * java day07.Supervisor --child I   child I: prints "child I pid=P", then waits until it is killed
 * </pre>
 */
public class Supervisor {

    public static void main(String[] args) throws Exception {
        // TODO: --child I: print "child I pid=P" and wait until killed
        // TODO: otherwise start N children (java -cp <this class path> day07.Supervisor --child I)
        // TODO: when child I dies: print "restart I OLDPID -> NEWPID" and start a new one, at most 5 times per child
        // TODO: on SIGTERM (a shutdown hook): terminate every child, wait for them, exit within 3 seconds
        System.err.println("TODO: Supervisor is not written yet");
        System.exit(1);
    }
}
