package day04;

import static java.nio.charset.StandardCharsets.UTF_8;

import grade.kit.Expect;
import grade.kit.LearnerProgram;
import grade.kit.Text;
import grade.kit.UdpPeer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("day04/udp-dict")
class UdpDictTest {
    private static final Duration REPLY = Duration.ofSeconds(3);

    private static final String DICT = String.join("\n",
            "hello\t你好",
            "你好\thello",
            "apple\t苹果，一种水果",
            "苹果\tapple (a fruit)",
            "套接字\tsocket：网络通信的端点",
            "");

    @TempDir
    Path dir;

    private LearnerProgram server(int port, String dict) throws IOException {
        return server(port, dict.getBytes(UTF_8));
    }

    private LearnerProgram server(int port, byte[] dict) throws IOException {
        Path file = Files.write(dir.resolve("dict.txt"), dict);
        return LearnerProgram.of("day04.UdpDict").args("" + port, file.toString()).startServer(port);
    }

    @Test
    @DisplayName("UdpDict answers the meanings of English and Chinese words, and \"NOT FOUND: word\" for others")
    void lookups() throws Exception {
        int port = UdpPorts.free();
        try (LearnerProgram server = server(port, DICT); UdpPeer client = UdpPeer.open()) {
            expectReply(client, port, server, "hello", "你好");
            expectReply(client, port, server, "你好", "hello");
            expectReply(client, port, server, "apple", "苹果，一种水果");
            expectReply(client, port, server, "苹果", "apple (a fruit)");
            expectReply(client, port, server, "套接字", "socket：网络通信的端点");
            expectReply(client, port, server, "banana", "NOT FOUND: banana");
            expectReply(client, port, server, "不存在的词", "NOT FOUND: 不存在的词");
        }
    }

    @Test
    @DisplayName("the dictionary: a byte-order mark and lines without a TAB are skipped, words are trimmed, the last line of a repeated word wins")
    void dictionaryFile() throws Exception {
        String dict = String.join("\n",
                "\uFEFFfirst\t第一个词（文件以 BOM 开头）",
                "a line without any tab",
                "",
                "  padded word  \tspaces around the word",
                "\u3000全角\u3000\t两边是全角空格",
                "dup\tthe first meaning",
                "重复\t第一次",
                "dup\tthe last meaning",
                "重复\t最后一次",
                "last\tno newline at the end");
        int port = UdpPorts.free();
        try (LearnerProgram server = server(port, dict); UdpPeer client = UdpPeer.open()) {
            expectReply(client, port, server, "first", "第一个词（文件以 BOM 开头）",
                    "\nThe file starts with a UTF-8 byte-order mark (ef bb bf, U+FEFF): it is not part of the first word.");
            expectReply(client, port, server, "a line without any tab", "NOT FOUND: a line without any tab",
                    "\nA line without a TAB is skipped.");
            expectReply(client, port, server, "padded word", "spaces around the word",
                    "\nThe dictionary line was \"  padded word  \\tspaces around the word\": words are trimmed like queries.");
            expectReply(client, port, server, "全角", "两边是全角空格",
                    "\nThe word was written between full-width spaces (U+3000): String.strip() removes them, trim() does not.");
            expectReply(client, port, server, "dup", "the last meaning", "\nFor a repeated word the last line wins.");
            expectReply(client, port, server, "重复", "最后一次", "\nFor a repeated word the last line wins.");
            expectReply(client, port, server, "last", "no newline at the end");
        }
    }

    @Test
    @DisplayName("queries are trimmed with String.strip(), full-width spaces (U+3000) too")
    void trimmedQueries() throws Exception {
        int port = UdpPorts.free();
        try (LearnerProgram server = server(port, DICT); UdpPeer client = UdpPeer.open()) {
            expectReply(client, port, server, "  hello  ", "你好");
            expectReply(client, port, server, "\thello\r\n", "你好");
            expectReply(client, port, server, "\u3000你好\u3000", "hello",
                    "\nThe query was \"你好\" between full-width spaces (U+3000): String.strip() removes them, trim() does not.");
            expectReply(client, port, server, "  nothing here \n", "NOT FOUND: nothing here", "\nThe word in NOT FOUND is the trimmed query.");
        }
    }

    @Test
    @DisplayName("an empty or blank datagram is answered \"EMPTY QUERY\"")
    void emptyQueries() throws Exception {
        int port = UdpPorts.free();
        try (LearnerProgram server = server(port, DICT); UdpPeer client = UdpPeer.open()) {
            expectReply(client, port, server, "", "EMPTY QUERY", "\nThe datagram held no bytes at all.");
            expectReply(client, port, server, "   ", "EMPTY QUERY");
            expectReply(client, port, server, "\t\r\n", "EMPTY QUERY");
            expectReply(client, port, server, "\u3000", "EMPTY QUERY", "\nThe datagram held one full-width space (U+3000), which String.strip() removes.");
            expectReply(client, port, server, "hello", "你好", "\nThe server should still answer after the empty queries.");
        }
    }

    @Test
    @DisplayName("bytes that are not UTF-8 are answered \"BAD QUERY\", and the server keeps answering")
    void badQueries() throws Exception {
        int port = UdpPorts.free();
        String hint = "\nDecode with a strict decoder (StandardCharsets.UTF_8.newDecoder().decode(...) throws on bad bytes);"
                + " new String(bytes, UTF_8) quietly turns them into U+FFFD.";
        try (LearnerProgram server = server(port, DICT); UdpPeer client = UdpPeer.open()) {
            expectReply(client, port, server, bytes(0xff), "BAD QUERY", hint);
            expectReply(client, port, server, bytes('h', 'e', 'l', 'l', 'o', 0xff), "BAD QUERY", hint);
            expectReply(client, port, server, bytes(0xe4, 0xbd), "BAD QUERY", "\nThe datagram held the first 2 of the 3 bytes of 你." + hint);
            expectReply(client, port, server, bytes(0xc0, 0xaf), "BAD QUERY", "\nc0 af is an over-long encoding of \"/\", which UTF-8 forbids." + hint);
            expectReply(client, port, server, bytes(0xed, 0xa0, 0x80), "BAD QUERY", "\ned a0 80 encodes a lone surrogate, which UTF-8 forbids." + hint);
            expectReply(client, port, server, "hello", "你好", "\nThe server should still answer after the bad queries.");
            expectReply(client, port, server, "苹果", "apple (a fruit)", "\nThe server should still answer after the bad queries.");
        }
    }

    @Test
    @DisplayName("several clients asking at once each get the answers to their own questions")
    void severalClients() throws Exception {
        int port = UdpPorts.free();
        List<String[]> questions = List.of(new String[] {"hello", "你好"}, new String[] {"你好", "hello"},
                new String[] {"apple", "苹果，一种水果"}, new String[] {"苹果", "apple (a fruit)"},
                new String[] {"套接字", "socket：网络通信的端点"}, new String[] {"pear", "NOT FOUND: pear"},
                new String[] {" ", "EMPTY QUERY"}, new String[] {"梨", "NOT FOUND: 梨"});
        try (LearnerProgram server = server(port, DICT)) {
            CountDownLatch ready = new CountDownLatch(questions.size());
            List<CompletableFuture<Void>> clients = new ArrayList<>();
            for (int c = 0; c < questions.size(); c++) {
                int first = c;
                clients.add(CompletableFuture.runAsync(() -> {
                    try (UdpPeer client = UdpPeer.open()) {
                        ready.countDown();
                        await(ready);
                        // each client asks 5 questions in turn, starting at its own
                        for (int i = 0; i < 5; i++) {
                            String[] q = questions.get((first + i) % questions.size());
                            expectReply(client, port, server, q[0], q[1], "\n(" + questions.size() + " clients were asking at the same"
                                    + " time, each from its own port: reply to the address each datagram came from)");
                        }
                    }
                }, runEach()));
            }
            for (CompletableFuture<Void> f : clients) {
                try {
                    f.get(30, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    Deadline.rethrowIfTodo(e.getCause());
                    throw e.getCause() instanceof AssertionError a ? a : Expect.fail("a client failed: " + e.getCause());
                }
            }
        }
    }

    // ---- helpers ----------------------------------------------------------------------------

    private static java.util.concurrent.Executor runEach() {
        return r -> {
            Thread t = new Thread(r, "udp client");
            t.setDaemon(true);
            t.start();
        };
    }

    private static void expectReply(UdpPeer client, int port, LearnerProgram server, String query, String expected) {
        expectReply(client, port, server, query.getBytes(UTF_8), expected, "");
    }

    private static void expectReply(UdpPeer client, int port, LearnerProgram server, String query, String expected, String hint) {
        expectReply(client, port, server, query.getBytes(UTF_8), expected, hint);
    }

    private static void expectReply(UdpPeer client, int port, LearnerProgram server, byte[] query, String expected, String hint) {
        client.send(port, query);
        byte[] reply;
        try {
            reply = client.receive(REPLY);
        } catch (AssertionError e) {
            throw Expect.fail("the test sent the datagram " + shown(query) + " to your server and " + e.getMessage()
                    + "; expected the reply " + Text.show(expected) + "." + hint + "\n" + server.describeOutput());
        }
        String text;
        try {
            text = UTF_8.newDecoder().decode(ByteBuffer.wrap(reply)).toString();
        } catch (CharacterCodingException e) {
            throw Expect.fail("your server's reply to " + shown(query) + " is not UTF-8: " + Text.show(reply) + hint);
        }
        if (!expected.equals(text)) {
            throw Expect.fail("your server's reply to the datagram " + shown(query) + " should be " + Text.show(expected)
                    + " but was " + showReply(text) + "." + hint);
        }
    }

    /** A reply, with a long run of NUL characters (a whole receive buffer decoded) summed up rather than shown. */
    private static String showReply(String reply) {
        long nuls = reply.chars().filter(c -> c == 0).count();
        if (nuls < 8) {
            return Text.show(reply);
        }
        return Text.show(reply.replace("\0", "")) + " followed by " + nuls + " NUL characters (\\u0000): only the first"
                + " packet.getLength() bytes of the receive buffer belong to the datagram";
    }

    private static String shown(byte[] query) {
        try {
            return Text.show(UTF_8.newDecoder().decode(ByteBuffer.wrap(query)).toString());
        } catch (CharacterCodingException e) {
            return "of the bytes " + Uploads.hex(query) + " (not UTF-8)";
        }
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
