// Mistake modelled: translates Python's `if not data: break` as `n == 0`, but Java's read returns
// -1 at the end of stream, so the server never notices a client closing and never serves the next.
package day03;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
                    InputStream in = client.getInputStream();
                    OutputStream out = client.getOutputStream();
                    byte[] buffer = new byte[1024];
                    while (true) {
                        int n = in.read(buffer);
                        if (n == 0) {
                            break;
                        }
                        if (n > 0) {
                            out.write(buffer, 0, n);
                        }
                    }
                } catch (IOException e) {
                    System.out.println("client failed: " + e.getMessage());
                }
            }
        }
    }
}
