// Known-wrong: decodes queries leniently (like new String(bytes, UTF_8)): bytes that are not UTF-8
// become U+FFFD and are looked up, so the client gets "NOT FOUND: \uFFFD" instead of BAD QUERY.
package day04;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A dictionary over UDP: each datagram is one word, each reply one datagram. UDP keeps message
 * boundaries (one sendto, one recvfrom), so no framing is needed; but a datagram may be lost or
 * arrive out of order, so every reply must make sense on its own.
 */
public class UdpDict {
    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: java day04.UdpDict PORT DICT");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        Map<String, String> dict;
        try {
            dict = load(Path.of(args[1]));
        } catch (IOException e) {
            System.err.println("UdpDict: cannot read " + args[1] + ": " + e);
            System.exit(1);
            return;
        }
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))) {
            System.out.println("UdpDict listening on port " + port + " with " + dict.size() + " words");
            byte[] buf = new byte[65535]; // the largest datagram: nothing is ever cut
            while (true) {
                DatagramPacket query = new DatagramPacket(buf, buf.length);
                try {
                    socket.receive(query);
                    // only getLength() bytes belong to this datagram; the rest of buf is old data
                    byte[] reply = answer(dict, ByteBuffer.wrap(buf, 0, query.getLength())).getBytes(StandardCharsets.UTF_8);
                    socket.send(new DatagramPacket(reply, reply.length, query.getSocketAddress()));
                } catch (IOException e) {
                    System.err.println("UdpDict: " + e.getMessage()); // one bad exchange must not stop the server
                }
            }
        } catch (IOException e) {
            System.err.println("UdpDict: cannot bind port " + port + ": " + e.getMessage());
            System.exit(1);
        }
    }

    /** Reads {@code word<TAB>meaning} lines; the last line of a repeated word wins. */
    static Map<String, String> load(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (!lines.isEmpty() && lines.get(0).startsWith("\uFEFF")) {
            lines.set(0, lines.get(0).substring(1)); // a byte-order mark is not part of the first word
        }
        Map<String, String> dict = new HashMap<>();
        for (String line : lines) {
            int tab = line.indexOf('\t');
            if (tab >= 0) {
                dict.put(line.substring(0, tab).strip(), line.substring(tab + 1));
            }
        }
        return dict;
    }

    /** The reply to one datagram. */
    static String answer(Map<String, String> dict, ByteBuffer query) {
        String word = StandardCharsets.UTF_8.decode(query).toString().strip();
        if (word.isEmpty()) {
            return "EMPTY QUERY";
        }
        return dict.getOrDefault(word, "NOT FOUND: " + word);
    }
}
