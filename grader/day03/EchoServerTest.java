package day03;

import static java.nio.charset.StandardCharsets.UTF_8;

import grade.kit.Expect;
import grade.kit.LearnerProgram;
import grade.kit.Ports;
import grade.kit.TcpPeer;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("day03/echo-server")
class EchoServerTest {
    /** For a short echo on 127.0.0.1: generous, the machine may be busy. */
    private static final Duration SHORT = Duration.ofSeconds(5);
    /** For 1 MiB. */
    private static final Duration LONG = Duration.ofSeconds(10);
    private static final int MIB = 1 << 20;

    private static LearnerProgram startServer(int port) {
        return LearnerProgram.of("day03.EchoServer").args("" + port).startServer(port);
    }

    /** Runs one step; a failure says which step it was and whether the server is still running. */
    private static <T> T step(LearnerProgram server, String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (AssertionError e) {
            String state = server.isAlive() ? "" : "\nYour server is no longer running: it must serve clients for ever,"
                    + " and one client's trouble must end only that client's connection.";
            throw Expect.fail(what + ": " + e.getMessage() + state + "\n" + server.describeOutput());
        }
    }

    private static void step(LearnerProgram server, String what, Runnable action) {
        step(server, what, () -> {
            action.run();
            return null;
        });
    }

    private static void echo(LearnerProgram server, TcpPeer client, String who, String text) {
        byte[] data = text.getBytes(UTF_8);
        step(server, who + " sent " + grade.kit.Text.show(text) + " and waited for its echo", () -> {
            client.send(data);
            Expect.sameBytes("the echo", data, client.readExactly(data.length, SHORT));
        });
    }

    private static TcpPeer connect(LearnerProgram server, int port, String who) {
        return step(server, who + " connected", () -> TcpPeer.connect(port));
    }

    @Test
    @DisplayName("echoes what each of three clients sends, serving them one after another")
    void threeClients() {
        int port = Ports.free();
        try (LearnerProgram server = startServer(port)) {
            for (int i = 1; i <= 3; i++) {
                String who = "client " + i + (i > 1 ? " (after client " + (i - 1) + " closed its connection)" : "");
                try (TcpPeer client = connect(server, port, who)) {
                    try {
                        echo(server, client, who, "hello from client " + i + "\n");
                    } catch (AssertionError e) {
                        if (i == 1) {
                            throw e;
                        }
                        throw Expect.fail(e.getMessage() + "\n(Did your server notice that client " + (i - 1) + " closed?"
                                + " read returns -1 then; only after that does it close the connection and accept the next client.)");
                    }
                    echo(server, client, who, "a second message, without a newline");
                    echo(server, client, who, "x");
                }
            }
        }
    }

    @Test
    @DisplayName("a 1 MiB message comes back whole (the test reads while it sends)")
    void oneMebibyte() throws Exception {
        byte[] data = new byte[MIB];
        new Random(3).nextBytes(data);
        int port = Ports.free();
        try (LearnerProgram server = startServer(port);
             TcpPeer client = connect(server, port, "a client")) {
            CompletableFuture<Void> sent = client.sendInBackground(data);
            byte[] back = step(server, "a client sent 1 MiB of random bytes while reading the echo", () ->
                    client.readExactly(MIB, LONG));
            Expect.sameBytes("the echo of 1 MiB of random bytes", data, back);
            sent.get(5, TimeUnit.SECONDS);
            echo(server, client, "the same client, afterwards,", "still there?");
        }
    }

    @Test
    @DisplayName("Chinese text comes back byte for byte, also when a character is split across two sends")
    void chinese() {
        int port = Ports.free();
        try (LearnerProgram server = startServer(port);
             TcpPeer client = connect(server, port, "a client")) {
            echo(server, client, "a client", "你好，世界！\n");
            String text = "第二阶段：IO 网络编程\n";
            byte[] data = text.getBytes(UTF_8);
            step(server, "a client sent " + grade.kit.Text.show(text) + " two bytes at a time (splitting every character)", () -> {
                client.sendInPieces(data, 2, Duration.ofMillis(10));
                Expect.sameBytes("the echo", data, client.readExactly(data.length, SHORT));
            });
        }
    }

    @Test
    @DisplayName("a client that resets its connection does not stop the server")
    void resetDoesNotStopServer() {
        int port = Ports.free();
        try (LearnerProgram server = startServer(port)) {
            try (TcpPeer first = connect(server, port, "client 1")) {
                echo(server, first, "client 1", "hello, then a reset\n");
                first.reset();
            }
            try (TcpPeer second = connect(server, port, "client 2 (after client 1 reset its connection while the server read)")) {
                echo(server, second, "client 2 (after client 1 reset its connection while the server read)", "still serving?\n");
            }
            // a reset while the server is writing: the client sends a lot and stops reading
            try (TcpPeer third = connect(server, port, "client 3")) {
                byte[] data = new byte[4 * MIB];
                new Random(7).nextBytes(data);
                third.sendInBackground(data); // it fails when the connection is reset: that is the point
                step(server, "client 3 sent 4 MiB and read the start of the echo", () -> third.readExactly(1000, LONG));
                third.reset();
            }
            String who = "client 4 (after client 3 reset its connection while the server was echoing 4 MiB)";
            try (TcpPeer fourth = connect(server, port, who)) {
                echo(server, fourth, who, "still serving?\n");
            }
            Expect.that(server.isAlive(), "your server stopped after clients reset their connections.\n" + server.describeOutput());
        }
    }

    @Test
    @DisplayName("a client that half-closes gets the rest of its echo, then the server closes that connection")
    void halfClose() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= 5000; i++) {
            sb.append("line ").append(i).append(" 你好\n");
        }
        byte[] data = sb.toString().getBytes(UTF_8);
        int port = Ports.free();
        try (LearnerProgram server = startServer(port)) {
            try (TcpPeer client = connect(server, port, "a client")) {
                CompletableFuture<Void> sentAndClosed = client.sendInBackground(data).thenRun(client::shutdownOutput);
                byte[] back = step(server, "a client sent " + data.length + " bytes, then half-closed (shutdownOutput)"
                        + " and read until the server closed the connection", () -> client.readToEnd(LONG));
                sentAndClosed.get(5, TimeUnit.SECONDS);
                Expect.sameBytes("the echo, up to the server's close, of " + data.length + " bytes sent before a half-close",
                        data, back);
            }
            String who = "the next client";
            try (TcpPeer next = connect(server, port, who)) {
                echo(server, next, who, "next!\n");
            }
        }
    }
}
