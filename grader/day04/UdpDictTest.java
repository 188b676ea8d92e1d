package day04;

import static java.nio.charset.StandardCharsets.UTF_8;

import grade.kit.Expect;
import grade.kit.LearnerProgram;
import grade.kit.Say;
import grade.kit.Text;
import grade.kit.UdpPeer;
import grade.kit.Zh;
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
    @Zh("UdpDict 回答英文和中文单词的释义，查不到的单词回答 \"NOT FOUND: word\"")
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
    @Zh("词典文件：跳过 BOM 和没有 TAB 的行，去掉单词两端的空白，重复的单词以最后一行为准")
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
                    Say.pick("\nThe file starts with a UTF-8 byte-order mark (ef bb bf, U+FEFF): it is not part of the first word.", "\n文件以 UTF-8 的 BOM（ef bb bf，U+FEFF）开头：它不属于第一个单词。"));
            expectReply(client, port, server, "a line without any tab", "NOT FOUND: a line without any tab",
                    Say.pick("\nA line without a TAB is skipped.", "\n没有 TAB 的行要跳过。"));
            expectReply(client, port, server, "padded word", "spaces around the word",
                    Say.pick("\nThe dictionary line was \"  padded word  \\tspaces around the word\": words are trimmed like queries.", "\n词典里的这一行是 \"  padded word  \\tspaces around the word\"：单词和查询一样，要去掉两端的空白。"));
            expectReply(client, port, server, "全角", "两边是全角空格",
                    Say.pick("\nThe word was written between full-width spaces (U+3000): String.strip() removes them, trim() does not.", "\n这个单词两边是全角空格（U+3000）：String.strip() 会去掉它们，trim() 不会。"));
            expectReply(client, port, server, "dup", "the last meaning", Say.pick("\nFor a repeated word the last line wins.", "\n重复的单词以最后一行为准。"));
            expectReply(client, port, server, "重复", "最后一次", Say.pick("\nFor a repeated word the last line wins.", "\n重复的单词以最后一行为准。"));
            expectReply(client, port, server, "last", "no newline at the end");
        }
    }

    @Test
    @DisplayName("an empty DICT file is a dictionary without words: every word is \"NOT FOUND\"")
    @Zh("空的词典文件就是没有单词的词典：每个单词都是 \"NOT FOUND\"")
    void emptyDictionary() throws Exception {
        int port = UdpPorts.free();
        try (LearnerProgram server = server(port, ""); UdpPeer client = UdpPeer.open()) {
            expectReply(client, port, server, "hello", "NOT FOUND: hello", Say.pick("\nDICT was an empty file.", "\nDICT 是一个空文件。"));
        }
    }

    @Test
    @DisplayName("queries are trimmed with String.strip(), full-width spaces (U+3000) too")
    @Zh("查询用 String.strip() 去掉两端的空白，全角空格（U+3000）也要去掉")
    void trimmedQueries() throws Exception {
        int port = UdpPorts.free();
        try (LearnerProgram server = server(port, DICT); UdpPeer client = UdpPeer.open()) {
            expectReply(client, port, server, "  hello  ", "你好");
            expectReply(client, port, server, "\thello\r\n", "你好");
            expectReply(client, port, server, "\u3000你好\u3000", "hello",
                    Say.pick("\nThe query was \"你好\" between full-width spaces (U+3000): String.strip() removes them, trim() does not.", "\n查询是两边带全角空格（U+3000）的 \"你好\"：String.strip() 会去掉它们，trim() 不会。"));
            expectReply(client, port, server, "  nothing here \n", "NOT FOUND: nothing here", Say.pick("\nThe word in NOT FOUND is the trimmed query.", "\nNOT FOUND 后面的单词是去掉两端空白之后的查询。"));
        }
    }

    @Test
    @DisplayName("an empty or blank datagram is answered \"EMPTY QUERY\"")
    @Zh("空的或只有空白的数据报回答 \"EMPTY QUERY\"")
    void emptyQueries() throws Exception {
        int port = UdpPorts.free();
        try (LearnerProgram server = server(port, DICT); UdpPeer client = UdpPeer.open()) {
            expectReply(client, port, server, "", "EMPTY QUERY", Say.pick("\nThe datagram held no bytes at all.", "\n这个数据报一个字节也没有。"));
            expectReply(client, port, server, "   ", "EMPTY QUERY");
            expectReply(client, port, server, "\t\r\n", "EMPTY QUERY");
            expectReply(client, port, server, "\u3000", "EMPTY QUERY", Say.pick("\nThe datagram held one full-width space (U+3000), which String.strip() removes.", "\n这个数据报只有一个全角空格（U+3000），String.strip() 会去掉它。"));
            expectReply(client, port, server, "hello", "你好", Say.pick("\nThe server should still answer after the empty queries.", "\n收到空查询之后，服务器应该照常回答。"));
        }
    }

    @Test
    @DisplayName("bytes that are not UTF-8 are answered \"BAD QUERY\", and the server keeps answering")
    @Zh("不是 UTF-8 的字节回答 \"BAD QUERY\"，服务器继续回答")
    void badQueries() throws Exception {
        int port = UdpPorts.free();
        String hint = Say.pick("\nDecode with a strict decoder (StandardCharsets.UTF_8.newDecoder().decode(...) throws on bad bytes);"
                + " new String(bytes, UTF_8) quietly turns them into U+FFFD.", "\n要用严格的解码器解码（StandardCharsets.UTF_8.newDecoder()"
                + ".decode(...) 遇到坏字节会抛出异常）；new String(bytes, UTF_8) 会悄悄把它们变成 U+FFFD。");
        try (LearnerProgram server = server(port, DICT); UdpPeer client = UdpPeer.open()) {
            expectReply(client, port, server, bytes(0xff), "BAD QUERY", hint);
            expectReply(client, port, server, bytes('h', 'e', 'l', 'l', 'o', 0xff), "BAD QUERY", hint);
            expectReply(client, port, server, bytes(0xe4, 0xbd), "BAD QUERY", Say.pick("\nThe datagram held the first 2 of the 3 bytes of 你.", "\n这个数据报里是“你”的 3 个字节中的前 2 个。") + hint);
            expectReply(client, port, server, bytes(0xc0, 0xaf), "BAD QUERY", Say.pick("\nc0 af is an over-long encoding of \"/\", which UTF-8 forbids.", "\nc0 af 是 \"/\" 的超长编码，UTF-8 不允许这样编码。") + hint);
            expectReply(client, port, server, bytes(0xed, 0xa0, 0x80), "BAD QUERY", Say.pick("\ned a0 80 encodes a lone surrogate, which UTF-8 forbids.", "\ned a0 80 编码的是一个孤立的代理字符，UTF-8 不允许这样编码。") + hint);
            expectReply(client, port, server, "hello", "你好", Say.pick("\nThe server should still answer after the bad queries.", "\n收到错误的查询之后，服务器应该照常回答。"));
            expectReply(client, port, server, "苹果", "apple (a fruit)", Say.pick("\nThe server should still answer after the bad queries.", "\n收到错误的查询之后，服务器应该照常回答。"));
        }
    }

    @Test
    @DisplayName("several clients asking at once each get the answers to their own questions")
    @Zh("几个客户端同时查询，各自得到自己问题的回答")
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
                            expectReply(client, port, server, q[0], q[1], Say.pick("\n(" + questions.size() + " clients were asking at the same"
                                    + " time, each from its own port: reply to the address each datagram came from)", "\n（" + questions.size()
                                    + " 个客户端同时在查询，各自用自己的端口：要把回复发回每个数据报来的地址）"));
                        }
                    }
                }, runEach()));
            }
            for (CompletableFuture<Void> f : clients) {
                try {
                    f.get(30, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    Deadline.rethrowIfTodo(e.getCause());
                    throw e.getCause() instanceof AssertionError a ? a : Expect.fail(Say.pick("a client failed: ", "一个客户端出错了：") + e.getCause());
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
            throw Expect.fail(Say.pick("the test sent the datagram " + shown(query) + " to your server and " + e.getMessage()
                    + "; expected the reply " + Text.show(expected) + ".", "测试向你的服务器发送了数据报 " + shown(query) + "，"
                    + e.getMessage() + "；应该收到回复 " + Text.show(expected) + "。") + hint + "\n" + server.describeOutput());
        }
        String text;
        try {
            text = UTF_8.newDecoder().decode(ByteBuffer.wrap(reply)).toString();
        } catch (CharacterCodingException e) {
            throw Expect.fail(Say.pick("your server's reply to " + shown(query) + " is not UTF-8: ", "你的服务器对 " + shown(query)
                    + " 的回复不是 UTF-8：") + Text.show(reply) + hint);
        }
        if (!expected.equals(text)) {
            throw Expect.fail(Say.pick("your server's reply to the datagram " + shown(query) + " should be " + Text.show(expected)
                    + " but was " + showReply(text) + ".", "你的服务器对数据报 " + shown(query) + " 的回复应该是 " + Text.show(expected)
                    + "，但实际是 " + showReply(text) + "。") + hint);
        }
    }

    /** A reply, with a long run of NUL characters (a whole receive buffer decoded) summed up rather than shown. */
    private static String showReply(String reply) {
        long nuls = reply.chars().filter(c -> c == 0).count();
        if (nuls < 8) {
            return Text.show(reply);
        }
        return Text.show(reply.replace("\0", "")) + Say.pick(" followed by " + nuls + " NUL characters (\\u0000): only the first"
                + " packet.getLength() bytes of the receive buffer belong to the datagram", "，后面跟着 " + nuls + " 个 NUL 字符（\\u0000）："
                + "接收缓冲区里只有前 packet.getLength() 个字节属于这个数据报");
    }

    private static String shown(byte[] query) {
        try {
            return Text.show(UTF_8.newDecoder().decode(ByteBuffer.wrap(query)).toString());
        } catch (CharacterCodingException e) {
            return Say.pick("of the bytes " + Uploads.hex(query) + " (not UTF-8)", Uploads.hex(query) + "（不是 UTF-8 的字节）");
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
