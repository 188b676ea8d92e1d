// Mistake modelled: reads the client's whole message (up to the end of stream) before echoing.
// The client waits for its echo before closing, so both wait for ever; a big message never returns.
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
            while (true) {
                try (Socket client = server.accept()) {
                    byte[] message = client.getInputStream().readAllBytes();
                    client.getOutputStream().write(message);
                } catch (IOException e) {
                    System.out.println("client failed: " + e.getMessage());
                }
            }
        }
    }
}
