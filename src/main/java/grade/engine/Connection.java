package grade.engine;

import grade.protocol.Codec;
import grade.protocol.Lines;
import grade.protocol.Message;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The grader's end of the channel to one test JVM. It listens on a Unix domain socket, takes the
 * first connection whose first line is a hello signed with the run's key, and then stops
 * listening (the socket's file is gone). Its lines are read on a thread of their own; the first
 * line that does not verify ends what is trusted.
 */
final class Connection implements AutoCloseable {
    private final Lines lines;
    private final Codec codec;
    private final SocketChannel channel;
    private final BlockingQueue<Optional<Message>> received = new LinkedBlockingQueue<>();
    private volatile String refused;

    private Connection(SocketChannel channel, Codec codec) {
        this.channel = channel;
        this.lines = new Lines(channel);
        this.codec = codec;
    }

    /** Listens at {@code path} for the test JVM about to be started. */
    static ServerSocketChannel listen(Path path) throws IOException {
        Files.deleteIfExists(path);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(path));
        server.configureBlocking(false);
        return server;
    }

    /**
     * The test JVM's connection, once it has said a signed hello; null when {@code alive} turns
     * false or {@code timeoutMillis} pass first. The listening socket is closed either way.
     */
    static Connection accept(ServerSocketChannel server, Path path, byte[] key, long timeoutMillis, BooleanSupplier alive)
            throws IOException, InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        try (server; Selector selector = Selector.open()) {
            server.register(selector, SelectionKey.OP_ACCEPT);
            while (System.nanoTime() < end && alive.getAsBoolean()) {
                selector.select(50);
                selector.selectedKeys().clear();
                SocketChannel c = server.accept();
                if (c == null) {
                    continue;
                }
                c.configureBlocking(true);
                Connection conn = new Connection(c, new Codec(key, Codec.Side.GRADER));
                if (conn.hello()) {
                    conn.startReading();
                    return conn;
                }
                c.close(); // not the test JVM: whoever it was cannot sign
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            return null;
        } finally {
            Files.deleteIfExists(path);
        }
    }

    private boolean hello() {
        try {
            return codec.read(lines.read()) instanceof Message.Hello;
        } catch (IOException | Codec.Refused e) {
            return false;
        }
    }

    private void startReading() {
        Thread reader = new Thread(() -> {
            try {
                while (true) {
                    received.add(Optional.of(codec.read(lines.read())));
                }
            } catch (Codec.Refused e) {
                refused = e.getMessage();
            } catch (IOException e) {
                // the test JVM ended
            } finally {
                received.add(Optional.empty());
            }
        }, "test JVM results");
        reader.setDaemon(true);
        reader.start();
    }

    void send(Message m) throws IOException {
        lines.write(codec.write(m));
    }

    /**
     * The next message; empty when there will be none (the test JVM ended, or a line did not
     * verify); null when none came within {@code millis}.
     */
    Optional<Message> next(long millis) throws InterruptedException {
        return received.poll(millis, TimeUnit.MILLISECONDS);
    }

    /** Why a line was refused, if one was. */
    String refused() {
        return refused;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // already closed by the other side
        }
    }
}
