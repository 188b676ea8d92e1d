// Known-wrong: the seed's client translated word for word: one read() per reply, as if each
// read returned exactly one reply. A reply in pieces, or two replies in one write, break it.
package day04;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

public class LineClient {
    public static void main(String[] args) throws IOException {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        Socket socket;
        try {
            socket = new Socket(host, port);
        } catch (IOException e) {
            System.err.println("cannot connect to " + host + ":" + port);
            System.exit(1);
            return;
        }
        try (socket; BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buf = new byte[1024];
            String line;
            while ((line = stdin.readLine()) != null && !line.isEmpty()) {
                out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                int n = in.read(buf);
                if (n < 0) {
                    break;
                }
                System.out.println("Server: " + new String(buf, 0, n, StandardCharsets.UTF_8).trim());
            }
        }
    }
}
