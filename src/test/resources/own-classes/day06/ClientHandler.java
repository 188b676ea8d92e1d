package day06;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The chat room's members and what each request does to them. */
class ClientHandler {
    static final String ADMIN = "管理员";
    static final String REFUSAL = "您的名字太受欢迎了";

    private final DatagramSocket socket;
    private final Map<String, SocketAddress> members = new LinkedHashMap<>();

    ClientHandler(DatagramSocket socket) {
        this.socket = socket;
    }

    synchronized void handle(String text, SocketAddress from) {
        String[] parts = text.split(" ", 3);
        switch (parts[0]) {
            case "L" -> {
                if (parts.length >= 2) {
                    login(parts[1], from);
                }
            }
            case "C" -> {
                if (parts.length == 3 && members.containsKey(parts[1])) {
                    broadcast("\n" + parts[1] + " : " + parts[2], parts[1]);
                }
            }
            case "E" -> {
                if (parts.length >= 2) {
                    SocketAddress leaving = members.remove(parts[1]);
                    if (leaving != null) {
                        broadcast("\n" + parts[1] + " 退出聊天室", null);
                        send("EXIT", leaving);
                    }
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
        broadcast("\n欢迎 '" + name + "' 进入聊天室", null);
        members.put(name, from);
    }

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
            System.err.println("could not send to " + to + ": " + e.getMessage());
        }
    }
}
