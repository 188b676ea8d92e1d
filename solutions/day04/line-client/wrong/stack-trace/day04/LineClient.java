// Known-wrong: lets the ConnectException escape from main. The JVM prints a stack trace and
// exits 1, but never the message the contract asks for: "cannot connect to HOST:PORT".
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
        try (Socket socket = new Socket(host, port);
             BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
             BufferedReader replies = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
            OutputStream out = socket.getOutputStream();
            String line;
            while ((line = stdin.readLine()) != null && !line.isEmpty()) {
                out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
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
