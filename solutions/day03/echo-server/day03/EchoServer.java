package day03;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** The course's first TCP server: socket, bind, listen, then accept and echo one client at a time. */
public class EchoServer {
    public static void main(String[] args) throws IOException {
        if (args.length != 1 || !args[0].matches("\\d{1,5}")) {
            System.err.println("usage: java day03.EchoServer PORT");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        try (ServerSocket server = new ServerSocket()) { // socket()
            server.bind(new InetSocketAddress("127.0.0.1", port), 5); // bind() and listen(5)
            System.out.println("listening on 127.0.0.1:" + port);
            while (true) {
                try (Socket client = server.accept()) { // blocks until a client connects
                    System.out.println("connected: " + client.getRemoteSocketAddress());
                    long echoed = echo(client);
                    System.out.println("closed: " + client.getRemoteSocketAddress() + ", " + echoed + " bytes echoed");
                } catch (IOException e) {
                    // A client that resets the connection ends only its own session, not the server.
                    System.out.println("client dropped: " + e.getMessage());
                }
            }
        }
    }

    /**
     * Sends back every byte as soon as it arrives, so neither side waits for the other however
     * long the message is. Returns at the end of stream: the client closed (or half-closed) its
     * side, which is Python's recv() returning b"".
     */
    private static long echo(Socket client) throws IOException {
        InputStream in = client.getInputStream();
        OutputStream out = client.getOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) != -1) {
            out.write(buffer, 0, n);
            total += n;
        }
        return total;
    }
}
