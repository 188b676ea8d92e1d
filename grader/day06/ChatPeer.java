package day06;

import static java.nio.charset.StandardCharsets.UTF_8;

import grade.kit.Expect;
import grade.kit.Ports;
import grade.kit.Say;
import grade.kit.Text;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * One UDP socket of the test's on 127.0.0.1 playing a chat member (or a chat server), with
 * failure messages that say who waited for what, after what.
 */
final class ChatPeer implements AutoCloseable {
    /** How long a datagram that must come may take. */
    static final Duration WAIT = Duration.ofSeconds(3);

    private final String label;
    private final DatagramSocket socket;
    private final Supplier<String> context;
    private final BooleanSupplier running;
    private int lastSenderPort = -1;

    /**
     * A peer called {@code label} in messages; {@code context} tells, at failure time, what the
     * program under test did (its output, whether it still runs); {@code running} tells whether
     * it still runs, so that nobody waits long for a datagram from a program that has exited.
     */
    ChatPeer(String label, Supplier<String> context, BooleanSupplier running) {
        this.label = label;
        this.context = context;
        this.running = running;
        try {
            this.socket = new DatagramSocket(new InetSocketAddress(Ports.loopback(), 0));
        } catch (IOException e) {
            throw new IllegalStateException("could not bind UDP on 127.0.0.1: " + e.getMessage(), e);
        }
    }

    /** A UDP port of 127.0.0.1 that was free a moment ago. */
    static int freePort() {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(Ports.loopback(), 0))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free UDP port on 127.0.0.1: " + e.getMessage(), e);
        }
    }

    String label() {
        return label;
    }

    int port() {
        return socket.getLocalPort();
    }

    /** The port the last datagram came from. */
    int lastSenderPort() {
        return lastSenderPort;
    }

    void send(int port, byte[] data) {
        try {
            socket.send(new DatagramPacket(data, data.length, new InetSocketAddress(Ports.loopback(), port)));
        } catch (IOException e) {
            throw Expect.fail(label + Say.pick(" could not send a datagram to 127.0.0.1:" + port + ": ", " 没能向 127.0.0.1:" + port + " 发送数据报：")
                    + e.getMessage());
        }
    }

    void send(int port, String text) {
        send(port, text.getBytes(UTF_8));
    }

    /**
     * The next datagram, or null if none comes within {@code timeout}, or none came in a last
     * short wait after the program under test had exited (it can send nothing more).
     */
    byte[] poll(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            boolean wasRunning = running.getAsBoolean();
            byte[] got = receive(Duration.ofNanos(Math.min(left, SLICE.toNanos())));
            if (got != null || !wasRunning) {
                return got;
            }
        }
    }

    private static final Duration SLICE = Duration.ofMillis(200);

    private byte[] receive(Duration timeout) {
        byte[] buf = new byte[65535];
        DatagramPacket packet = new DatagramPacket(buf, buf.length);
        try {
            socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
            socket.receive(packet);
            lastSenderPort = packet.getPort();
            return Arrays.copyOf(buf, packet.getLength());
        } catch (SocketTimeoutException e) {
            return null;
        } catch (IOException e) {
            throw Expect.fail(label + Say.pick(" could not receive: ", " 没能接收数据报：") + e.getMessage());
        }
    }

    /** The next datagram, which must come within {@link #WAIT}; {@code what} says what it should be and why. */
    byte[] next(String what) {
        byte[] got = poll(WAIT);
        if (got == null) {
            throw Expect.fail(what + Say.pick(": " + label + " received nothing" + (running.getAsBoolean() ? " within " + WAIT.toSeconds()
                    + " s" : "") + ".\n", "：" + label + (running.getAsBoolean() ? " 在 " + WAIT.toSeconds() + " s 内" : " ")
                    + "什么也没收到。\n") + context.get());
        }
        return got;
    }

    /** The next datagram must be exactly {@code expected} (UTF-8). */
    void expect(String expected, String after) {
        byte[] got = next(after + Say.pick(", " + label + " should receive ", "，" + label + " 应该收到 ") + Text.show(expected));
        if (!Arrays.equals(expected.getBytes(UTF_8), got)) {
            Expect.sameBytes(after + Say.pick(", the datagram " + label + " received", "，" + label + " 收到的数据报"), expected.getBytes(UTF_8), got);
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
