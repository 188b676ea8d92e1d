// Mistake modelled: one recv(1024) and one send per client, then the connection is closed:
// a second message, or a message longer than 1024 bytes, gets no echo.
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
                    byte[] buffer = new byte[1024];
                    int n = client.getInputStream().read(buffer);
                    if (n > 0) {
                        client.getOutputStream().write(buffer, 0, n);
                    }
                } catch (IOException e) {
                    System.out.println("client failed: " + e.getMessage());
                }
            }
        }
    }
}
