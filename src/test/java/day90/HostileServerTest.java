package day90;

import grade.kit.Expect;
import grade.kit.LearnerProgram;
import grade.kit.Ports;
import grade.kit.Say;
import grade.kit.TcpPeer;
import grade.kit.Zh;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Hidden test of the hostile fixture exercise day91/server: a learner server on a port the test chose. */
class HostileServerTest {
    @Test
    @DisplayName("echoes a line")
    @Zh("回显一行")
    void echoes() {
        int port = Ports.free();
        try (LearnerProgram server = LearnerProgram.of("day91.Server").args("" + port).startServer(port);
             TcpPeer client = TcpPeer.connect(port)) {
            client.send("hello\n");
            Expect.sameText(Say.pick("the echo", "回显"), "hello", client.readLine(Duration.ofSeconds(1)));
        }
    }
}
