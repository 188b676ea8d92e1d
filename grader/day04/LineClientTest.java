package day04;

import static java.nio.charset.StandardCharsets.UTF_8;

import grade.kit.Expect;
import grade.kit.LearnerProgram;
import grade.kit.Ports;
import grade.kit.ProgramResult;
import grade.kit.TcpListener;
import grade.kit.TcpPeer;
import grade.kit.Text;
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
    void basic() {
        try (TcpListener server = TcpListener.open();
             LearnerProgram client = client(server, "hello\n你好\n");
             TcpPeer conn = accept(server, client)) {
            expectLine(conn, client, "hello", "");
            conn.send("收到: hello\n");
            expectLine(conn, client, "你好", "");
            conn.send("收到: 你好\n");
            expectClosed(conn, client, "after the last line of stdin");
            expectOutput(client, List.of("Server: 收到: hello", "Server: 收到: 你好"), "");
        }
    }

    @Test
    @DisplayName("a reply that arrives in small pieces, with pauses, is printed whole (also when a piece ends inside a Chinese character)")
    void replyInPieces() {
        String hint = "\nTCP does not keep the server's writes apart: read until the newline (a BufferedReader's readLine"
                + " does), never \"whatever one read() returns\".";
        try (TcpListener server = TcpListener.open();
             LearnerProgram client = client(server, "one\ntwo\n");
             TcpPeer conn = accept(server, client)) {
            expectLine(conn, client, "one", hint);
            sendInPieces(conn, client, "第一个回复: one\n", 4, Duration.ofMillis(150));
            expectLine(conn, client, "two", hint);
            sendInPieces(conn, client, "二号回复\n", 1, Duration.ofMillis(30));
            expectClosed(conn, client, "after the last line of stdin");
            expectOutput(client, List.of("Server: 第一个回复: one", "Server: 二号回复"),
                    "The first reply came in pieces of 4 bytes and the second one byte at a time, each with pauses." + hint);
        }
    }

    @Test
    @DisplayName("two replies that arrive in one write are printed as two replies, one for each line sent")
    void twoRepliesInOneWrite() {
        String hint = "\nAfter the first line the server sent both replies in one write (粘包): the second reply was"
                + " already in your client's hands when it sent the second line. Keep what you read past the first"
                + " newline (one BufferedReader for the whole connection does).";
        try (TcpListener server = TcpListener.open();
             LearnerProgram client = client(server, "a\nb\nc\n");
             TcpPeer conn = accept(server, client)) {
            expectLine(conn, client, "a", hint);
            conn.send("reply to a\nreply to b\n");
            expectLine(conn, client, "b", hint);
            expectLine(conn, client, "c", hint);
            conn.send("reply to c\n");
            expectClosed(conn, client, "after the last line of stdin");
            expectOutput(client, List.of("Server: reply to a", "Server: reply to b", "Server: reply to c"), hint);
        }
    }

    @Test
    @DisplayName("prints each reply as soon as it arrives, while stdin is still open")
    void interactive() {
        try (TcpListener server = TcpListener.open();
             LearnerProgram client = LearnerProgram.of("day04.LineClient").args("127.0.0.1", "" + server.port()).start();
             TcpPeer conn = accept(server, client)) {
            client.writeLine("ping");
            expectLine(conn, client, "ping", "\nThe test typed \"ping\" and a newline on stdin and keeps stdin open, as a person at the keyboard would:"
                    + " send each line as soon as it is read.");
            sendInPieces(conn, client, "pong\n", 2, Duration.ofMillis(50));
            expectPrinted(client, "Server: pong");
            client.writeLine("再来一次");
            expectLine(conn, client, "再来一次", "");
            conn.send("好的\n");
            expectPrinted(client, "Server: 好的");
            client.closeStdin();
            expectClosed(conn, client, "when its stdin ended");
            expectOutput(client, List.of("Server: pong", "Server: 好的"), "");
        }
    }

    @Test
    @DisplayName("an empty line closes the connection at once, sending nothing more, and the client exits 0")
    void emptyLineCloses() {
        try (TcpListener server = TcpListener.open();
             LearnerProgram client = client(server, "first\n\nnever sent\n");
             TcpPeer conn = accept(server, client)) {
            expectLine(conn, client, "first", "");
            conn.send("ok\n");
            expectClosed(conn, client, "after the empty line (stdin held \"first\\n\\nnever sent\\n\")");
            expectOutput(client, List.of("Server: ok"), "");
        }
    }

    @Test
    @DisplayName("the end of input closes the connection, also after a last line without a newline, and the client exits 0")
    void endOfInputCloses() {
        try (TcpListener server = TcpListener.open();
             LearnerProgram client = client(server, "没有换行的最后一行");
             TcpPeer conn = accept(server, client)) {
            expectLine(conn, client, "没有换行的最后一行", "\n(stdin held that line without a final newline: it is still a line, sent with \\n)");
            conn.send("收到\n");
            expectClosed(conn, client, "at the end of its input");
            expectOutput(client, List.of("Server: 收到"), "");
        }
    }

    @Test
    @DisplayName("with nothing listening at HOST:PORT it prints \"cannot connect to HOST:PORT\" on stderr and exits 1")
    void cannotConnect() {
        int port = Ports.free();
        ProgramResult r = LearnerProgram.of("day04.LineClient").args("127.0.0.1", "" + port).stdin("hello\n").run();
        String expected = "cannot connect to 127.0.0.1:" + port;
        Expect.that(r.stderr().contains(expected), "nothing listens on 127.0.0.1:" + port + ": the client should print "
                + Text.show(expected) + " on stderr (and exit 1).\n" + r.describe());
        Expect.equal("the exit status when the client cannot connect", 1, r.exitCode());
        Expect.that(r.stdout().isBlank(), "the client could not connect, so it should print nothing on stdout.\n" + r.describe());
    }

    // ---- helpers ----------------------------------------------------------------------------

    private static LearnerProgram client(TcpListener server, String stdin) {
        return LearnerProgram.of("day04.LineClient").args("127.0.0.1", "" + server.port()).stdin(stdin).start();
    }

    private static TcpPeer accept(TcpListener server, LearnerProgram client) {
        try {
            return server.accept(CONNECT, client);
        } catch (AssertionError e) {
            throw Expect.fail(e.getMessage() + ".\n" + client.describeOutput());
        }
    }

    private static void expectLine(TcpPeer conn, LearnerProgram client, String expected, String hint) {
        String got;
        try {
            got = conn.readLine(LINE);
        } catch (AssertionError e) {
            String m = e.getMessage();
            throw Expect.fail("the test's server waited for the line " + Text.show(expected) + ": " + m + "."
                    + (m.contains("without a newline") ? " Send each line followed by \\n." : "") + hint + "\n"
                    + client.describeOutput());
        }
        Expect.that(expected.equals(got), "the test's server expected the line " + Text.show(expected) + " from your client"
                + " but got " + Text.show(got) + "." + hint + "\n" + client.describeOutput());
    }

    private static void sendInPieces(TcpPeer conn, LearnerProgram client, String reply, int piece, Duration pause) {
        try {
            conn.sendInPieces(reply.getBytes(UTF_8), piece, pause);
        } catch (AssertionError e) {
            throw Expect.fail("the test's server was sending the reply " + Text.show(reply) + " in pieces of " + piece
                    + (piece == 1 ? " byte" : " bytes") + ", but your client closed the connection before the whole reply"
                    + " had arrived (" + e.getMessage() + "). Read a reply up to its newline, however many reads that takes.\n"
                    + client.describeOutput());
        }
    }

    private static void expectClosed(TcpPeer conn, LearnerProgram client, String when) {
        byte[] rest;
        try {
            rest = conn.readToEnd(LINE);
        } catch (AssertionError e) {
            throw Expect.fail("your client should close the connection " + when + ", but " + e.getMessage()
                    + ".\nWhat it printed so far:\n" + client.describeOutput());
        }
        Expect.that(rest.length == 0, "your client should close the connection " + when + " without sending anything more,"
                + " but it sent " + Text.show(rest) + " first.\n" + client.describeOutput());
    }

    private static void expectPrinted(LearnerProgram client, String line) {
        try {
            client.awaitLine(line::equals, "the line " + Text.show(line), LINE);
        } catch (AssertionError e) {
            throw Expect.fail("the reply arrived, but " + e.getMessage()
                    + "\nPrint each reply when it arrives (println on System.out flushes), before reading the next line of stdin.");
        }
    }

    private static void expectOutput(LearnerProgram client, List<String> expected, String hint) {
        ProgramResult r;
        try {
            r = client.awaitExit(LINE);
        } catch (AssertionError e) {
            throw Expect.fail("your client should have printed " + expected.size() + " replies and exited, but "
                    + e.getMessage() + (hint.isBlank() ? "" : "\n" + hint.strip()));
        }
        if (!expected.equals(r.lines())) {
            try {
                Expect.sameLines("what your client printed", expected, r.lines());
            } catch (AssertionError e) {
                throw Expect.fail(e.getMessage() + (hint.isBlank() ? "" : "\n" + hint.strip()) + "\n" + r.describe());
            }
        }
        Expect.that(r.exitCode() == 0, "your client printed the right replies but exited with status " + r.exitCode()
                + " instead of 0.\n" + r.describe());
    }
}
