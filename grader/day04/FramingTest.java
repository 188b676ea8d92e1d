package day04;

import static java.nio.charset.StandardCharsets.UTF_8;

import grade.kit.Expect;
import grade.kit.LearnerClass;
import grade.kit.Say;
import grade.kit.StaticMethod;
import grade.kit.TcpPeer;
import grade.kit.Text;
import grade.kit.Zh;
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
    @Zh("MAX_FRAME 是 16 MiB（16 * 1024 * 1024）")
    void maxFrame() {
        Expect.equal("Framing.MAX_FRAME", MAX_FRAME, framing().constant(int.class, "MAX_FRAME"));
    }

    @Test
    @DisplayName("writeFrame writes a 4-byte big-endian length, then the payload")
    @Zh("writeFrame 先写 4 字节大端序的长度，再写内容")
    void writeFrameFormat() {
        StaticMethod write = writeFrame();
        expectWritten(write, "\"hello\"", utf8("hello"));
        expectWritten(write, Say.pick("\"你好\" (6 bytes in UTF-8)", "\"你好\"（UTF-8 下 6 个字节）"), utf8("你好"));
        byte[] three = new byte[300];
        Arrays.fill(three, (byte) 'x');
        expectWritten(write, Say.pick("300 bytes", "300 个字节"), three);
        expectWritten(write, Say.pick("an empty payload", "空内容"), new byte[0]);
    }

    @Test
    @DisplayName("writeFrame takes a payload of exactly MAX_FRAME bytes and refuses a bigger one with IllegalArgumentException, writing nothing")
    @Zh("writeFrame 接受正好 MAX_FRAME 字节的内容，更大的内容抛出 IllegalArgumentException 拒绝，什么都不写")
    void writeFrameLimit() {
        StaticMethod write = writeFrame();
        Streams.CountingOutputStream out = new Streams.CountingOutputStream(8);
        write.call(out, new byte[MAX_FRAME]);
        Expect.equal(Say.pick("bytes written by writeFrame for a payload of MAX_FRAME bytes (4 + MAX_FRAME)", "内容为 MAX_FRAME 字节时 writeFrame 写出的字节数（4 + MAX_FRAME）"), 4L + MAX_FRAME, out.count());
        Expect.equal(Say.pick("the header written for a payload of MAX_FRAME bytes", "内容为 MAX_FRAME 字节时写出的头部"), "01000000", Text.hex(Arrays.copyOf(out.head(), 4), 4));

        Streams.CountingOutputStream refused = new Streams.CountingOutputStream(8);
        Throwable t = thrown(() -> write.call(refused, new byte[MAX_FRAME + 1]));
        Expect.that(t != null, Say.pick("writeFrame(out, payload) with a payload of MAX_FRAME + 1 bytes returned normally;"
                + " it should throw IllegalArgumentException (the reader would refuse such a frame)",
                "内容为 MAX_FRAME + 1 字节时 writeFrame(out, payload) 正常返回了；它应该抛出 IllegalArgumentException（接收端会拒绝这样的帧）"));
        Deadline.rethrowIfTodo(t);
        Expect.that(t instanceof IllegalArgumentException, Say.pick("writeFrame with a payload of MAX_FRAME + 1 bytes should throw"
                + " IllegalArgumentException, but it threw ", "内容为 MAX_FRAME + 1 字节时 writeFrame 应该抛出 IllegalArgumentException，但它抛出的是 ")
                + t);
        Expect.equal(Say.pick("bytes written before writeFrame refused a payload of MAX_FRAME + 1 bytes (check first, so the stream"
                + " never holds half a frame)", "writeFrame 拒绝 MAX_FRAME + 1 字节的内容之前写出的字节数（要先检查，流里才不会留下半帧）"),
                0L, refused.count());
    }

    // ---- readFrame on streams ---------------------------------------------------------------

    @Test
    @DisplayName("readFrame reads several frames that came in one piece, each whole, then null at the end")
    @Zh("readFrame 把一次到达的几帧逐帧完整读出，最后返回 null")
    void readFrameSeveral() {
        byte[] random = randomBytes(300, 1);
        List<byte[]> payloads = List.of(utf8("one"), utf8("二三"), random, utf8("four"));
        byte[] stream = frames(payloads);
        expectFrames(Say.pick("readFrame called again and again on a stream holding 4 frames back to back", "在紧挨着放了 4 帧的流上反复调用 readFrame"),
                payloads, readAll(new ByteArrayInputStream(stream), PATIENT, () -> { }));
    }

    @Test
    @DisplayName("a zero-length frame is an empty array, not null (null means the stream ended)")
    @Zh("长度为 0 的帧是空数组，不是 null（null 表示流结束了）")
    void zeroLength() {
        List<byte[]> payloads = List.of(new byte[0], utf8("hi"), new byte[0]);
        expectFrames(Say.pick("readFrame on a stream holding an empty frame, \"hi\", and another empty frame", "在依次放着一个空帧、\"hi\"、又一个空帧的流上调用 readFrame"),
                payloads, readAll(new ByteArrayInputStream(frames(payloads)), PATIENT, () -> { }));
    }

    @Test
    @DisplayName("readFrame gets every frame whole when each read() returns only one byte")
    @Zh("每次 read() 只返回一个字节时，readFrame 也能读出完整的每一帧")
    void oneByteAtATime() {
        List<byte[]> payloads = List.of(utf8("hello"), utf8("你好"), new byte[0], randomBytes(1000, 2));
        expectFrames(Say.pick("readFrame on a stream whose every read returns a single byte (a whole frame needs many reads)", "在每次读取只返回一个字节的流上调用 readFrame（一整帧要读很多次）"),
                payloads, readAll(new Streams.TrickleStream(frames(payloads)), PATIENT, () -> { }));
    }

    @Test
    @DisplayName("the end of the stream inside a frame throws EOFException")
    @Zh("流在一帧的中间结束时抛出 EOFException")
    void endInsideFrame() {
        StaticMethod read = readFrame();
        expectEof(read, Say.pick("2 bytes of a header", "头部的 2 个字节"), new byte[] {0, 0});
        expectEof(read, Say.pick("3 bytes of a header", "头部的 3 个字节"), new byte[] {0, 0, 0});
        expectEof(read, Say.pick("a header announcing 5 bytes and only 2 of them", "给出 5 字节的头部和其中的 2 个字节"), new byte[] {0, 0, 0, 5, 'a', 'b'});
        expectEof(read, Say.pick("a header announcing 1 byte and nothing after it", "给出 1 字节的头部，后面什么都没有"), new byte[] {0, 0, 0, 1});
    }

    @Test
    @DisplayName("a negative length throws IOException at once")
    @Zh("长度为负数时立即抛出 IOException")
    void negativeLength() {
        StaticMethod read = readFrame();
        expectRefused(read, "ffffffff", Say.pick("a length of -1", "长度 -1"));
        expectRefused(read, "80000000", Say.pick("a length of -2147483648", "长度 -2147483648"));
    }

    @Test
    @DisplayName("a header announcing MAX_FRAME + 1 bytes throws IOException at once, without waiting for them or allocating them")
    @Zh("头部给出 MAX_FRAME + 1 字节时立即抛出 IOException，不等这些字节，也不为它们分配内存")
    void overMaxFrame() {
        expectRefused(readFrame(), "01000001", Say.pick("MAX_FRAME + 1 bytes", "MAX_FRAME + 1 字节"));
    }

    @Test
    @DisplayName("a header announcing 0x7FFFFFFF bytes throws IOException at once, without waiting for them or allocating them")
    @Zh("头部给出 0x7FFFFFFF 字节时立即抛出 IOException，不等这些字节，也不为它们分配内存")
    void hugeFrame() {
        expectRefused(readFrame(), "7fffffff", Say.pick("0x7FFFFFFF bytes, 2 GiB", "0x7FFFFFFF 字节，2 GiB"));
    }

    @Test
    @DisplayName("a frame of exactly MAX_FRAME bytes is read whole")
    @Zh("正好 MAX_FRAME 字节的帧被完整读出")
    void exactlyMaxFrame() {
        byte[] payload = new byte[MAX_FRAME];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) (i * 31 + (i >>> 12));
        }
        expectFrames(Say.pick("readFrame on a stream holding one frame of exactly MAX_FRAME bytes", "在放着一帧正好 MAX_FRAME 字节的流上调用 readFrame"), List.of(payload),
                readAll(new ByteArrayInputStream(frames(List.of(payload))), PATIENT, () -> { }));
    }

    // ---- over real TCP connections ------------------------------------------------------------

    @Test
    @DisplayName("over TCP: four frames sent in one write are read one by one, then null when the sender closes")
    @Zh("经过 TCP：一次写入发送的四帧被逐帧读出，发送端关闭后返回 null")
    void tcpOneWrite() {
        List<byte[]> payloads = List.of(utf8("first"), utf8("第二条"), new byte[0], randomBytes(5000, 3));
        try (SocketPair pair = SocketPair.open()) {
            pair.sending().send(frames(payloads));
            pair.sending().shutdownOutput();
            expectFrames(Say.pick("readFrame on a TCP connection where 4 frames arrived in a single write (粘包)", "在 4 帧由一次写入送来（粘包）的 TCP 连接上调用 readFrame"), payloads,
                    readAll(inputOf(pair.receiving()), PATIENT, pair.receiving()::close));
        }
    }

    @Test
    @DisplayName("over TCP: frames sent one byte at a time, with pauses, are read whole")
    @Zh("经过 TCP：一个字节一个字节、中间有停顿地发送的帧被完整读出")
    void tcpByteByByte() {
        List<byte[]> payloads = List.of(utf8("ab"), new byte[0], utf8("你好"));
        byte[] bytes = frames(payloads);
        List<byte[]> pieces = new ArrayList<>();
        for (byte b : bytes) {
            pieces.add(new byte[] {b});
        }
        try (SocketPair pair = SocketPair.open()) {
            CompletableFuture<Void> sent = sendInBackground(pair.sending(), pieces, Duration.ofMillis(15));
            expectFrames(Say.pick("readFrame on a TCP connection delivering one byte at a time (" + bytes.length + " bytes in all)",
                    "在每次只送来一个字节的 TCP 连接上调用 readFrame（一共 " + bytes.length + " 个字节）"),
                    payloads, readAll(inputOf(pair.receiving()), PATIENT, pair.receiving()::close));
            join(sent);
        }
    }

    @Test
    @DisplayName("over TCP: a header split in two pieces, and a payload split from its header, are read whole")
    @Zh("经过 TCP：被拆成两段的头部、和头部分开到达的内容，都被完整读出")
    void tcpSplitHeader() {
        List<byte[]> payloads = List.of(utf8("hello"), utf8("世界"));
        byte[] bytes = frames(payloads);
        // [00 00] [00 05 'h'] ['ello' 00 00 00] [06] [e4 b8 96 e7] [95 8c]
        List<byte[]> pieces = List.of(Arrays.copyOfRange(bytes, 0, 2), Arrays.copyOfRange(bytes, 2, 5),
                Arrays.copyOfRange(bytes, 5, 12), Arrays.copyOfRange(bytes, 12, 13), Arrays.copyOfRange(bytes, 13, 17),
                Arrays.copyOfRange(bytes, 17, bytes.length));
        try (SocketPair pair = SocketPair.open()) {
            CompletableFuture<Void> sent = sendInBackground(pair.sending(), pieces, Duration.ofMillis(200));
            expectFrames(Say.pick("readFrame on a TCP connection delivering 2 frames in 6 pieces, split inside the headers"
                    + " and inside a Chinese character", "在把 2 帧分成 6 段送来（在头部中间和一个汉字中间拆开）的 TCP 连接上调用 readFrame"), payloads, readAll(inputOf(pair.receiving()), PATIENT, pair.receiving()::close));
            join(sent);
        }
    }

    @Test
    @DisplayName("over TCP: what writeFrame sends, readFrame reads back, frame by frame")
    @Zh("经过 TCP：writeFrame 发送的内容，readFrame 逐帧读回")
    void tcpRoundTrip() {
        StaticMethod write = writeFrame();
        List<byte[]> payloads = List.of(utf8("hello"), utf8("你好，世界"), new byte[0], randomBytes(200 * 1024, 4));
        try (SocketPair pair = SocketPair.open()) {
            CompletableFuture<Throwable> written = CompletableFuture.supplyAsync(() -> {
                try {
                    OutputStream out = pair.sending().socket().getOutputStream();
                    for (byte[] p : payloads) {
                        write.call(out, p);
                    }
                    pair.sending().shutdownOutput();
                    return null;
                } catch (Throwable t) {
                    try {
                        pair.sending().socket().shutdownOutput(); // so the reader is not left waiting
                    } catch (IOException e) {
                        // closed either way
                    }
                    return t;
                }
            });
            Deadline.Outcome<List<byte[]>> read = readAll(inputOf(pair.receiving()), PATIENT, pair.receiving()::close);
            Throwable t;
            try {
                t = written.get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                t = null; // still writing after the reader gave up: the reader's verdict says why
            }
            if (t != null) {
                Deadline.rethrowIfTodo(t);
                Expect.fail(Say.pick("writeFrame on a socket's OutputStream threw ", "在套接字的 OutputStream 上调用 writeFrame 时抛出了 ") + t);
            }
            expectFrames(Say.pick("readFrame reading what writeFrame wrote to a TCP connection (\"hello\", \"你好，世界\", an empty"
                    + " payload, 200 KiB of random bytes)", "readFrame 读取 writeFrame 写到 TCP 连接上的内容（\"hello\"、\"你好，世界\"、空内容、"
                    + "200 KiB 随机字节）"), payloads, read);
        }
    }

    // ---- helpers ----------------------------------------------------------------------------

    private static void expectWritten(StaticMethod write, String what, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write.call(out, payload);
        byte[] got = out.toByteArray();
        byte[] header = ByteBuffer.allocate(4).putInt(payload.length).array();
        if (got.length < 4 || !Arrays.equals(header, Arrays.copyOf(got, 4))) {
            Expect.fail("writeFrame(out, " + what + ")" + Say.pick(" should start with the header " + spaced(header) + " (the length "
                    + payload.length + " as 4 bytes, big-endian: the most significant byte first), but it wrote "
                    + got.length + " bytes beginning ", " 应该以头部 " + spaced(header) + " 开头（长度 " + payload.length
                    + " 写成 4 个字节，大端序：高位字节在前），但它写了 " + got.length + " 个字节，开头是 ")
                    + spaced(Arrays.copyOf(got, Math.min(got.length, 8))));
        }
        Expect.equal(Say.pick("the number of bytes writeFrame(out, " + what + ") wrote (4 + " + payload.length + ")",
                "writeFrame(out, " + what + ") 写出的字节数（4 + " + payload.length + "）"), 4 + payload.length, got.length);
        Expect.sameBytes(Say.pick("the payload written after the header by writeFrame(out, " + what + ")",
                "writeFrame(out, " + what + ") 在头部之后写出的内容"), payload,
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
            Expect.fail(what + Say.pick(": readFrame was still waiting after " + PATIENT.toSeconds() + " s, having returned "
                    + describe(got) + " of " + frameCount(expected.size()) + " " + describe(expected) + ". Read until you have"
                    + " all 4 header bytes, then until you have the whole payload: one read() may return fewer bytes"
                    + " than you asked for.", "：" + PATIENT.toSeconds() + " s 之后 readFrame 还在等待；应该有 " + frameCount(expected.size())
                    + " " + describe(expected) + "，它只返回了 " + describe(got) + "。先读到头部的全部 4 个字节，再读到完整的内容："
                    + "一次 read() 返回的字节可能比你要的少。"));
        }
        if (o.thrown() != null) {
            Deadline.rethrowIfTodo(o.thrown());
            Expect.fail(what + Say.pick(": readFrame threw " + o.thrown() + " after returning " + describe(got) + "; expected "
                    + frameCount(expected.size()) + " " + describe(expected) + " and then null", "：readFrame 返回了 " + describe(got)
                    + " 之后抛出了 " + o.thrown() + "；应该返回 " + frameCount(expected.size()) + " " + describe(expected) + "，然后是 null"));
        }
        for (int i = 0; i < Math.min(expected.size(), got.size()); i++) {
            if (!Arrays.equals(expected.get(i), got.get(i))) {
                Expect.fail(what + Say.pick(": frame " + (i + 1) + " should be " + Text.show(expected.get(i)) + " but readFrame returned "
                        + Text.show(got.get(i)) + ".\nAll frames returned: " + describe(got) + "\nexpected: " + describe(expected),
                        "：第 " + (i + 1) + " 帧应该是 " + Text.show(expected.get(i)) + "，但 readFrame 返回的是 " + Text.show(got.get(i))
                        + "。\n返回的所有帧：" + describe(got) + "\n应该是：" + describe(expected)));
            }
        }
        if (got.size() < expected.size()) {
            Expect.fail(what + Say.pick(": readFrame returned null after " + frameCount(got.size()) + " " + describe(got)
                    + ", but " + frameCount(expected.size()) + " were sent: " + describe(expected), "：readFrame 返回了 "
                    + frameCount(got.size()) + " " + describe(got) + " 之后就返回了 null，但发送的是 " + frameCount(expected.size()) + "："
                    + describe(expected)) + (expected.get(got.size()).length == 0 ? Say.pick(". An empty frame is an empty array;"
                    + " null means the stream ended", "。空帧是空数组；null 表示流结束了") : ""));
        }
        if (got.size() > expected.size()) {
            Expect.fail(what + Say.pick(": after the " + expected.size() + " frames readFrame should return null at the end of the"
                    + " stream, but it returned more: ", "：在这 " + expected.size() + " 帧之后，readFrame 应该在流结束时返回 null，"
                    + "但它返回了更多：") + describe(got));
        }
    }

    private static void expectEof(StaticMethod read, String what, byte[] stream) {
        Deadline.Outcome<byte[]> o = Deadline.call(PROMPT, () -> read.call(new ByteArrayInputStream(stream)), () -> { });
        String call = Say.pick("readFrame on a stream that ends after " + what + " (" + spaced(stream) + ")",
                "在" + what + "（" + spaced(stream) + "）之后就结束的流上调用 readFrame");
        if (!o.finished()) {
            Expect.fail(call + Say.pick(" was still running after " + PROMPT.toSeconds() + " s; it should throw EOFException"
                    + " (read() returns -1 at the end of the stream: stop there)", "，" + PROMPT.toSeconds() + " s 之后还在运行；"
                    + "它应该抛出 EOFException（流结束时 read() 返回 -1：到那里就停下）"));
        }
        if (o.thrown() == null) {
            Expect.fail(call + Say.pick(" returned ", "，返回了 ") + Text.show(o.value()) + Say.pick("; it should throw java.io.EOFException:"
                    + " the stream ended inside a frame", "；它应该抛出 java.io.EOFException：流在一帧的中间结束了")
                    + (o.value() == null ? Say.pick(" (null is only for an end before a frame starts)", "（只有流在一帧开始之前结束时才返回 null）") : ""));
        }
        Deadline.rethrowIfTodo(o.thrown());
        Expect.that(o.thrown() instanceof EOFException, call + Say.pick(" should throw java.io.EOFException but threw ",
                "，应该抛出 java.io.EOFException，但抛出的是 ") + o.thrown());
    }

    /** A header on a stream that then stays open: readFrame must refuse it at once, allocating nothing big. */
    private static void expectRefused(StaticMethod read, String headerHex, String what) {
        byte[] header = java.util.HexFormat.of().parseHex(headerHex);
        byte[] stream = ByteBuffer.allocate(7).put(header).put(utf8("abc")).array();
        Streams.OpenStream in = new Streams.OpenStream(stream, 4096);
        Deadline.Outcome<byte[]> o = Deadline.call(PROMPT, () -> read.call(in), in::close);
        String call = Say.pick("readFrame on a stream holding the header " + spaced(header) + " (" + what + ") and 3 more bytes,"
                + " which then stays open", "在放着头部 " + spaced(header) + "（" + what + "）和另外 3 个字节、之后一直开着的流上调用 readFrame");
        if (!o.finished()) {
            Expect.fail(call + Say.pick(" was still waiting after " + PROMPT.toSeconds() + " s. Check the length as soon as the"
                    + " header is read and throw IOException when it is negative or over MAX_FRAME; the bytes it"
                    + " announces may never come.", "，" + PROMPT.toSeconds() + " s 之后还在等待。读完头部就马上检查长度："
                    + "是负数或超过 MAX_FRAME 时抛出 IOException；它给出的那些字节可能永远不会来。"));
        }
        if (o.thrown() == null) {
            Expect.fail(call + Say.pick(" returned ", "，返回了 ") + Text.show(o.value()) + Say.pick("; it should throw IOException",
                    "；它应该抛出 IOException"));
        }
        Deadline.rethrowIfTodo(o.thrown());
        Expect.that(o.thrown() instanceof IOException, call + Say.pick(" should throw IOException but threw ", "，应该抛出 IOException，但抛出的是 ")
                + o.thrown() + (o.thrown() instanceof OutOfMemoryError || o.thrown() instanceof NegativeArraySizeException
                        ? Say.pick(" (it allocated the announced length before checking it)", "（它没有检查就按给出的长度分配了内存）") : ""));
        Expect.that(o.allocatedBytes() < ALLOCATION_LIMIT, call + Say.pick(" threw " + o.thrown() + " as it should, but first"
                + " allocated " + o.allocatedBytes() + " bytes: check the length before you allocate a buffer for it",
                "，按要求抛出了 " + o.thrown() + "，但在那之前分配了 " + o.allocatedBytes() + " 个字节：先检查长度，再为它分配缓冲区"));
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
            throw Expect.fail(Say.pick("could not read the test's own socket: ", "读不了测试自己的套接字：") + e.getMessage());
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
        return n + Say.pick(n == 1 ? " frame" : " frames", " 帧");
    }

    private static String spaced(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            sb.append(sb.length() > 0 ? " " : "").append(String.format("%02x", b & 0xff));
        }
        return sb.length() == 0 ? Say.pick("(nothing)", "（什么也没有）") : sb.toString();
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
