package day90;

import grade.kit.Expect;
import grade.kit.LearnerProgram;
import grade.kit.Ports;
import grade.kit.Say;
import grade.kit.TcpListener;
import grade.kit.TcpPeer;
import grade.kit.Zh;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Hidden test of the hostile fixture exercise day91/client: the learner's client is told a port,
 * says it is ready, and then connects to the test listening there.
 */
class HostileClientTest {
    @Test
    @DisplayName("connects to the given port and says hello")
    @Zh("连接到给定的端口，发送 hello")
    void connects() {
        int port = Ports.free();
        try (LearnerProgram client = LearnerProgram.of("day91.Client").args("" + port).start()) {
            client.awaitLine("ready", Duration.ofSeconds(2));
            try (TcpListener listener = TcpListener.open(port);
                 TcpPeer conn = listener.accept(Duration.ofSeconds(2))) {
                Expect.sameText(Say.pick("the first line", "第一行"), "hello", conn.readLine(Duration.ofSeconds(1)));
            }
        }
    }
}
