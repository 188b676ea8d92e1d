package grade.kit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The test's end of a TCP connection on 127.0.0.1, every read with a deadline and a message that
 * says what was awaited and what arrived.
 *
 * <pre>{@code
 * try (TcpPeer client = TcpPeer.connect(port)) {
 *     client.send("hello");
 *     Expect.sameBytes("echo", "hello".getBytes(UTF_8), client.readExactly(5, Duration.ofSeconds(2)));
 * }
 * }</pre>
 */
public final class TcpPeer implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final String who;
    private final String whoZh;

    /** {@code who}: "your client" or "your server", the learner's end as messages name it. */
    TcpPeer(Socket socket, String who) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.who = who;
        this.whoZh = switch (who) {
            case "your client" -> "你的客户端";
            case "your server" -> "你的服务器";
            default -> who;
        };
    }

    /**
     * Connects to a learner server on 127.0.0.1:port within 2 s.
     * <pre>{@code TcpPeer c = TcpPeer.connect(port);}</pre>
     */
    public static TcpPeer connect(int port) {
        Socket s = new Socket();
        try {
            s.connect(new InetSocketAddress(Ports.loopback(), port), 2000);
            s.setTcpNoDelay(true);
            return new TcpPeer(s, "your server");
        } catch (IOException e) {
            try {
                s.close();
            } catch (IOException ignored) {
                // nothing to close
            }
            throw Expect.fail(Say.pick("could not connect to your server on 127.0.0.1:" + port + ": ",
                    "没能连接到你在 127.0.0.1:" + port + " 上的服务器：") + e.getMessage());
        }
    }

    /** Sends bytes and flushes. <pre>{@code c.send(new byte[] {0, 0, 0, 5});}</pre> */
    public TcpPeer send(byte[] data) {
        try {
            socket.getOutputStream().write(data);
            socket.getOutputStream().flush();
            return this;
        } catch (IOException e) {
            throw Expect.fail(Say.pick("could not send to " + who + ": " + e.getMessage() + " (did it close the connection?)",
                    "没能发送给" + whoZh + "：" + e.getMessage() + "（它是不是已经关闭了连接？）"));
        }
    }

    /** Sends UTF-8 text. <pre>{@code c.send("你好\n");}</pre> */
    public TcpPeer send(String text) {
        return send(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Sends on another thread while this one reads, so a peer that echoes as it reads never
     * blocks on a full buffer. Join the result to see a send error.
     * <pre>{@code CompletableFuture<Void> sent = c.sendInBackground(big); byte[] back = c.readExactly(big.length, d);}</pre>
     */
    public CompletableFuture<Void> sendInBackground(byte[] data) {
        return CompletableFuture.runAsync(() -> {
            try {
                socket.getOutputStream().write(data);
                socket.getOutputStream().flush();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** Sends bytes one chunk at a time with a pause between, to split a message at awkward places. */
    public TcpPeer sendInPieces(byte[] data, int pieceSize, Duration pause) {
        for (int i = 0; i < data.length; i += pieceSize) {
            send(java.util.Arrays.copyOfRange(data, i, Math.min(data.length, i + pieceSize)));
            sleep(pause);
        }
        return this;
    }

    /**
     * Reads exactly n bytes, failing if they do not arrive in time or the peer closes first.
     * <pre>{@code byte[] header = c.readExactly(4, Duration.ofSeconds(2));}</pre>
     */
    public byte[] readExactly(int n, Duration wanted) {
        Duration timeout = Deadlines.cap(wanted);
        ByteArrayOutputStream got = new ByteArrayOutputStream(Math.min(n, 1 << 20));
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] buf = new byte[8192];
        try {
            while (got.size() < n) {
                int r = readSome(buf, Math.min(buf.length, n - got.size()), deadline);
                if (r == -2) {
                    throw Deadlines.ranOut(Say.pick("waited " + Text.human(timeout) + " for " + n + " bytes from " + who
                            + " but only " + got.size() + " arrived: ",
                            "等了 " + Text.human(timeout) + "，应当从" + whoZh + "收到 " + n + " 个字节，但只收到了 "
                            + got.size() + " 个：") + Text.show(got.toByteArray()));
                }
                if (r < 0) {
                    throw Expect.fail(Say.pick(who + " closed the connection after " + got.size() + " of the " + n
                            + " bytes expected: ", whoZh + "只发来了应有的 " + n + " 个字节中的 " + got.size()
                            + " 个，就关闭了连接：") + Text.show(got.toByteArray()));
                }
                got.write(buf, 0, r);
            }
        } catch (IOException e) {
            throw Expect.fail(Say.pick("reading from " + who + " failed after " + got.size() + " of " + n + " bytes: ",
                    "从" + whoZh + "读取时出错（" + n + " 个字节里已经收到 " + got.size() + " 个）：") + e.getMessage());
        }
        return got.toByteArray();
    }

    /**
     * Reads one line ending in {@code \n} and returns it without the terminator (and without a
     * {@code \r} before it).
     * <pre>{@code String reply = c.readLine(Duration.ofSeconds(2));}</pre>
     */
    public String readLine(Duration wanted) {
        Duration timeout = Deadlines.cap(wanted);
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] one = new byte[1];
        try {
            while (true) {
                int r = readSome(one, 1, deadline);
                if (r == -2) {
                    throw Deadlines.ranOut(Say.pick("waited " + Text.human(timeout) + " for a line from " + who
                            + "; got " + (got.size() == 0 ? "nothing" : Text.show(got.toByteArray()) + " without a newline"),
                            "等了 " + Text.human(timeout) + "，" + whoZh + "还是没有发来完整的一行；"
                            + (got.size() == 0 ? "什么也没有收到" : "只收到了 " + Text.show(got.toByteArray()) + "，后面没有换行符")));
                }
                if (r < 0) {
                    throw Expect.fail(Say.pick(who + " closed the connection before sending a whole line; got "
                            + (got.size() == 0 ? "nothing" : Text.show(got.toByteArray())),
                            whoZh + "还没发完一整行就关闭了连接；"
                            + (got.size() == 0 ? "什么也没有收到" : "收到的是 " + Text.show(got.toByteArray()))));
                }
                if (one[0] == '\n') {
                    String line = got.toString(StandardCharsets.UTF_8);
                    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
                }
                got.write(one[0]);
            }
        } catch (IOException e) {
            throw Expect.fail(Say.pick("reading a line from " + who + " failed: ", "从" + whoZh + "读取一行时出错：")
                    + e.getMessage());
        }
    }

    /**
     * Reads until the peer closes the connection.
     * <pre>{@code byte[] rest = c.readToEnd(Duration.ofSeconds(2));}</pre>
     */
    public byte[] readToEnd(Duration wanted) {
        Duration timeout = Deadlines.cap(wanted);
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] buf = new byte[8192];
        try {
            while (true) {
                int r = readSome(buf, buf.length, deadline);
                if (r == -2) {
                    throw Deadlines.ranOut(Say.pick("waited " + Text.human(timeout) + " for " + who
                            + " to close the connection; it is still open after sending ",
                            "等了 " + Text.human(timeout) + "，" + whoZh + "还是没有关闭连接；它发来了 ")
                            + Text.show(got.toByteArray()) + Say.pick("", "，连接却一直开着"));
                }
                if (r < 0) {
                    return got.toByteArray();
                }
                got.write(buf, 0, r);
            }
        } catch (IOException e) {
            if (isReset(e)) {
                return got.toByteArray();
            }
            throw Expect.fail(Say.pick("reading from " + who + " failed: ", "从" + whoZh + "读取时出错：") + e.getMessage());
        }
    }

    /**
     * Whether nothing arrives within {@code wait} (the peer may stay open or close).
     * <pre>{@code Expect.that(c.silentFor(Duration.ofMillis(200)), "the server should wait for the whole frame");}</pre>
     */
    public boolean silentFor(Duration wait) {
        byte[] one = new byte[1];
        try {
            int r = readSome(one, 1, System.nanoTime() + wait.toNanos());
            return r == -2 || r == -1;
        } catch (IOException e) {
            return true;
        }
    }

    /** Half-closes: the peer reads end of stream but can still send. */
    public void shutdownOutput() {
        try {
            socket.shutdownOutput();
        } catch (IOException e) {
            throw Expect.fail(Say.pick("could not half-close the connection: ", "没能半关闭连接：") + e.getMessage());
        }
    }

    /** Closes abruptly with a TCP reset (RST) instead of the usual goodbye. */
    public void reset() {
        try {
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (IOException e) {
            // closed either way
        }
    }

    /** The socket, for anything the kit does not cover. */
    public Socket socket() {
        return socket;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closed either way
        }
    }

    /** Returns bytes read, -1 at end of stream, -2 at the deadline. */
    private int readSome(byte[] buf, int len, long deadline) throws IOException {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
            return -2;
        }
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
        try {
            return in.read(buf, 0, len);
        } catch (SocketTimeoutException e) {
            return -2;
        }
    }

    private static boolean isReset(IOException e) {
        return String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("reset");
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
