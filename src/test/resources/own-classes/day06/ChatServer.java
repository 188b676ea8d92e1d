package day06;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The course's UDP chat room server, split as a learner would: the requests go to ClientHandler. */
public class ChatServer {
    public static void main(String[] args) throws IOException {
        if (args.length != 1 || !args[0].matches("\\d{1,5}")) {
            System.err.println("usage: java day06.ChatServer PORT");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        System.out.println("chat server listening on 127.0.0.1:" + port);
        ClientHandler handler = new ClientHandler(socket);
        Thread admin = new Thread(() -> readAdminLines(handler), "admin");
        admin.setDaemon(true);
        admin.start();
        byte[] buf = new byte[65536];
        while (true) {
            DatagramPacket packet = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(packet);
                handler.handle(decode(Arrays.copyOf(buf, packet.getLength())), packet.getSocketAddress());
            } catch (CharacterCodingException e) {
                // not UTF-8: not a request of ours
            } catch (IOException e) {
                System.err.println("receive failed: " + e.getMessage());
            }
        }
    }

    static void readAdminLines(ClientHandler handler) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                handler.broadcast("\n" + ClientHandler.ADMIN + " : " + line, null);
            }
        } catch (IOException e) {
            // stdin is gone; the server keeps serving
        }
    }

    static String decode(byte[] data) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(data)).toString();
    }
}
