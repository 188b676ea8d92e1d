package day04;

import static java.nio.charset.StandardCharsets.UTF_8;

import grade.kit.Expect;
import grade.kit.LearnerClass;
import grade.kit.StaticMethod;
import grade.kit.TcpPeer;
import grade.kit.Text;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("day04/framing")
class FramingTest {
    private static final int MAX_FRAME = 16 * 1024 * 1024;
    /** What a reader may allocate while refusing a header: a little, never the announced length. */
    private static final long ALLOCATION_LIMIT = 4L * 1024 * 1024;
    private static final Duration PROMPT = Duration.ofSeconds(3);
    private static final Duration PATIENT = Duration.ofSeconds(5);

    private static LearnerClass framing() {
        return LearnerClass.of("day04.Framing");
    }

    private static StaticMethod writeFrame() {
        return framing().staticMethod(void.class, "writeFrame", OutputStream.class, byte[].class);
    }

    private static StaticMethod readFrame() {
        return framing().staticMethod(byte[].class, "readFrame", InputStream.class);
    }

    // ---- writeFrame ------------------------------------------------------------------------

    @Test
    @DisplayName("MAX_FRAME is 16 MiB (16 * 1024 * 1024)")
    void maxFrame() {
        Expect.equal("Framing.MAX_FRAME", MAX_FRAME, framing().constant(int.class, "MAX_FRAME"));
    }

    @Test
    @DisplayName("writeFrame writes a 4-byte big-endian length, then the payload")
    void writeFrameFormat() {
        StaticMethod write = writeFrame();
        expectWritten(write, "\"hello\"", utf8("hello"));
        expectWritten(write, "\"你好\" (6 bytes in UTF-8)", utf8("你好"));
        byte[] three = new byte[300];
        Arrays.fill(three, (byte) 'x');
        expectWritten(write, "300 bytes", three);
        expectWritten(write, "an empty payload", new byte[0]);
    }

    @Test
    @DisplayName("writeFrame takes a payload of exactly MAX_FRAME bytes and refuses a bigger one with IllegalArgumentException, writing nothing")
    void writeFrameLimit() {
        StaticMethod write = writeFrame();
        Streams.CountingOutputStream out = new Streams.CountingOutputStream(8);
        write.call(out, new byte[MAX_FRAME]);
        Expect.equal("bytes written by writeFrame for a payload of MAX_FRAME bytes (4 + MAX_FRAME)", 4L + MAX_FRAME, out.count());
        Expect.equal("the header written for a payload of MAX_FRAME bytes", "01000000", Text.hex(Arrays.copyOf(out.head(), 4), 4));

        Streams.CountingOutputStream refused = new Streams.CountingOutputStream(8);
        Throwable t = thrown(() -> write.call(refused, new byte[MAX_FRAME + 1]));
        Expect.that(t != null, "writeFrame(out, payload) with a payload of MAX_FRAME + 1 bytes returned normally;"
                + " it should throw IllegalArgumentException (the reader would refuse such a frame)");
        Deadline.rethrowIfTodo(t);
        Expect.that(t instanceof IllegalArgumentException, "writeFrame with a payload of MAX_FRAME + 1 bytes should throw"
                + " IllegalArgumentException, but it threw " + t);
        Expect.equal("bytes written before writeFrame refused a payload of MAX_FRAME + 1 bytes (check first, so the stream"
                + " never holds half a frame)", 0L, refused.count());
    }

    // ---- readFrame on streams ---------------------------------------------------------------

    @Test
    @DisplayName("readFrame reads several frames that came in one piece, each whole, then null at the end")
    void readFrameSeveral() {
        byte[] random = randomBytes(300, 1);
        List<byte[]> payloads = List.of(utf8("one"), utf8("二三"), random, utf8("four"));
        byte[] stream = frames(payloads);
        expectFrames("readFrame called again and again on a stream holding 4 frames back to back",
                payloads, readAll(new ByteArrayInputStream(stream), PATIENT, () -> { }));
    }

    @Test
    @DisplayName("a zero-length frame is an empty array, not null (null means the stream ended)")
    void zeroLength() {
        List<byte[]> payloads = List.of(new byte[0], utf8("hi"), new byte[0]);
        expectFrames("readFrame on a stream holding an empty frame, \"hi\", and another empty frame",
                payloads, readAll(new ByteArrayInputStream(frames(payloads)), PATIENT, () -> { }));
    }

    @Test
    @DisplayName("readFrame gets every frame whole when each read() returns only one byte")
    void oneByteAtATime() {
        List<byte[]> payloads = List.of(utf8("hello"), utf8("你好"), new byte[0], randomBytes(1000, 2));
        expectFrames("readFrame on a stream whose every read returns a single byte (a whole frame needs many reads)",
                payloads, readAll(new Streams.TrickleStream(frames(payloads)), PATIENT, () -> { }));
    }

    @Test
    @DisplayName("the end of the stream inside a frame throws EOFException")
    void endInsideFrame() {
        StaticMethod read = readFrame();
        expectEof(read, "2 bytes of a header", new byte[] {0, 0});
        expectEof(read, "3 bytes of a header", new byte[] {0, 0, 0});
        expectEof(read, "a header announcing 5 bytes and only 2 of them", new byte[] {0, 0, 0, 5, 'a', 'b'});
        expectEof(read, "a header announcing 1 byte and nothing after it", new byte[] {0, 0, 0, 1});
    }

    @Test
    @DisplayName("a negative length throws IOException at once")
    void negativeLength() {
        StaticMethod read = readFrame();
        expectRefused(read, "ffffffff", "a length of -1");
        expectRefused(read, "80000000", "a length of -2147483648");
    }

    @Test
    @DisplayName("a header announcing MAX_FRAME + 1 bytes throws IOException at once, without waiting for them or allocating them")
    void overMaxFrame() {
        expectRefused(readFrame(), "01000001", "MAX_FRAME + 1 bytes");
    }

    @Test
    @DisplayName("a header announcing 0x7FFFFFFF bytes throws IOException at once, without waiting for them or allocating them")
    void hugeFrame() {
        expectRefused(readFrame(), "7fffffff", "0x7FFFFFFF bytes, 2 GiB");
    }

    @Test
    @DisplayName("a frame of exactly MAX_FRAME bytes is read whole")
    void exactlyMaxFrame() {
        byte[] payload = new byte[MAX_FRAME];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) (i * 31 + (i >>> 12));
        }
        expectFrames("readFrame on a stream holding one frame of exactly MAX_FRAME bytes", List.of(payload),
                readAll(new ByteArrayInputStream(frames(List.of(payload))), PATIENT, () -> { }));
    }

    // ---- over real TCP connections ------------------------------------------------------------

    @Test
    @DisplayName("over TCP: four frames sent in one write are read one by one, then null when the sender closes")
    void tcpOneWrite() {
        List<byte[]> payloads = List.of(utf8("first"), utf8("第二条"), new byte[0], randomBytes(5000, 3));
        try (SocketPair pair = SocketPair.open()) {
            pair.sending.send(frames(payloads));
            pair.sending.shutdownOutput();
            expectFrames("readFrame on a TCP connection where 4 frames arrived in a single write (粘包)", payloads,
                    readAll(inputOf(pair.receiving), PATIENT, pair.receiving::close));
        }
    }

    @Test
    @DisplayName("over TCP: frames sent one byte at a time, with pauses, are read whole")
    void tcpByteByByte() {
        List<byte[]> payloads = List.of(utf8("ab"), new byte[0], utf8("你好"));
        byte[] bytes = frames(payloads);
        List<byte[]> pieces = new ArrayList<>();
        for (byte b : bytes) {
            pieces.add(new byte[] {b});
        }
        try (SocketPair pair = SocketPair.open()) {
            CompletableFuture<Void> sent = sendInBackground(pair.sending, pieces, Duration.ofMillis(15));
            expectFrames("readFrame on a TCP connection delivering one byte at a time (" + bytes.length + " bytes in all)",
                    payloads, readAll(inputOf(pair.receiving), PATIENT, pair.receiving::close));
            join(sent);
        }
    }

    @Test
    @DisplayName("over TCP: a header split in two pieces, and a payload split from its header, are read whole")
    void tcpSplitHeader() {
        List<byte[]> payloads = List.of(utf8("hello"), utf8("世界"));
        byte[] bytes = frames(payloads);
        // [00 00] [00 05 'h'] ['ello' 00 00 00] [06] [e4 b8 96 e7] [95 8c]
        List<byte[]> pieces = List.of(Arrays.copyOfRange(bytes, 0, 2), Arrays.copyOfRange(bytes, 2, 5),
                Arrays.copyOfRange(bytes, 5, 12), Arrays.copyOfRange(bytes, 12, 13), Arrays.copyOfRange(bytes, 13, 17),
                Arrays.copyOfRange(bytes, 17, bytes.length));
        try (SocketPair pair = SocketPair.open()) {
            CompletableFuture<Void> sent = sendInBackground(pair.sending, pieces, Duration.ofMillis(200));
            expectFrames("readFrame on a TCP connection delivering 2 frames in 6 pieces, split inside the headers"
                    + " and inside a Chinese character", payloads, readAll(inputOf(pair.receiving), PATIENT, pair.receiving::close));
            join(sent);
        }
    }

    @Test
    @DisplayName("over TCP: what writeFrame sends, readFrame reads back, frame by frame")
    void tcpRoundTrip() {
        StaticMethod write = writeFrame();
        List<byte[]> payloads = List.of(utf8("hello"), utf8("你好，世界"), new byte[0], randomBytes(200 * 1024, 4));
        try (SocketPair pair = SocketPair.open()) {
            CompletableFuture<Throwable> written = CompletableFuture.supplyAsync(() -> {
                try {
                    OutputStream out = pair.sending.socket().getOutputStream();
                    for (byte[] p : payloads) {
                        write.call(out, p);
                    }
                    pair.sending.shutdownOutput();
                    return null;
                } catch (Throwable t) {
                    try {
                        pair.sending.socket().shutdownOutput(); // so the reader is not left waiting
                    } catch (IOException e) {
                        // closed either way
                    }
                    return t;
                }
            });
            Deadline.Outcome<List<byte[]>> read = readAll(inputOf(pair.receiving), PATIENT, pair.receiving::close);
            Throwable t;
            try {
                t = written.get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                t = null; // still writing after the reader gave up: the reader's verdict says why
            }
            if (t != null) {
                Deadline.rethrowIfTodo(t);
                Expect.fail("writeFrame on a socket's OutputStream threw " + t);
            }
            expectFrames("readFrame reading what writeFrame wrote to a TCP connection (\"hello\", \"你好，世界\", an empty"
                    + " payload, 200 KiB of random bytes)", payloads, read);
        }
    }

    // ---- helpers ----------------------------------------------------------------------------

    private static void expectWritten(StaticMethod write, String what, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write.call(out, payload);
        byte[] got = out.toByteArray();
        byte[] header = ByteBuffer.allocate(4).putInt(payload.length).array();
        if (got.length < 4 || !Arrays.equals(header, Arrays.copyOf(got, 4))) {
            Expect.fail("writeFrame(out, " + what + ") should start with the header " + spaced(header) + " (the length "
                    + payload.length + " as 4 bytes, big-endian: the most significant byte first), but it wrote "
                    + got.length + " bytes beginning " + spaced(Arrays.copyOf(got, Math.min(got.length, 8))));
        }
        Expect.equal("the number of bytes writeFrame(out, " + what + ") wrote (4 + " + payload.length + ")",
                4 + payload.length, got.length);
        Expect.sameBytes("the payload written after the header by writeFrame(out, " + what + ")", payload,
                Arrays.copyOfRange(got, 4, got.length));
    }

    /** Calls readFrame until it returns null (at most 20 frames), on a thread of its own, with a deadline. */
    private static Deadline.Outcome<List<byte[]>> readAll(InputStream in, Duration limit, Runnable unblock) {
        StaticMethod read = readFrame();
        List<byte[]> got = java.util.Collections.synchronizedList(new ArrayList<>());
        Deadline.Outcome<List<byte[]>> o = Deadline.call(limit, () -> {
            for (int i = 0; i <= 20; i++) {
                byte[] frame = read.call(in);
                if (frame == null) {
                    return got;
                }
                got.add(frame);
            }
            return got;
        }, unblock);
        if (!o.finished()) {
            // what was read before it got stuck helps the message
            return new Deadline.Outcome<>(false, new ArrayList<>(got), null, -1);
        }
        return o.thrown() != null ? new Deadline.Outcome<>(true, new ArrayList<>(got), o.thrown(), o.allocatedBytes()) : o;
    }

    private static void expectFrames(String what, List<byte[]> expected, Deadline.Outcome<List<byte[]>> o) {
        List<byte[]> got = o.value() == null ? List.of() : o.value();
        if (!o.finished()) {
            Expect.fail(what + ": readFrame was still waiting after " + PATIENT.toSeconds() + " s, having returned "
                    + describe(got) + " of " + frameCount(expected.size()) + " " + describe(expected) + ". Read until you have"
                    + " all 4 header bytes, then until you have the whole payload: one read() may return fewer bytes"
                    + " than you asked for.");
        }
        if (o.thrown() != null) {
            Deadline.rethrowIfTodo(o.thrown());
            Expect.fail(what + ": readFrame threw " + o.thrown() + " after returning " + describe(got) + "; expected " + frameCount(expected.size()) + " "
                    + describe(expected) + " and then null");
        }
        for (int i = 0; i < Math.min(expected.size(), got.size()); i++) {
            if (!Arrays.equals(expected.get(i), got.get(i))) {
                Expect.fail(what + ": frame " + (i + 1) + " should be " + Text.show(expected.get(i)) + " but readFrame returned "
                        + Text.show(got.get(i)) + ".\nAll frames returned: " + describe(got) + "\nexpected: " + describe(expected));
            }
        }
        if (got.size() < expected.size()) {
            Expect.fail(what + ": readFrame returned null after " + frameCount(got.size()) + " " + describe(got)
                    + ", but " + frameCount(expected.size()) + " were sent: " + describe(expected)
                    + (expected.get(got.size()).length == 0 ? ". An empty frame is an empty array; null means the stream ended" : ""));
        }
        if (got.size() > expected.size()) {
            Expect.fail(what + ": after the " + expected.size() + " frames readFrame should return null at the end of the"
                    + " stream, but it returned more: " + describe(got));
        }
    }

    private static void expectEof(StaticMethod read, String what, byte[] stream) {
        Deadline.Outcome<byte[]> o = Deadline.call(PROMPT, () -> read.call(new ByteArrayInputStream(stream)), () -> { });
        String call = "readFrame on a stream that ends after " + what + " (" + spaced(stream) + ")";
        if (!o.finished()) {
            Expect.fail(call + " was still running after " + PROMPT.toSeconds() + " s; it should throw EOFException"
                    + " (read() returns -1 at the end of the stream: stop there)");
        }
        if (o.thrown() == null) {
            Expect.fail(call + " returned " + Text.show(o.value()) + "; it should throw java.io.EOFException: the stream ended inside a frame"
                    + (o.value() == null ? " (null is only for an end before a frame starts)" : ""));
        }
        Deadline.rethrowIfTodo(o.thrown());
        Expect.that(o.thrown() instanceof EOFException, call + " should throw java.io.EOFException but threw " + o.thrown());
    }

    /** A header on a stream that then stays open: readFrame must refuse it at once, allocating nothing big. */
    private static void expectRefused(StaticMethod read, String headerHex, String what) {
        byte[] header = java.util.HexFormat.of().parseHex(headerHex);
        byte[] stream = ByteBuffer.allocate(7).put(header).put(utf8("abc")).array();
        Streams.OpenStream in = new Streams.OpenStream(stream, 4096);
        Deadline.Outcome<byte[]> o = Deadline.call(PROMPT, () -> read.call(in), in::close);
        String call = "readFrame on a stream holding the header " + spaced(header) + " (" + what + ") and 3 more bytes,"
                + " which then stays open";
        if (!o.finished()) {
            Expect.fail(call + " was still waiting after " + PROMPT.toSeconds() + " s. Check the length as soon as the"
                    + " header is read and throw IOException when it is negative or over MAX_FRAME; the bytes it"
                    + " announces may never come.");
        }
        if (o.thrown() == null) {
            Expect.fail(call + " returned " + Text.show(o.value()) + "; it should throw IOException");
        }
        Deadline.rethrowIfTodo(o.thrown());
        Expect.that(o.thrown() instanceof IOException, call + " should throw IOException but threw " + o.thrown()
                + (o.thrown() instanceof OutOfMemoryError || o.thrown() instanceof NegativeArraySizeException
                        ? " (it allocated the announced length before checking it)" : ""));
        Expect.that(o.allocatedBytes() < ALLOCATION_LIMIT, call + " threw " + o.thrown() + " as it should, but first"
                + " allocated " + o.allocatedBytes() + " bytes: check the length before you allocate a buffer for it");
    }

    private static Throwable thrown(Runnable r) {
        try {
            r.run();
            return null;
        } catch (Throwable t) {
            return t;
        }
    }

    private static CompletableFuture<Void> sendInBackground(TcpPeer peer, List<byte[]> pieces, Duration pause) {
        return CompletableFuture.runAsync(() -> {
            for (byte[] piece : pieces) {
                peer.send(piece);
                sleep(pause);
            }
            peer.shutdownOutput();
        });
    }

    private static void join(CompletableFuture<Void> sent) {
        try {
            sent.get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            // the reader's verdict came first; a send that failed afterwards changes nothing
        }
    }

    private static InputStream inputOf(TcpPeer peer) {
        try {
            return peer.socket().getInputStream();
        } catch (IOException e) {
            throw Expect.fail("could not read the test's own socket: " + e.getMessage());
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static byte[] frames(List<byte[]> payloads) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : payloads) {
            out.writeBytes(ByteBuffer.allocate(4).putInt(p.length).array());
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static String describe(List<byte[]> frames) {
        StringBuilder sb = new StringBuilder("[");
        for (byte[] f : frames) {
            sb.append(sb.length() > 1 ? ", " : "").append(Text.show(f));
            if (sb.length() > 900) {
                sb.append(", …");
                break;
            }
        }
        return sb.append(']').toString();
    }

    private static String frameCount(int n) {
        return n + (n == 1 ? " frame" : " frames");
    }

    private static String spaced(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            sb.append(sb.length() > 0 ? " " : "").append(String.format("%02x", b & 0xff));
        }
        return sb.length() == 0 ? "(nothing)" : sb.toString();
    }

    private static byte[] randomBytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(UTF_8);
    }
}
