package day04;

import grade.kit.TcpListener;
import grade.kit.TcpPeer;
import java.time.Duration;

/** Two ends of one TCP connection on 127.0.0.1, both the test's own, to hand a real socket stream to learner methods. */
record SocketPair(TcpListener listener, TcpPeer sending, TcpPeer receiving) implements AutoCloseable {

    static SocketPair open() {
        TcpListener listener = TcpListener.open();
        TcpPeer sending = null;
        try {
            sending = TcpPeer.connect(listener.port());
            TcpPeer receiving = listener.accept(Duration.ofSeconds(5));
            return new SocketPair(listener, sending, receiving);
        } catch (RuntimeException | Error e) {
            if (sending != null) {
                sending.close();
            }
            listener.close();
            throw e;
        }
    }

    @Override
    public void close() {
        sending.close();
        receiving.close();
        listener.close();
    }
}
