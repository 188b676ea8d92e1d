package day04;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The course's TCP client, made reliable: each stdin line goes to the server with a newline,
 * and exactly one reply line comes back. The newline is the message boundary: TCP may split a
 * reply into pieces or glue two replies together, so the client reads up to a newline, never
 * "whatever one read() returns".
 */
public class LineClient {
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: java day04.LineClient HOST PORT");
            System.exit(2);
        }
        String host = args[0];
        int port;
        try {
            port = Integer.parseInt(args[1]);
        } catch (NumberFormatException e) {
            System.err.println("LineClient: bad port: " + args[1]);
            System.exit(2);
            return;
        }

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
            // an empty line or the end of input ends the conversation, like the seed's `if not data: break`
            while ((line = stdin.readLine()) != null && !line.isEmpty()) {
                out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                // the BufferedReader keeps whatever arrived after the newline for the next reply
                String reply = replies.readLine();
                if (reply == null) {
                    System.err.println("the server closed the connection");
                    System.exit(1);
                }
                System.out.println("Server: " + reply);
            }
        }
    }
}
