package day90;

import grade.kit.Expect;
import grade.kit.LearnerProgram;
import grade.kit.Ports;
import grade.kit.TcpPeer;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Hidden test of the hostile fixture exercise day91/server: a learner server on a port the test chose. */
class HostileServerTest {
    @Test
    @DisplayName("echoes a line")
    void echoes() {
        int port = Ports.free();
        try (LearnerProgram server = LearnerProgram.of("day91.Server").args("" + port).startServer(port);
             TcpPeer client = TcpPeer.connect(port)) {
            client.send("hello\n");
            Expect.sameText("the echo", "hello", client.readLine(Duration.ofSeconds(1)));
        }
    }
}
