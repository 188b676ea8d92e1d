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
            throw Expect.fail("the test could not listen on 127.0.0.1:" + port + ": the port is already in use."
                    + " Your program must connect to this port, not bind it itself");
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
    public TcpPeer accept(Duration timeout) {
        try {
            server.setSoTimeout((int) timeout.toMillis());
            Socket s = server.accept();
            s.setTcpNoDelay(true);
            return new TcpPeer(s, "your client");
        } catch (SocketTimeoutException e) {
            throw Expect.fail("your client did not connect to 127.0.0.1:" + port() + " within " + LearnerProgram.human(timeout));
        } catch (IOException e) {
            throw Expect.fail("accepting your client's connection failed: " + e.getMessage());
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
