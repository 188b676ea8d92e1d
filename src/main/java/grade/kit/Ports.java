package grade.kit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Ports on 127.0.0.1 for learner servers. */
public final class Ports {
    private Ports() {
    }

    /**
     * A TCP port on 127.0.0.1 that was free a moment ago (the system's choice, so two tests
     * running at once do not collide).
     * <pre>{@code int port = Ports.free();}</pre>
     */
    public static int free() {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(false);
            s.bind(new InetSocketAddress(loopback(), 0));
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port on 127.0.0.1: " + e.getMessage(), e);
        }
    }

    /**
     * Whether something accepts TCP connections on 127.0.0.1:port right now.
     * <pre>{@code Expect.that(!Ports.accepting(port), "the server should have stopped");}</pre>
     */
    public static boolean accepting(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(loopback(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** 127.0.0.1: tests talk to nothing else. */
    public static InetAddress loopback() {
        try {
            return InetAddress.getByAddress("127.0.0.1", new byte[] {127, 0, 0, 1});
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
