// Known mistake: the name is everything after "L ", so `L Tom Lee` logs in "Tom Lee" instead of
// "Tom" (the course splits with split(' ', 2) and keeps only the first word).
package day06;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The course's UDP chat room server. One thread receives and answers requests; a second one
 * reads the administrator's lines from stdin (the course forks a process for that). Both touch
 * the members, so every method that does is synchronized.
 */
public class ChatServer {
    static final String ADMIN = "管理员";
    static final String REFUSAL = "您的名字太受欢迎了";

    private final DatagramSocket socket;
    /** name → address, in the order they came in, like the course's dict. */
    private final Map<String, SocketAddress> members = new LinkedHashMap<>();

    ChatServer(DatagramSocket socket) {
        this.socket = socket;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1 || !args[0].matches("\\d{1,5}")) {
            System.err.println("usage: java day06.ChatServer PORT");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        System.out.println("chat server listening on 127.0.0.1:" + port);
        ChatServer server = new ChatServer(socket);

        Thread admin = new Thread(server::readAdminLines, "admin");
        admin.setDaemon(true); // when stdin ends, this thread ends; the server goes on
        admin.start();
        server.serve();
    }

    /** Each line typed on stdin goes to every member. */
    void readAdminLines() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                broadcast("\n" + ADMIN + " : " + line, null);
            }
        } catch (IOException e) {
            // stdin is gone: there are no more admin lines, and the server keeps serving
        }
    }

    void serve() {
        byte[] buf = new byte[65536];
        while (true) {
            DatagramPacket packet = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(packet);
                String text = decode(Arrays.copyOf(buf, packet.getLength()));
                handle(text, packet.getSocketAddress());
            } catch (CharacterCodingException e) {
                // not UTF-8: not a request of ours, ignore it
            } catch (IOException e) {
                System.err.println("receive failed: " + e.getMessage());
            }
        }
    }

    /** Requests are split like the course's data.decode().split(' ', 2): TYPE, NAME, the rest. */
    synchronized void handle(String text, SocketAddress from) {
        String[] parts = text.split(" ", 3);
        switch (parts[0]) {
            case "L" -> {
                if (parts.length >= 2) {
                    login(text.substring(2), from);
                }
            }
            case "C" -> {
                if (parts.length == 3) {
                    chat(parts[1], parts[2]);
                }
            }
            case "E" -> {
                if (parts.length >= 2) {
                    exit(parts[1]);
                }
            }
            default -> {
                // an unknown type: ignore it
            }
        }
    }

    private void login(String name, SocketAddress from) {
        if (name.isBlank() || members.containsKey(name) || name.contains(ADMIN)) {
            send(REFUSAL, from);
            return;
        }
        send("OK", from);
        broadcast("\n欢迎 '" + name + "' 进入聊天室", null); // before adding: the newcomer only gets OK
        members.put(name, from);
    }

    private void chat(String name, String text) {
        if (members.containsKey(name)) {
            broadcast("\n" + name + " : " + text, name);
        }
    }

    private void exit(String name) {
        SocketAddress leaving = members.remove(name);
        if (leaving == null) {
            return; // not logged in (or already gone): nothing to do
        }
        broadcast("\n" + name + " 退出聊天室", null);
        send("EXIT", leaving);
    }

    /** Sends to every member except {@code except} (null: to all). */
    synchronized void broadcast(String message, String except) {
        members.forEach((name, address) -> {
            if (!name.equals(except)) {
                send(message, address);
            }
        });
    }

    private void send(String message, SocketAddress to) {
        byte[] data = message.getBytes(StandardCharsets.UTF_8);
        try {
            socket.send(new DatagramPacket(data, data.length, to));
        } catch (IOException e) {
            System.err.println("could not send to " + to + ": " + e.getMessage()); // one bad address must not stop the room
        }
    }

    /** Strict UTF-8: malformed bytes throw instead of becoming U+FFFD. */
    static String decode(byte[] data) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(data))
                .toString();
    }
}
