// Known-wrong: collects a reply up to its newline (so sticky replies are handled) but decodes
// every chunk read on its own; a chunk that ends inside a Chinese character turns it into U+FFFD.
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
            StringBuilder pending = new StringBuilder();
            String line;
            while ((line = stdin.readLine()) != null && !line.isEmpty()) {
                out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                while (pending.indexOf("\n") < 0) {
                    int n = in.read(buf);
                    if (n < 0) {
                        return;
                    }
                    pending.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                }
                int nl = pending.indexOf("\n");
                System.out.println("Server: " + pending.substring(0, nl));
                pending.delete(0, nl + 1);
            }
        }
    }
}
