// Known-wrong: sends each line without its "\n", as the seed's client sends input() without one.
// The server reads lines, so it never sees where the client's message ends.
package day04;

import java.io.BufferedReader;
import java.io.IOException;
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
        try (socket;
             BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
             BufferedReader replies = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
            OutputStream out = socket.getOutputStream();
            String line;
            while ((line = stdin.readLine()) != null && !line.isEmpty()) {
                out.write(line.getBytes(StandardCharsets.UTF_8));
                out.flush();
                String reply = replies.readLine();
                if (reply == null) {
                    break;
                }
                System.out.println("Server: " + reply);
            }
        }
    }
}
