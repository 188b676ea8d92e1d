package day04;

import static java.nio.charset.StandardCharsets.UTF_8;

import grade.kit.Expect;
import grade.kit.LearnerProgram;
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
            throw Expect.fail("the test wanted to send " + what + ", but " + e.getMessage() + ". "
                    + (receiver.isAlive() ? "Your receiver is still running but no longer accepts connections."
                            : "Your receiver is no longer running: whatever goes wrong with one client, it must serve the next.")
                    + "\n" + receiver.describeOutput());
        }
    }

    /** Reads the receiver's one answer line, with the receiver's output in the message if none comes. */
    static String answer(TcpPeer conn, LearnerProgram receiver, String what) {
        try {
            return conn.readLine(REPLY);
        } catch (AssertionError e) {
            throw Expect.fail("after " + what + ", the test waited for your receiver's answer line (OK or ERR reason): "
                    + e.getMessage() + "\n" + receiver.describeOutput());
        }
    }

    /** After its answer the receiver closes the connection. */
    static void expectClosed(TcpPeer conn, LearnerProgram receiver, String what) {
        byte[] rest;
        try {
            rest = conn.readToEnd(Duration.ofSeconds(5));
        } catch (AssertionError e) {
            throw Expect.fail("after answering " + what + " your receiver should close the connection: " + e.getMessage()
                    + "\n" + receiver.describeOutput());
        }
        Expect.that(rest.length == 0, "after its answer line to " + what + " your receiver sent more: " + Text.show(rest)
                + "; it should answer exactly one line and close.\n" + receiver.describeOutput());
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
        String context = "\n(the upload is: 2 bytes of name length, big-endian; the name in UTF-8; 8 bytes of content length,"
                + " big-endian; the content)\n";
        byte[] lenBytes = read(conn, sender, 2, "the 2 bytes of the name's length", context);
        int nameLength = ((lenBytes[0] & 0xff) << 8) | (lenBytes[1] & 0xff);
        if (nameLength != nameBytes.length) {
            String why;
            if (nameLength == expectedName.length() && expectedName.length() != nameBytes.length) {
                why = " That is the name's length in characters; the protocol counts bytes (a Chinese character is 3 bytes in UTF-8).";
            } else if (printable(lenBytes)) {
                why = " Those look like the first letters of the name itself: the name must come after its length"
                        + " (sending the name bare and sleeping, as the course's first sender did, leaves the receiver guessing"
                        + " where the name ends).";
            } else {
                why = "";
            }
            throw Expect.fail("your sender should start the upload of " + Text.show(expectedName) + " with its name's length: "
                    + nameBytes.length + " bytes, sent as the 2 bytes " + hex(ByteBuffer.allocate(2).putShort((short) nameBytes.length).array())
                    + ", but it sent " + hex(lenBytes) + " (" + nameLength + ")." + why + context + sender.describeOutput());
        }
        byte[] name = read(conn, sender, nameLength, "the " + nameLength + " bytes of the name", context);
        Expect.that(java.util.Arrays.equals(name, nameBytes), "your sender should send the file's base name "
                + Text.show(expectedName) + " (UTF-8), but sent " + Text.show(name) + context + sender.describeOutput());
        byte[] lengthBytes = read(conn, sender, 8, "the 8 bytes of the content length", context);
        long length = ByteBuffer.wrap(lengthBytes).getLong();
        Expect.that(length == expectedContent.length, "after the name, your sender should send the content length "
                + expectedContent.length + " as 8 bytes, big-endian (" + hex(ByteBuffer.allocate(8).putLong(expectedContent.length).array())
                + "), but it sent " + hex(lengthBytes) + " (" + length + ")" + context + sender.describeOutput());
        byte[] content = read(conn, sender, expectedContent.length, "the " + expectedContent.length + " bytes of content", context);
        String expectedSha = sha256(expectedContent);
        String sha = sha256(content);
        if (!sha.equals(expectedSha)) {
            int i = java.util.Arrays.mismatch(content, expectedContent);
            throw Expect.fail("the content your sender sent differs from the file's: SHA-256 " + sha + " instead of "
                    + expectedSha + ", first different byte at offset " + i + ". Send the file's bytes as they are"
                    + " (read them as bytes, not as text).\n" + sender.describeOutput());
        }
        return new Received(new String(name, UTF_8), length, sha);
    }

    private static byte[] read(TcpPeer conn, LearnerProgram sender, int n, String what, String context) {
        try {
            return conn.readExactly(n, n > 1 << 20 ? BIG : REPLY);
        } catch (AssertionError e) {
            throw Expect.fail("the test's receiver was reading " + what + ": " + e.getMessage() + context + sender.describeOutput());
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
