// Known-wrong: reads all of stdin before talking to the server. Piped input works, but a person
// typing at the keyboard never sees a reply: nothing is sent until stdin ends.
package day04;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

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
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>();
        String line;
        while ((line = stdin.readLine()) != null && !line.isEmpty()) {
            lines.add(line);
        }
        try (socket;
             BufferedReader replies = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
            OutputStream out = socket.getOutputStream();
            for (String l : lines) {
                out.write((l + "\n").getBytes(StandardCharsets.UTF_8));
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
