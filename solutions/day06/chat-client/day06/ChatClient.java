package day06;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The course's UDP chat room client. The course forks: the child sends what is typed, the parent
 * prints what arrives. Here the same two jobs run on two threads sharing one socket.
 */
public class ChatClient {
    static final int LOGIN_TIMEOUT_MS = 2000;
    static final int EXIT_TIMEOUT_MS = 2000;

    private final DatagramSocket socket;
    private final InetSocketAddress server;
    private final String where;
    private final CountDownLatch exitReceived = new CountDownLatch(1);

    ChatClient(DatagramSocket socket, String host, int port) {
        this.socket = socket;
        this.server = new InetSocketAddress(host, port);
        this.where = host + ":" + port;
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 2 || !args[1].matches("\\d{1,5}")) {
            System.err.println("usage: java day06.ChatClient HOST PORT");
            System.exit(2);
        }
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try (DatagramSocket socket = new DatagramSocket()) {
            ChatClient client = new ChatClient(socket, args[0], Integer.parseInt(args[1]));
            String name = client.login(stdin);
            if (name == null) {
                return; // input ended before a name was accepted: leave without a word to the server
            }
            client.chat(name, stdin);
        }
    }

    /** Asks for a name until the server answers OK; null at end of input. */
    String login(BufferedReader stdin) throws IOException {
        socket.setSoTimeout(LOGIN_TIMEOUT_MS);
        while (true) {
            prompt("请输入姓名:");
            String name = stdin.readLine();
            if (name == null) {
                return null;
            }
            if (name.isBlank() || name.contains(" ")) {
                System.out.println("a name must not be blank or contain a space");
                continue;
            }
            send("L " + name);
            String reply;
            try {
                reply = receive();
            } catch (SocketTimeoutException | java.net.PortUnreachableException e) {
                System.err.println("no answer from " + where);
                System.exit(1);
                return null;
            }
            if (reply.equals("OK")) {
                System.out.println("您已进入聊天室");
                return name;
            }
            System.out.println(reply); // a refusal: ask again
        }
    }

    /** Sends what is typed while another thread prints what arrives. */
    void chat(String name, BufferedReader stdin) throws IOException, InterruptedException {
        socket.setSoTimeout(0);
        Thread receiver = new Thread(this::printIncoming, "receiver");
        receiver.setDaemon(true); // must not keep the JVM alive once we are done
        receiver.start();

        String line;
        while ((line = stdin.readLine()) != null && !line.equals("##")) {
            send("C " + name + " " + line);
        }
        send("E " + name);
        exitReceived.await(EXIT_TIMEOUT_MS, TimeUnit.MILLISECONDS); // the server answers EXIT; don't wait for ever
    }

    /** The course's recv_msg: print every datagram until EXIT comes. */
    private void printIncoming() {
        try {
            while (true) {
                String text = receive();
                if (text.equals("EXIT")) {
                    exitReceived.countDown();
                    return;
                }
                System.out.println(text);
            }
        } catch (SocketException e) {
            // the socket was closed on the way out
        } catch (IOException e) {
            System.err.println("receive failed: " + e.getMessage());
        }
    }

    private void send(String message) throws IOException {
        byte[] data = message.getBytes(StandardCharsets.UTF_8);
        socket.send(new DatagramPacket(data, data.length, server));
    }

    private String receive() throws IOException {
        byte[] buf = new byte[65536];
        DatagramPacket packet = new DatagramPacket(buf, buf.length);
        socket.receive(packet);
        return new String(Arrays.copyOf(buf, packet.getLength()), StandardCharsets.UTF_8);
    }

    private static void prompt(String text) {
        System.out.print(text);
        System.out.flush();
    }
}
