package day04;

import static java.nio.charset.StandardCharsets.UTF_8;

import grade.kit.Expect;
import grade.kit.LearnerProgram;
import grade.kit.Say;
import grade.kit.TcpPeer;
import grade.kit.Text;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;

/**
 * The tests' own implementation of both sides of the file-transfer protocol: a 2-byte big-endian
 * name length, the name in UTF-8, an 8-byte big-endian content length, the content; the answer
 * is one line, {@code OK} or {@code ERR reason}.
 */
final class Uploads {
    static final Duration REPLY = Duration.ofSeconds(10);
    static final Duration BIG = Duration.ofSeconds(30);

    private Uploads() {
    }

    /** The bytes before the content: name length, name, content length. */
    static byte[] header(byte[] name, long length) {
        return ByteBuffer.allocate(2 + name.length + 8).putShort((short) name.length).put(name).putLong(length).array();
    }

    static byte[] header(String name, long length) {
        return header(name.getBytes(UTF_8), length);
    }

    /** A whole upload of {@code content} under {@code name}. */
    static byte[] upload(byte[] name, byte[] content) {
        return ByteBuffer.allocate(2 + name.length + 8 + content.length).put(header(name, content.length)).put(content).array();
    }

    static byte[] upload(String name, byte[] content) {
        return upload(name.getBytes(UTF_8), content);
    }

    /**
     * The tests' sender: sends a whole upload to the learner's receiver and returns its answer
     * line, after checking that the receiver then closes the connection.
     */
    static String send(int port, LearnerProgram receiver, String what, byte[] upload) {
        try (TcpPeer conn = connect(port, receiver, what)) {
            // sent on another thread: a receiver that stops reading must not hang the test
            java.util.concurrent.CompletableFuture<Void> sent = conn.sendInBackground(upload);
            String answer = answer(conn, receiver, what);
            expectClosed(conn, receiver, what);
            try {
                sent.get(5, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                // the receiver answered and closed before taking every byte; its answer was judged already
            }
            return answer;
        }
    }

    /** Connects to the learner's receiver, saying whether it is still running if that fails. */
    static TcpPeer connect(int port, LearnerProgram receiver, String what) {
        try {
            return TcpPeer.connect(port);
        } catch (AssertionError e) {
            throw Expect.fail(Say.pick("the test wanted to send " + what + ", but " + e.getMessage() + ". ",
                    "测试想发送" + what + "，但是" + e.getMessage() + "。")
                    + (receiver.isAlive() ? Say.pick("Your receiver is still running but no longer accepts connections.",
                            "你的接收端还在运行，但不再接受连接了。")
                            : Say.pick("Your receiver is no longer running: whatever goes wrong with one client, it must serve the next.",
                            "你的接收端已经不在运行了：不管一个客户端出了什么问题，它都必须服务下一个。"))
                    + "\n" + receiver.describeOutput());
        }
    }

    /** Reads the receiver's one answer line, with the receiver's output in the message if none comes. */
    static String answer(TcpPeer conn, LearnerProgram receiver, String what) {
        try {
            return conn.readLine(REPLY);
        } catch (AssertionError e) {
            throw Expect.fail(Say.pick("after " + what + ", the test waited for your receiver's answer line (OK or ERR reason): ",
                    "发送" + what + "之后，测试等待你的接收端回答的那一行（OK 或 ERR 原因）：") + e.getMessage() + "\n" + receiver.describeOutput());
        }
    }

    /** After its answer the receiver closes the connection. */
    static void expectClosed(TcpPeer conn, LearnerProgram receiver, String what) {
        byte[] rest;
        try {
            rest = conn.readToEnd(Duration.ofSeconds(5));
        } catch (AssertionError e) {
            throw Expect.fail(Say.pick("after answering " + what + " your receiver should close the connection: ",
                    "回答" + what + "之后，你的接收端应该关闭连接：") + e.getMessage()
                    + "\n" + receiver.describeOutput());
        }
        Expect.that(rest.length == 0, Say.pick("after its answer line to " + what + " your receiver sent more: " + Text.show(rest)
                + "; it should answer exactly one line and close.\n", "对" + what + "回答了一行之后，你的接收端又发送了 " + Text.show(rest)
                + "；它应该只回答一行，然后关闭连接。\n") + receiver.describeOutput());
    }

    /** What the tests' receiver got from a learner's sender. */
    record Received(String name, long length, String sha256) {
    }

    /**
     * The tests' receiver: reads one upload from the learner's sender, checking each field as it
     * comes against what the sender should send, so a mistake is named where it happens.
     */
    static Received receive(TcpPeer conn, LearnerProgram sender, String expectedName, byte[] expectedContent) {
        byte[] nameBytes = expectedName.getBytes(UTF_8);
        String context = Say.pick("\n(the upload is: 2 bytes of name length, big-endian; the name in UTF-8; 8 bytes of content length,"
                + " big-endian; the content)\n", "\n（上传的格式：2 字节的文件名长度，大端序；UTF-8 的文件名；8 字节的内容长度，大端序；内容）\n");
        byte[] lenBytes = read(conn, sender, 2, Say.pick("the 2 bytes of the name's length", "文件名长度的 2 个字节"), context);
        int nameLength = ((lenBytes[0] & 0xff) << 8) | (lenBytes[1] & 0xff);
        if (nameLength != nameBytes.length) {
            String why;
            if (nameLength == expectedName.length() && expectedName.length() != nameBytes.length) {
                why = Say.pick(" That is the name's length in characters; the protocol counts bytes (a Chinese character is 3 bytes in UTF-8).",
                        "这是文件名的字符数；协议数的是字节数（一个汉字在 UTF-8 中占 3 个字节）。");
            } else if (printable(lenBytes)) {
                why = Say.pick(" Those look like the first letters of the name itself: the name must come after its length"
                        + " (sending the name bare and sleeping, as the course's first sender did, leaves the receiver guessing"
                        + " where the name ends).", "这看起来是文件名本身的开头几个字母：文件名必须在它的长度之后发送"
                        + "（像课上第一个发送端那样直接发送文件名再 sleep，接收端只能去猜文件名在哪里结束）。");
            } else {
                why = "";
            }
            String wanted = hex(ByteBuffer.allocate(2).putShort((short) nameBytes.length).array());
            throw Expect.fail(Say.pick("your sender should start the upload of " + Text.show(expectedName) + " with its name's length: "
                    + nameBytes.length + " bytes, sent as the 2 bytes " + wanted + ", but it sent " + hex(lenBytes) + " (" + nameLength + ").",
                    "你的发送端上传 " + Text.show(expectedName) + " 时，应该先发送文件名的长度：" + nameBytes.length + " 个字节，即 2 个字节 "
                    + wanted + "，但它发送的是 " + hex(lenBytes) + "（" + nameLength + "）。") + why + context + sender.describeOutput());
        }
        byte[] name = read(conn, sender, nameLength, Say.pick("the " + nameLength + " bytes of the name", "文件名的 " + nameLength + " 个字节"),
                context);
        Expect.that(java.util.Arrays.equals(name, nameBytes), Say.pick("your sender should send the file's base name "
                + Text.show(expectedName) + " (UTF-8), but sent ", "你的发送端应该发送文件的基本名 " + Text.show(expectedName)
                + "（UTF-8），但发送的是 ") + Text.show(name) + context + sender.describeOutput());
        byte[] lengthBytes = read(conn, sender, 8, Say.pick("the 8 bytes of the content length", "内容长度的 8 个字节"), context);
        long length = ByteBuffer.wrap(lengthBytes).getLong();
        String wanted = hex(ByteBuffer.allocate(8).putLong(expectedContent.length).array());
        Expect.that(length == expectedContent.length, Say.pick("after the name, your sender should send the content length "
                + expectedContent.length + " as 8 bytes, big-endian (" + wanted + "), but it sent " + hex(lengthBytes) + " (" + length + ")",
                "在文件名之后，你的发送端应该以 8 个字节、大端序发送内容长度 " + expectedContent.length + "（" + wanted + "），但它发送的是 "
                + hex(lengthBytes) + "（" + length + "）") + context + sender.describeOutput());
        byte[] content = read(conn, sender, expectedContent.length, Say.pick("the " + expectedContent.length + " bytes of content",
                "内容的 " + expectedContent.length + " 个字节"), context);
        String expectedSha = sha256(expectedContent);
        String sha = sha256(content);
        if (!sha.equals(expectedSha)) {
            int i = java.util.Arrays.mismatch(content, expectedContent);
            throw Expect.fail(Say.pick("the content your sender sent differs from the file's: SHA-256 " + sha + " instead of "
                    + expectedSha + ", first different byte at offset " + i + ". Send the file's bytes as they are"
                    + " (read them as bytes, not as text).\n", "你的发送端发送的内容和文件的不一样：SHA-256 是 " + sha + "，而不是 "
                    + expectedSha + "，第一个不同的字节在偏移量 " + i + " 处。要原样发送文件的字节（按字节读，不要按文本读）。\n")
                    + sender.describeOutput());
        }
        return new Received(new String(name, UTF_8), length, sha);
    }

    private static byte[] read(TcpPeer conn, LearnerProgram sender, int n, String what, String context) {
        try {
            return conn.readExactly(n, n > 1 << 20 ? BIG : REPLY);
        } catch (AssertionError e) {
            throw Expect.fail(Say.pick("the test's receiver was reading " + what + ": ", "测试的接收端正在读取" + what + "：") + e.getMessage()
                    + context + sender.describeOutput());
        }
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] randomBytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            sb.append(sb.length() > 0 ? " " : "").append(String.format("%02x", x & 0xff));
        }
        return sb.toString();
    }

    private static boolean printable(byte[] b) {
        for (byte x : b) {
            if (x < 0x20 || x > 0x7e) {
                return false;
            }
        }
        return true;
    }
}
