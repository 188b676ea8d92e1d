package day06;

import static java.nio.charset.StandardCharsets.UTF_8;

import grade.kit.Ports;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tests' own chat room server, running inside the test on 127.0.0.1, with the course's
 * protocol byte for byte (what the course's Python server sends, with malformed datagrams ignored).
 * It remembers every request, so a test can wait for one.
 */
final class ChatRoom implements AutoCloseable {
    static final String REFUSAL = "您的名字太受欢迎了";

    private final DatagramSocket socket;
    private final Map<String, SocketAddress> members = new LinkedHashMap<>();
    private final List<String> requests = new ArrayList<>();
    private final Thread thread;

    ChatRoom() {
        try {
            socket = new DatagramSocket(new InetSocketAddress(Ports.loopback(), 0));
        } catch (IOException e) {
            throw new IllegalStateException("could not bind UDP on 127.0.0.1: " + e.getMessage(), e);
        }
        thread = new Thread(this::serve, "the tests' chat room");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    private void serve() {
        byte[] buf = new byte[65536];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(packet);
                String text = UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(buf, 0, packet.getLength())).toString();
                handle(text, packet.getSocketAddress());
            } catch (CharacterCodingException e) {
                // not UTF-8: ignored
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private synchronized void handle(String text, SocketAddress from) {
        requests.add(text);
        notifyAll();
        String[] parts = text.split(" ", 3);
        switch (parts[0]) {
            case "L" -> {
                if (parts.length < 2) {
                    return;
                }
                String name = parts[1];
                if (name.isBlank() || members.containsKey(name) || name.contains("管理员")) {
                    send(REFUSAL, from);
                    return;
                }
                send("OK", from);
                broadcast("\n欢迎 '" + name + "' 进入聊天室", null);
                members.put(name, from);
            }
            case "C" -> {
                if (parts.length == 3 && members.containsKey(parts[1])) {
                    broadcast("\n" + parts[1] + " : " + parts[2], parts[1]);
                }
            }
            case "E" -> {
                if (parts.length >= 2 && members.containsKey(parts[1])) {
                    SocketAddress leaving = members.remove(parts[1]);
                    broadcast("\n" + parts[1] + " 退出聊天室", null);
                    send("EXIT", leaving);
                }
            }
            default -> {
                // ignored
            }
        }
    }

    /** A line of the administrator's, to every member. */
    synchronized void admin(String line) {
        broadcast("\n管理员 : " + line, null);
    }

    private void broadcast(String message, String except) {
        members.forEach((name, address) -> {
            if (!name.equals(except)) {
                send(message, address);
            }
        });
    }

    private void send(String message, SocketAddress to) {
        byte[] data = message.getBytes(UTF_8);
        try {
            socket.send(new DatagramPacket(data, data.length, to));
        } catch (IOException e) {
            // a member that is gone: the others still get theirs
        }
    }

    /** Waits until the room has received {@code request}; false at the deadline. */
    synchronized boolean awaitRequest(String request, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!requests.contains(request)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    /** Every datagram received so far, decoded. */
    synchronized List<String> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        socket.close();
    }
}
