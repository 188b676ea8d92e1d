package day04;

import static java.nio.charset.StandardCharsets.UTF_8;

import grade.kit.Expect;
import grade.kit.LearnerProgram;
import grade.kit.Ports;
import grade.kit.ProgramResult;
import grade.kit.Say;
import grade.kit.TcpListener;
import grade.kit.TcpPeer;
import grade.kit.Text;
import grade.kit.Zh;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The test plays the server: it reads the client's lines and answers in awkward pieces. */
@DisplayName("day04/line-client")
class LineClientTest {
    private static final Duration CONNECT = Duration.ofSeconds(10);
    private static final Duration LINE = Duration.ofSeconds(5);

    @Test
    @DisplayName("sends each stdin line with a newline and prints each reply as \"Server: REPLY\"")
    @Zh("把标准输入的每一行加上换行符发送，把每个回复输出为 \"Server: REPLY\"")
    void basic() {
        try (TcpListener server = TcpListener.open();
             LearnerProgram client = client(server, "hello\n你好\n");
             TcpPeer conn = accept(server, client)) {
            expectLine(conn, client, "hello", "");
            conn.send("收到: hello\n");
            expectLine(conn, client, "你好", "");
            conn.send("收到: 你好\n");
            expectClosed(conn, client, Say.pick("after the last line of stdin", "在标准输入的最后一行之后"));
            expectOutput(client, List.of("Server: 收到: hello", "Server: 收到: 你好"), "");
        }
    }

    @Test
    @DisplayName("a reply that arrives in small pieces, with pauses, is printed whole (also when a piece ends inside a Chinese character)")
    @Zh("分成小段、中间有停顿到达的回复被完整输出（小段在一个汉字中间断开时也一样）")
    void replyInPieces() {
        String hint = Say.pick("\nTCP does not keep the server's writes apart: read until the newline (a BufferedReader's readLine"
                + " does), never \"whatever one read() returns\".", "\nTCP 不会把服务器的几次写入分开：要一直读到换行符"
                + "（BufferedReader 的 readLine 就是这样做的），而不是“一次 read() 返回什么就算什么”。");
        try (TcpListener server = TcpListener.open();
             LearnerProgram client = client(server, "one\ntwo\n");
             TcpPeer conn = accept(server, client)) {
            expectLine(conn, client, "one", hint);
            sendInPieces(conn, client, "第一个回复: one\n", 4, Duration.ofMillis(150));
            expectLine(conn, client, "two", hint);
            sendInPieces(conn, client, "二号回复\n", 1, Duration.ofMillis(30));
            expectClosed(conn, client, Say.pick("after the last line of stdin", "在标准输入的最后一行之后"));
            expectOutput(client, List.of("Server: 第一个回复: one", "Server: 二号回复"),
                    Say.pick("The first reply came in pieces of 4 bytes and the second one byte at a time, each with pauses.",
                            "第一个回复分成 4 字节的小段到达，第二个每次一个字节，中间都有停顿。") + hint);
        }
    }

    @Test
    @DisplayName("two replies that arrive in one write are printed as two replies, one for each line sent")
    @Zh("一次写入送来的两个回复被输出为两个回复，每发送一行对应一个")
    void twoRepliesInOneWrite() {
        String hint = Say.pick("\nAfter the first line the server sent both replies in one write (粘包): the second reply was"
                + " already in your client's hands when it sent the second line. Keep what you read past the first"
                + " newline (one BufferedReader for the whole connection does).", "\n收到第一行之后，服务器用一次写入发送了两个回复（粘包）："
                + "你的客户端发送第二行时，第二个回复已经在它手里了。第一个换行符之后读到的内容要留着（整个连接只用一个 BufferedReader 就能做到）。");
        try (TcpListener server = TcpListener.open();
             LearnerProgram client = client(server, "a\nb\nc\n");
             TcpPeer conn = accept(server, client)) {
            expectLine(conn, client, "a", hint);
            conn.send("reply to a\nreply to b\n");
            expectLine(conn, client, "b", hint);
            expectLine(conn, client, "c", hint);
            conn.send("reply to c\n");
            expectClosed(conn, client, Say.pick("after the last line of stdin", "在标准输入的最后一行之后"));
            expectOutput(client, List.of("Server: reply to a", "Server: reply to b", "Server: reply to c"), hint);
        }
    }

    @Test
    @DisplayName("prints each reply as soon as it arrives, while stdin is still open")
    @Zh("标准输入还开着时，每个回复一到就输出")
    void interactive() {
        try (TcpListener server = TcpListener.open();
             LearnerProgram client = LearnerProgram.of("day04.LineClient").args("127.0.0.1", "" + server.port()).start();
             TcpPeer conn = accept(server, client)) {
            client.writeLine("ping");
            expectLine(conn, client, "ping", Say.pick("\nThe test typed \"ping\" and a newline on stdin and keeps stdin open, as a person"
                    + " at the keyboard would: send each line as soon as it is read.", "\n测试在标准输入上输入了 \"ping\" 和换行符，"
                    + "并且让标准输入一直开着，就像一个人坐在键盘前一样：每读到一行就马上发送。"));
            sendInPieces(conn, client, "pong\n", 2, Duration.ofMillis(50));
            expectPrinted(client, "Server: pong");
            client.writeLine("再来一次");
            expectLine(conn, client, "再来一次", "");
            conn.send("好的\n");
            expectPrinted(client, "Server: 好的");
            client.closeStdin();
            expectClosed(conn, client, Say.pick("when its stdin ended", "在它的标准输入结束时"));
            expectOutput(client, List.of("Server: pong", "Server: 好的"), "");
        }
    }

    @Test
    @DisplayName("an empty line closes the connection at once, sending nothing more, and the client exits 0")
    @Zh("空行立即关闭连接，不再发送任何东西，客户端以状态 0 退出")
    void emptyLineCloses() {
        try (TcpListener server = TcpListener.open();
             LearnerProgram client = client(server, "first\n\nnever sent\n");
             TcpPeer conn = accept(server, client)) {
            expectLine(conn, client, "first", "");
            conn.send("ok\n");
            expectClosed(conn, client, Say.pick("after the empty line (stdin held \"first\\n\\nnever sent\\n\")", "在空行之后（标准输入是 \"first\\n\\nnever sent\\n\"）"));
            expectOutput(client, List.of("Server: ok"), "");
        }
    }

    @Test
    @DisplayName("the end of input closes the connection, also after a last line without a newline, and the client exits 0")
    @Zh("输入结束时关闭连接（最后一行没有换行符时也一样），客户端以状态 0 退出")
    void endOfInputCloses() {
        try (TcpListener server = TcpListener.open();
             LearnerProgram client = client(server, "没有换行的最后一行");
             TcpPeer conn = accept(server, client)) {
            expectLine(conn, client, "没有换行的最后一行", Say.pick("\n(stdin held that line without a final newline: it is still a line, sent with \\n)", "\n（标准输入里这一行后面没有换行符：它仍然是一行，发送时要加上 \\n）"));
            conn.send("收到\n");
            expectClosed(conn, client, Say.pick("at the end of its input", "在它的输入结束时"));
            expectOutput(client, List.of("Server: 收到"), "");
        }
    }

    @Test
    @DisplayName("with nothing listening at HOST:PORT it prints \"cannot connect to HOST:PORT\" on stderr and exits 1")
    @Zh("HOST:PORT 上没有程序在监听时，在标准错误上输出 \"cannot connect to HOST:PORT\"，并以状态 1 退出")
    void cannotConnect() {
        int port = Ports.free();
        ProgramResult r = LearnerProgram.of("day04.LineClient").args("127.0.0.1", "" + port).stdin("hello\n").run();
        String expected = "cannot connect to 127.0.0.1:" + port;
        Expect.that(r.stderr().contains(expected), Say.pick("nothing listens on 127.0.0.1:" + port + ": the client should print "
                + Text.show(expected) + " on stderr (and exit 1).\n", "127.0.0.1:" + port + " 上没有程序在监听：客户端应该在标准错误上输出 "
                + Text.show(expected) + "（并以状态 1 退出）。\n") + r.describe());
        Expect.equal(Say.pick("the exit status when the client cannot connect", "客户端连接不上时的退出状态"), 1, r.exitCode());
        Expect.that(r.stdout().isBlank(), Say.pick("the client could not connect, so it should print nothing on stdout.\n",
                "客户端没能连接，所以它不应该在标准输出上输出任何东西。\n") + r.describe());
    }

    // ---- helpers ----------------------------------------------------------------------------

    private static LearnerProgram client(TcpListener server, String stdin) {
        return LearnerProgram.of("day04.LineClient").args("127.0.0.1", "" + server.port()).stdin(stdin).start();
    }

    private static TcpPeer accept(TcpListener server, LearnerProgram client) {
        try {
            return server.accept(CONNECT, client);
        } catch (AssertionError e) {
            throw Expect.fail(e.getMessage() + Say.pick(".\n", "。\n") + client.describeOutput());
        }
    }

    private static void expectLine(TcpPeer conn, LearnerProgram client, String expected, String hint) {
        String got;
        try {
            got = conn.readLine(LINE);
        } catch (AssertionError e) {
            String m = e.getMessage();
            throw Expect.fail(Say.pick("the test's server waited for the line " + Text.show(expected) + ": " + m + ".",
                    "测试的服务器在等待一行 " + Text.show(expected) + "：" + m + "。")
                    + (m.contains("without a newline") || m.contains("后面没有换行符")
                    ? Say.pick(" Send each line followed by \\n.", "每一行后面都要跟着 \\n。") : "") + hint + "\n"
                    + client.describeOutput());
        }
        Expect.that(expected.equals(got), Say.pick("the test's server expected the line " + Text.show(expected) + " from your client"
                + " but got " + Text.show(got) + ".", "测试的服务器期待你的客户端发来一行 " + Text.show(expected) + "，但收到的是 "
                + Text.show(got) + "。") + hint + "\n" + client.describeOutput());
    }

    private static void sendInPieces(TcpPeer conn, LearnerProgram client, String reply, int piece, Duration pause) {
        try {
            conn.sendInPieces(reply.getBytes(UTF_8), piece, pause);
        } catch (AssertionError e) {
            throw Expect.fail(Say.pick("the test's server was sending the reply " + Text.show(reply) + " in pieces of " + piece
                    + (piece == 1 ? " byte" : " bytes") + ", but your client closed the connection before the whole reply"
                    + " had arrived (" + e.getMessage() + "). Read a reply up to its newline, however many reads that takes.\n",
                    "测试的服务器正在把回复 " + Text.show(reply) + " 分成 " + piece + " 字节的小段发送，但整个回复还没到达，"
                    + "你的客户端就关闭了连接（" + e.getMessage() + "）。要把回复一直读到换行符，不管要读多少次。\n")
                    + client.describeOutput());
        }
    }

    private static void expectClosed(TcpPeer conn, LearnerProgram client, String when) {
        byte[] rest;
        try {
            rest = conn.readToEnd(LINE);
        } catch (AssertionError e) {
            throw Expect.fail(Say.pick("your client should close the connection " + when + ", but " + e.getMessage()
                    + ".\nWhat it printed so far:\n", "你的客户端应该" + when + "关闭连接，但" + e.getMessage()
                    + "。\n它到目前为止输出的内容：\n") + client.describeOutput());
        }
        Expect.that(rest.length == 0, Say.pick("your client should close the connection " + when + " without sending anything more,"
                + " but it sent " + Text.show(rest) + " first.\n", "你的客户端应该" + when + "关闭连接，不再发送任何东西，但它先发送了 "
                + Text.show(rest) + "。\n") + client.describeOutput());
    }

    private static void expectPrinted(LearnerProgram client, String line) {
        try {
            client.awaitLine(line::equals, Say.pick("the line ", "一行 ") + Text.show(line), LINE);
        } catch (AssertionError e) {
            throw Expect.fail(Say.pick("the reply arrived, but ", "回复已经到了，但") + e.getMessage()
                    + Say.pick("\nPrint each reply when it arrives (println on System.out flushes), before reading the next line of stdin.",
                    "\n每个回复一到就输出（System.out 的 println 会刷新缓冲区），然后再读标准输入的下一行。"));
        }
    }

    private static void expectOutput(LearnerProgram client, List<String> expected, String hint) {
        ProgramResult r;
        try {
            r = client.awaitExit(LINE);
        } catch (AssertionError e) {
            throw Expect.fail(Say.pick("your client should have printed " + expected.size() + " replies and exited, but ",
                    "你的客户端应该输出 " + expected.size() + " 个回复然后退出，但") + e.getMessage() + (hint.isBlank() ? "" : "\n" + hint.strip()));
        }
        if (!expected.equals(r.lines())) {
            try {
                Expect.sameLines(Say.pick("what your client printed", "你的客户端输出的内容"), expected, r.lines());
            } catch (AssertionError e) {
                throw Expect.fail(e.getMessage() + (hint.isBlank() ? "" : "\n" + hint.strip()) + "\n" + r.describe());
            }
        }
        Expect.that(r.exitCode() == 0, Say.pick("your client printed the right replies but exited with status " + r.exitCode()
                + " instead of 0.\n", "你的客户端输出的回复是对的，但退出状态是 " + r.exitCode() + "，而不是 0。\n") + r.describe());
    }
}
