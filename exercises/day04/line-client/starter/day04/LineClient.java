package day04;

/**
 * A TCP client: java day04.LineClient HOST PORT
 * For each line on stdin: send it with "\n", read exactly one reply line, print "Server: REPLY".
 * An empty line or the end of input closes the connection (exit 0).
 * Nothing listening: "cannot connect to HOST:PORT" on stderr, exit 1.
 * Read the statement first: ./grade show day04 line-client
 */
public class LineClient {
    public static void main(String[] args) throws Exception {
        // TODO: connect to args[0]:args[1] with a Socket (catch the IOException: "cannot connect to HOST:PORT", exit 1)
        // TODO: for each line of stdin until an empty line or the end: send it with "\n",
        //       read one reply line (however it is split on the way), print "Server: " + reply
        System.err.println("TODO: LineClient is not written yet");
        System.exit(1);
    }
}
