// Mistake modelled: accepts a single client and echoes it properly, but has no loop around
// accept(), so the server exits after its first client.
package day03;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

public class EchoServer {
    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress("127.0.0.1", port));
            System.out.println("listening on " + port);
            try (Socket client = server.accept()) {
                client.getInputStream().transferTo(client.getOutputStream());
            }
        }
    }
}
