package day03;

/**
 * An echo server: every byte a client sends comes back to it; clients are served one after another.
 * Usage: java day03.EchoServer PORT
 * Read the statement first: ./grade show day03 echo-server
 */
public class EchoServer {
    public static void main(String[] args) throws Exception {
        // TODO: make a ServerSocket, bind it to 127.0.0.1:PORT, print a line containing "listening",
        //       then for ever: accept a client, send back what it sends until it closes, close it.
        System.err.println("TODO: EchoServer is not written yet");
        System.exit(1);
    }
}
