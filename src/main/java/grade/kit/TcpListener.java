package grade.kit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * A server played by the test on 127.0.0.1, for learner clients to connect to.
 *
 * <pre>{@code
 * try (TcpListener server = TcpListener.open()) {
 *     LearnerProgram client = LearnerProgram.of("day04.LineClient").args("127.0.0.1", "" + server.port()).start();
 *     try (TcpPeer conn = server.accept(Duration.ofSeconds(5))) {
 *         Expect.equal("first line", "hello", conn.readLine(Duration.ofSeconds(2)));
 *     }
 * }
 * }</pre>
 */
public final class TcpListener implements AutoCloseable {
    private final ServerSocket server;

    private TcpListener(ServerSocket server) {
        this.server = server;
    }

    /** Listens on a free port of 127.0.0.1. <pre>{@code TcpListener l = TcpListener.open();}</pre> */
    public static TcpListener open() {
        try {
            ServerSocket s = new ServerSocket();
            s.bind(new InetSocketAddress(Ports.loopback(), 0));
            return new TcpListener(s);
        } catch (IOException e) {
            throw new IllegalStateException("could not listen on 127.0.0.1: " + e.getMessage(), e);
        }
    }

    /**
     * Listens on a given port of 127.0.0.1, for a learner client told the port in advance; a port
     * that is already taken (perhaps by the learner's own program) fails the test saying so.
     * <pre>{@code TcpListener l = TcpListener.open(port);}</pre>
     */
    public static TcpListener open(int port) {
        ServerSocket s = null;
        try {
            s = new ServerSocket();
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(Ports.loopback(), port));
            return new TcpListener(s);
        } catch (java.net.BindException e) {
            closeQuietly(s);
            throw Expect.fail(Say.pick("the test could not listen on 127.0.0.1:" + port + ": the port is already in use."
                    + " Your program must connect to this port, not bind it itself",
                    "测试没法在 127.0.0.1:" + port + " 上监听：这个端口已经被占用了。你的程序应该连接这个端口，而不是自己绑定它"));
        } catch (IOException e) {
            closeQuietly(s);
            throw new IllegalStateException("could not listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(ServerSocket s) {
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                // closed either way
            }
        }
    }

    /** The port the learner's client should connect to. */
    public int port() {
        return server.getLocalPort();
    }

    /**
     * Waits for the learner's client to connect.
     * <pre>{@code TcpPeer conn = listener.accept(Duration.ofSeconds(5));}</pre>
     */
    public TcpPeer accept(Duration wanted) {
        Duration timeout = Deadlines.cap(wanted);
        try {
            server.setSoTimeout((int) timeout.toMillis());
            Socket s = server.accept();
            s.setTcpNoDelay(true);
            return new TcpPeer(s, "your client");
        } catch (SocketTimeoutException e) {
            throw notConnected(timeout);
        } catch (IOException e) {
            throw acceptFailed(e);
        }
    }

    private AssertionError notConnected(Duration timeout) {
        return Deadlines.ranOut(Say.pick("your client did not connect to 127.0.0.1:" + port() + " within " + Text.human(timeout),
                "你的客户端在 " + Text.human(timeout) + "内没有连接到 127.0.0.1:" + port()));
    }

    private static AssertionError acceptFailed(IOException e) {
        return Expect.fail(Say.pick("accepting your client's connection failed: ", "接受你的客户端的连接时出错：") + e.getMessage());
    }

    /**
     * Waits for the learner's client to connect, and gives up as soon as {@code client} has
     * exited without connecting (no point in waiting out the timeout for a program that is gone).
     * <pre>{@code TcpPeer conn = listener.accept(Duration.ofSeconds(10), client);}</pre>
     */
    public TcpPeer accept(Duration wanted, LearnerProgram client) {
        Duration timeout = Deadlines.cap(wanted);
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    throw notConnected(timeout);
                }
                boolean exited = !client.isAlive();
                server.setSoTimeout((int) Math.max(1, Math.min(left, 100)));
                try {
                    Socket s = server.accept();
                    s.setTcpNoDelay(true);
                    return new TcpPeer(s, "your client");
                } catch (SocketTimeoutException e) {
                    if (exited) { // it had ended before this last look, and nothing was waiting
                        throw Expect.fail(Say.pick("your client ended (exit status " + client.exitStatus()
                                + ") without connecting to 127.0.0.1:" + port(),
                                "你的客户端还没连接到 127.0.0.1:" + port() + " 就结束了（退出状态 " + client.exitStatus() + "）"));
                    }
                }
            }
        } catch (IOException e) {
            throw acceptFailed(e);
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closed either way
        }
    }
}
