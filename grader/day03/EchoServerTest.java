package day03;

import static java.nio.charset.StandardCharsets.UTF_8;

import grade.kit.Expect;
import grade.kit.LearnerProgram;
import grade.kit.Ports;
import grade.kit.Say;
import grade.kit.TcpPeer;
import grade.kit.Zh;
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
            String state = server.isAlive() ? "" : Say.pick("\nYour server is no longer running: it must serve clients for ever,"
                    + " and one client's trouble must end only that client's connection.",
                    "\n你的服务器已经不在运行了：它必须永不停止地服务客户端，一个客户端出了问题，只能结束这个客户端的连接。");
            throw Expect.fail(what + Say.pick(": ", "：") + e.getMessage() + state + "\n" + server.describeOutput());
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
        step(server, who + Say.pick(" sent ", " 发送了 ") + grade.kit.Text.show(text) + Say.pick(" and waited for its echo", "，并等待回显"), () -> {
            client.send(data);
            Expect.sameBytes(Say.pick("the echo", "回显"), data, client.readExactly(data.length, SHORT));
        });
    }

    private static TcpPeer connect(LearnerProgram server, int port, String who) {
        return step(server, who + Say.pick(" connected", " 连接服务器"), () -> TcpPeer.connect(port));
    }

    @Test
    @DisplayName("prints a `listening` line, then echoes what each of three clients sends, serving them one after another")
    @Zh("输出包含 `listening` 的一行，然后一个接一个地服务三个客户端，把每个客户端发来的内容原样发回")
    void threeClients() {
        int port = Ports.free();
        try (LearnerProgram server = startServer(port)) {
            for (int i = 1; i <= 3; i++) {
                String who = Say.pick("client " + i + (i > 1 ? " (after client " + (i - 1) + " closed its connection)" : ""),
                        (i > 1 ? "在客户端 " + (i - 1) + " 关闭连接之后，" : "") + "客户端 " + i);
                try (TcpPeer client = connect(server, port, who)) {
                    try {
                        echo(server, client, who, "hello from client " + i + "\n");
                    } catch (AssertionError e) {
                        if (i == 1) {
                            throw e;
                        }
                        throw Expect.fail(e.getMessage() + Say.pick("\n(Did your server notice that client " + (i - 1) + " closed?"
                                + " read returns -1 then; only after that does it close the connection and accept the next client.)",
                                "\n（你的服务器发现客户端 " + (i - 1) + " 已经关闭了吗？那时 read 返回 -1；只有在这之后，它才关闭这个连接，"
                                + "接受下一个客户端。）"));
                    }
                    echo(server, client, who, "a second message, without a newline");
                    echo(server, client, who, "x");
                }
            }
            // printed before the first accept, so it is on stdout by now
            Expect.that(server.lines().stream().anyMatch(l -> l.contains("listening")),
                    Say.pick("your server should print a line containing `listening` to stdout once it is bound;"
                    + " it served three clients and printed none.\n", "你的服务器绑定端口之后，应该在 stdout 上输出一行包含"
                    + " `listening` 的文字；它服务了三个客户端，却没有输出这一行。\n") + server.describeOutput());
        }
    }

    @Test
    @DisplayName("a 1 MiB message comes back whole (the test reads while it sends)")
    @Zh("1 MiB 的消息完整地发回（测试一边发送一边读取）")
    void oneMebibyte() throws Exception {
        byte[] data = new byte[MIB];
        new Random(3).nextBytes(data);
        int port = Ports.free();
        try (LearnerProgram server = startServer(port);
             TcpPeer client = connect(server, port, Say.pick("a client", "一个客户端"))) {
            CompletableFuture<Void> sent = client.sendInBackground(data);
            byte[] back = step(server, Say.pick("a client sent 1 MiB of random bytes while reading the echo",
                    "一个客户端一边发送 1 MiB 随机字节，一边读取回显"), () ->
                    client.readExactly(MIB, LONG));
            Expect.sameBytes(Say.pick("the echo of 1 MiB of random bytes", "1 MiB 随机字节的回显"), data, back);
            sent.get(5, TimeUnit.SECONDS);
            echo(server, client, Say.pick("the same client, afterwards,", "之后，同一个客户端"), "still there?");
        }
    }

    @Test
    @DisplayName("Chinese text comes back byte for byte, also when a character is split across two sends")
    @Zh("中文文本逐字节发回，一个字符被拆在两次发送之间时也一样")
    void chinese() {
        int port = Ports.free();
        try (LearnerProgram server = startServer(port);
             TcpPeer client = connect(server, port, Say.pick("a client", "一个客户端"))) {
            echo(server, client, Say.pick("a client", "一个客户端"), "你好，世界！\n");
            String text = "第二阶段：IO 网络编程\n";
            byte[] data = text.getBytes(UTF_8);
            step(server, Say.pick("a client sent " + grade.kit.Text.show(text) + " two bytes at a time (splitting every character)",
                    "一个客户端每次两个字节地发送 " + grade.kit.Text.show(text) + "（把每个字符都拆开）"), () -> {
                client.sendInPieces(data, 2, Duration.ofMillis(10));
                Expect.sameBytes(Say.pick("the echo", "回显"), data, client.readExactly(data.length, SHORT));
            });
        }
    }

    @Test
    @DisplayName("a client that resets its connection does not stop the server")
    @Zh("客户端重置连接不会让服务器停止")
    void resetDoesNotStopServer() {
        int port = Ports.free();
        try (LearnerProgram server = startServer(port)) {
            String one = Say.pick("client 1", "客户端 1");
            try (TcpPeer first = connect(server, port, one)) {
                echo(server, first, one, "hello, then a reset\n");
                first.reset();
            }
            String two = Say.pick("client 2 (after client 1 reset its connection while the server read)",
                    "在客户端 1 于服务器读取时重置连接之后，客户端 2");
            try (TcpPeer second = connect(server, port, two)) {
                echo(server, second, two, "still serving?\n");
            }
            // a reset while the server is writing: the client sends a lot and stops reading
            try (TcpPeer third = connect(server, port, Say.pick("client 3", "客户端 3"))) {
                byte[] data = new byte[4 * MIB];
                new Random(7).nextBytes(data);
                third.sendInBackground(data); // it fails when the connection is reset: that is the point
                step(server, Say.pick("client 3 sent 4 MiB and read the start of the echo", "客户端 3 发送了 4 MiB，并读取了回显的开头"), () -> third.readExactly(1000, LONG));
                third.reset();
            }
            String who = Say.pick("client 4 (after client 3 reset its connection while the server was echoing 4 MiB)",
                    "在客户端 3 于服务器回显 4 MiB 时重置连接之后，客户端 4");
            try (TcpPeer fourth = connect(server, port, who)) {
                echo(server, fourth, who, "still serving?\n");
            }
            Expect.that(server.isAlive(), Say.pick("your server stopped after clients reset their connections.\n",
                    "客户端重置连接之后，你的服务器停止了。\n") + server.describeOutput());
        }
    }

    @Test
    @DisplayName("a client that half-closes gets the rest of its echo, then the server closes that connection")
    @Zh("半关闭的客户端收到剩下的回显，然后服务器关闭这个连接")
    void halfClose() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= 5000; i++) {
            sb.append("line ").append(i).append(" 你好\n");
        }
        byte[] data = sb.toString().getBytes(UTF_8);
        int port = Ports.free();
        try (LearnerProgram server = startServer(port)) {
            try (TcpPeer client = connect(server, port, Say.pick("a client", "一个客户端"))) {
                CompletableFuture<Void> sentAndClosed = client.sendInBackground(data).thenRun(client::shutdownOutput);
                byte[] back = step(server, Say.pick("a client sent " + data.length + " bytes, then half-closed (shutdownOutput)"
                        + " and read until the server closed the connection", "一个客户端发送了 " + data.length
                        + " 个字节，然后半关闭（shutdownOutput），一直读到服务器关闭连接"), () -> client.readToEnd(LONG));
                sentAndClosed.get(5, TimeUnit.SECONDS);
                Expect.sameBytes(Say.pick("the echo, up to the server's close, of " + data.length + " bytes sent before a half-close",
                        "半关闭之前发送的 " + data.length + " 个字节的回显（直到服务器关闭连接）"),
                        data, back);
            }
            String who = Say.pick("the next client", "下一个客户端");
            try (TcpPeer next = connect(server, port, who)) {
                echo(server, next, who, "next!\n");
            }
        }
    }
}
