package grade.kit;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/**
 * A UDP socket of the test's own on 127.0.0.1, to talk to a learner's UDP server or to play the
 * server for a learner's client.
 *
 * <pre>{@code
 * try (UdpPeer client = UdpPeer.open()) {
 *     client.send(port, "hello");
 *     Expect.equal("meaning of hello", "你好", client.receiveText(Duration.ofSeconds(2)));
 * }
 * }</pre>
 */
public final class UdpPeer implements AutoCloseable {
    private final DatagramSocket socket;
    private int lastSenderPort = -1;

    private UdpPeer(DatagramSocket socket) {
        this.socket = socket;
    }

    /** Binds a free port of 127.0.0.1. <pre>{@code UdpPeer p = UdpPeer.open();}</pre> */
    public static UdpPeer open() {
        try {
            return new UdpPeer(new DatagramSocket(new InetSocketAddress(Ports.loopback(), 0)));
        } catch (IOException e) {
            throw new IllegalStateException("could not bind UDP on 127.0.0.1: " + e.getMessage(), e);
        }
    }

    /** This socket's port. */
    public int port() {
        return socket.getLocalPort();
    }

    /** Sends one datagram to 127.0.0.1:port. <pre>{@code p.send(port, new byte[] {(byte) 0xff});}</pre> */
    public void send(int port, byte[] data) {
        try {
            socket.send(new DatagramPacket(data, data.length, new InetSocketAddress(Ports.loopback(), port)));
        } catch (IOException e) {
            throw Expect.fail(Say.pick("could not send a datagram to 127.0.0.1:" + port + ": ",
                    "没能向 127.0.0.1:" + port + " 发送数据报：") + e.getMessage());
        }
    }

    /** Sends UTF-8 text as one datagram. <pre>{@code p.send(port, "L Tom");}</pre> */
    public void send(int port, String text) {
        send(port, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Waits for one datagram and returns its bytes.
     * <pre>{@code byte[] reply = p.receive(Duration.ofSeconds(2));}</pre>
     */
    public byte[] receive(Duration wanted) {
        Duration timeout = Deadlines.cap(wanted);
        byte[] buf = new byte[65535];
        DatagramPacket packet = new DatagramPacket(buf, buf.length);
        try {
            socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
            socket.receive(packet);
            lastSenderPort = packet.getPort();
            return Arrays.copyOf(buf, packet.getLength());
        } catch (SocketTimeoutException e) {
            throw Deadlines.ranOut(Say.pick("no datagram arrived within " + Text.human(timeout),
                    "等了 " + Text.human(timeout) + "，一个数据报也没有收到"));
        } catch (IOException e) {
            throw Expect.fail(Say.pick("receiving a datagram failed: ", "接收数据报时出错：") + e.getMessage());
        }
    }

    /** Waits for one datagram and decodes it as UTF-8. */
    public String receiveText(Duration timeout) {
        return new String(receive(timeout), StandardCharsets.UTF_8);
    }

    /** Whether no datagram arrives within {@code wait}. */
    public boolean silentFor(Duration wait) {
        try {
            socket.setSoTimeout((int) Math.max(1, wait.toMillis()));
            socket.receive(new DatagramPacket(new byte[65535], 65535));
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /** The port the last datagram came from, to answer a learner's client. */
    public int lastSenderPort() {
        return lastSenderPort;
    }

    @Override
    public void close() {
        socket.close();
    }
}
