package grade.testjvm.seal;

import grade.protocol.Codec;
import grade.protocol.Launch;
import grade.protocol.Lines;
import grade.protocol.Message;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.util.Arrays;

/**
 * The test JVM's end of its channel to the grader: a Unix domain socket (which no other process
 * can open through this JVM's /proc entry) and the run's codec. Only code of this package holds
 * one, and the package is not open to learner code.
 */
final class Link {
    private final Lines lines;
    private final Codec codec;

    private Link(Lines lines, Codec codec) {
        this.lines = lines;
        this.codec = codec;
    }

    /** Connects to the grader and says hello; the key is wiped from the launch once the codec holds it. */
    static Link open(Launch launch) throws IOException {
        SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(launch.channel()));
        Link link = new Link(new Lines(channel), new grade.protocol.Codec(launch.key(), Codec.Side.TEST_JVM));
        Arrays.fill(launch.key(), (byte) 0);
        link.send(new Message.Hello());
        return link;
    }

    void send(Message m) {
        try {
            lines.write(codec.write(m));
        } catch (IOException e) {
            throw new UncheckedIOException("the grader is gone", e);
        }
    }

    Message receive() throws IOException, Codec.Refused {
        return codec.read(lines.read());
    }
}
