package day04;

import static java.nio.charset.StandardCharsets.UTF_8;

import grade.kit.Expect;
import grade.kit.LearnerProgram;
import grade.kit.Ports;
import grade.kit.ProgramResult;
import grade.kit.Say;
import grade.kit.TcpPeer;
import grade.kit.Text;
import grade.kit.Zh;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The learner's FileReceiver against the tests' own sender. */
@DisplayName("day04/file-transfer: FileReceiver")
class FileReceiverTest {
    @TempDir
    Path tmp;

    private Path inbox() throws IOException {
        return Files.createDirectories(tmp.resolve("inbox"));
    }

    private static LearnerProgram receiver(int port, Path dir) {
        return LearnerProgram.of("day04.FileReceiver").args("" + port, dir.toString()).startServer(port);
    }

    @Test
    @DisplayName("FileReceiver saves an uploaded file, answers OK and closes, then serves the next client")
    @Zh("FileReceiver 保存上传的文件，回答 OK 并关闭连接，然后服务下一个客户端")
    void savesFiles() throws Exception {
        Path dir = inbox();
        int port = Ports.free();
        try (LearnerProgram receiver = receiver(port, dir)) {
            byte[] first = "hello\n".getBytes(UTF_8);
            expectOk(port, receiver, "hello.txt", first);
            expectSaved(dir, receiver, "hello.txt", first);
            byte[] second = "second file\n第二个文件\n".getBytes(UTF_8);
            expectOk(port, receiver, "second.txt", second);
            expectSaved(dir, receiver, "second.txt", second);
        }
    }

    @Test
    @DisplayName("FileReceiver saves a 20 MiB random binary file intact (SHA-256 compared)")
    @Zh("FileReceiver 完好地保存 20 MiB 的随机二进制文件（比较 SHA-256）")
    void savesBigBinaryFile() throws Exception {
        Path dir = inbox();
        int port = Ports.free();
        byte[] content = Uploads.randomBytes(20 << 20, 7);
        try (LearnerProgram receiver = receiver(port, dir)) {
            expectOk(port, receiver, "random.bin", content);
            expectSaved(dir, receiver, "random.bin", content);
        }
    }

    @Test
    @DisplayName("FileReceiver saves a Chinese file name, a name of exactly 255 bytes, and an empty file")
    @Zh("FileReceiver 保存中文文件名、正好 255 字节的文件名和空文件")
    void savesOddButValidNames() throws Exception {
        Path dir = inbox();
        int port = Ports.free();
        try (LearnerProgram receiver = receiver(port, dir)) {
            byte[] text = "你好，世界\n".getBytes(UTF_8);
            expectOk(port, receiver, "你好 世界.txt", text);
            expectSaved(dir, receiver, "你好 世界.txt", text);

            String longest = "文".repeat(85); // 255 bytes in UTF-8: the longest name allowed
            byte[] small = "the longest name\n".getBytes(UTF_8);
            expectOk(port, receiver, longest, small);
            expectSaved(dir, receiver, longest, small);

            expectOk(port, receiver, "empty.bin", new byte[0]);
            expectSaved(dir, receiver, "empty.bin", new byte[0]);
        }
    }

    @Test
    @DisplayName("FileReceiver saves an upload whose header arrives a byte at a time and whose content pauses for 2 s")
    @Zh("FileReceiver 保存头部逐个字节到达、内容中途停顿 2 s 的上传")
    void uploadInPieces() throws Exception {
        Path dir = inbox();
        int port = Ports.free();
        byte[] content = Uploads.randomBytes(100_000, 3);
        byte[] header = Uploads.header("pieces.bin", content.length);
        try (LearnerProgram receiver = receiver(port, dir);
             TcpPeer conn = Uploads.connect(port, receiver, Say.pick("an upload in pieces", "分成小段的上传"))) {
            conn.sendInPieces(header, 1, Duration.ofMillis(20));
            conn.send(Arrays.copyOfRange(content, 0, 1000));
            sleep(Duration.ofSeconds(2));
            conn.sendInPieces(Arrays.copyOfRange(content, 1000, content.length), 33_000, Duration.ofMillis(100));
            String what = Say.pick("an upload whose " + header.length + " header bytes came one at a time, and whose content paused 2 s"
                    + " after its first 1000 bytes", "头部 " + header.length + " 个字节逐个到达、内容在前 1000 个字节之后停顿了 2 s 的上传");
            String answer = Uploads.answer(conn, receiver, what);
            Expect.equal(Say.pick("your receiver's answer to " + what, "你的接收端对" + what + "的回答"), "OK", answer);
            Uploads.expectClosed(conn, receiver, what);
            expectSaved(dir, receiver, "pieces.bin", content);
        }
    }

    @Test
    @DisplayName("FileReceiver answers ERR to every bad name (empty, too long, not UTF-8, . and .., /, \\, NUL), writes nothing, and keeps serving")
    @Zh("FileReceiver 对每个不合法的文件名（空、太长、不是 UTF-8、. 和 ..、/、\\、NUL）回答 ERR，什么都不写，并继续服务")
    void badNames() throws Exception {
        Path dir = inbox();
        int port = Ports.free();
        List<byte[]> names = List.of(new byte[0], "a".repeat(256).getBytes(UTF_8), new byte[] {'b', 'a', 'd', (byte) 0xff, (byte) 0xfe},
                ".".getBytes(UTF_8), "..".getBytes(UTF_8), "a/b.txt".getBytes(UTF_8), "../escape.txt".getBytes(UTF_8),
                "a\\b.txt".getBytes(UTF_8), "a\0b.txt".getBytes(UTF_8));
        List<String> why = Say.chinese()
                ? List.of("空文件名", "256 字节的文件名", "不是 UTF-8 的文件名", "文件名 \".\"", "文件名 \"..\"", "文件名 \"a/b.txt\"",
                        "文件名 \"../escape.txt\"", "文件名 \"a\\b.txt\"", "含有 NUL 字节的文件名")
                : List.of("an empty name", "a name of 256 bytes", "a name that is not UTF-8", "the name \".\"",
                "the name \"..\"", "the name \"a/b.txt\"", "the name \"../escape.txt\"", "the name \"a\\b.txt\"",
                "a name holding a NUL byte");
        try (LearnerProgram receiver = receiver(port, dir)) {
            for (int i = 0; i < names.size(); i++) {
                String what = Say.pick("an upload with " + why.get(i) + " and the 4 bytes \"bad!\"",
                        "一个上传（" + why.get(i) + "，内容是 4 个字节 \"bad!\"）");
                String answer = Uploads.send(port, receiver, what, Uploads.upload(names.get(i), "bad!".getBytes(UTF_8)));
                Expect.that(answer.startsWith("ERR"), answered(answer, what) + Say.pick("; it should refuse it with a line starting \"ERR\".\n",
                        "；它应该用以 \"ERR\" 开头的一行拒绝它。\n") + receiver.describeOutput());
                List<String> written = listing(dir);
                Expect.that(written.isEmpty(), Say.pick("after refusing " + what + " your receiver's folder should be empty, but it holds "
                        + written + ".\n", "拒绝" + what + "之后，你的接收端的目录应该是空的，但里面有 " + written + "。\n")
                        + receiver.describeOutput());
                Expect.that(!Files.exists(tmp.resolve("escape.txt")), Say.pick("after " + what + " there is a file escape.txt beside your"
                        + " receiver's folder: a name must never lead out of DIR.\n", what + "之后，你的接收端的目录旁边出现了文件 escape.txt："
                        + "文件名绝不能通到 DIR 外面去。\n") + receiver.describeOutput());
            }
            byte[] good = "still here\n".getBytes(UTF_8);
            expectOk(port, receiver, "good.txt", good);
            expectSaved(dir, receiver, "good.txt", good);
        }
    }

    @Test
    @DisplayName("FileReceiver reads the whole upload before it answers, also when it refuses the name")
    @Zh("FileReceiver 先读完整个上传再回答，拒绝文件名时也一样")
    void drainsBeforeAnswering() throws Exception {
        Path dir = inbox();
        int port = Ports.free();
        byte[] content = "0123456789".getBytes(UTF_8);
        try (LearnerProgram receiver = receiver(port, dir);
             TcpPeer conn = Uploads.connect(port, receiver, Say.pick("an upload named \"../refused.txt\"", "名为 \"../refused.txt\" 的上传"))) {
            conn.send(Uploads.header("../refused.txt", content.length));
            conn.send(Arrays.copyOfRange(content, 0, 5));
            Expect.that(conn.silentFor(Duration.ofMillis(700)), Say.pick("the test sent an upload named \"../refused.txt\" announcing"
                    + " 10 bytes of content, and only 5 of them so far; your receiver answered (or closed) before the rest"
                    + " arrived. Read the whole upload, and drop it, before answering ERR: closing a socket with unread"
                    + " bytes resets the connection, and the sender may never see the answer.\n",
                    "测试发送了一个名为 \"../refused.txt\" 的上传，声明内容有 10 个字节，目前只发了 5 个；剩下的还没到，"
                    + "你的接收端就回答了（或关闭了连接）。回答 ERR 之前，要读完整个上传并丢掉它：关闭还有未读字节的套接字会重置连接，"
                    + "发送端可能永远看不到回答。\n") + receiver.describeOutput());
            conn.send(Arrays.copyOfRange(content, 5, 10));
            String what = Say.pick("an upload named \"../refused.txt\" whose 10 bytes of content came in two halves",
                    "名为 \"../refused.txt\"、10 个字节的内容分两半到达的上传");
            String answer = Uploads.answer(conn, receiver, what);
            Expect.that(answer.startsWith("ERR"), answered(answer, what) + Say.pick("; it should refuse the name with a line starting \"ERR\".\n",
                    "；它应该用以 \"ERR\" 开头的一行拒绝这个文件名。\n") + receiver.describeOutput());
            Uploads.expectClosed(conn, receiver, what);
        }
    }

    @Test
    @DisplayName("FileReceiver answers ERR at once to a negative content length, and keeps serving")
    @Zh("内容长度为负数时，FileReceiver 立即回答 ERR，并继续服务")
    void negativeLength() throws Exception {
        Path dir = inbox();
        int port = Ports.free();
        try (LearnerProgram receiver = receiver(port, dir)) {
            for (long length : new long[] {-1, Long.MIN_VALUE}) {
                try (TcpPeer conn = Uploads.connect(port, receiver, Say.pick("an upload announcing a content length of " + length,
                        "声明内容长度为 " + length + " 的上传"))) {
                    conn.send(Uploads.header("negative.txt", length));
                    String what = Say.pick("an upload of \"negative.txt\" announcing a content length of " + length
                            + " (the connection stays open)", "\"negative.txt\" 的上传，声明内容长度为 " + length + "（连接保持打开）");
                    String answer;
                    try {
                        answer = conn.readLine(Duration.ofSeconds(3));
                    } catch (AssertionError e) {
                        throw Expect.fail(Say.pick("after " + what + " your receiver should answer ERR at once: a negative length"
                                + " announces no content to wait for. ", "收到" + what + "之后，你的接收端应该立即回答 ERR：长度为负数，"
                                + "没有什么内容需要等待。") + e.getMessage() + "\n" + receiver.describeOutput());
                    }
                    Expect.that(answer.startsWith("ERR"), answered(answer, what) + Say.pick("; it should answer a line starting \"ERR\".\n",
                            "；它应该回答以 \"ERR\" 开头的一行。\n") + receiver.describeOutput());
                }
            }
            Expect.that(listing(dir).isEmpty(), Say.pick("after refusing uploads with negative lengths your receiver's folder should"
                    + " be empty, but it holds ", "拒绝了长度为负数的上传之后，你的接收端的目录应该是空的，但里面有 ") + listing(dir));
            byte[] good = "still here\n".getBytes(UTF_8);
            expectOk(port, receiver, "good.txt", good);
            expectSaved(dir, receiver, "good.txt", good);
        }
    }

    @Test
    @DisplayName("FileReceiver leaves no file under the name of an upload cut off halfway, and keeps serving")
    @Zh("上传中途断开时，FileReceiver 不在这个名字下留下文件，并继续服务")
    void cutOffUpload() throws Exception {
        Path dir = inbox();
        int port = Ports.free();
        byte[] content = Uploads.randomBytes(1 << 20, 11);
        byte[] half = Arrays.copyOfRange(content, 0, content.length / 2);
        try (LearnerProgram receiver = receiver(port, dir)) {
            try (TcpPeer conn = Uploads.connect(port, receiver, Say.pick("an upload of cut.bin", "cut.bin 的上传"))) {
                conn.send(Uploads.header("cut.bin", content.length)).send(half);
            } // a clean close, 512 KiB short
            try (TcpPeer conn = Uploads.connect(port, receiver, Say.pick("an upload of reset.bin", "reset.bin 的上传"))) {
                conn.send(Uploads.header("reset.bin", content.length)).send(half);
                conn.reset(); // an abrupt end
            }
            try (TcpPeer conn = Uploads.connect(port, receiver, Say.pick("an upload cut off inside its name", "在文件名中间断开的上传"))) {
                conn.send(new byte[] {0, 10, 'h', 'a', 'l', 'f'}); // cut inside the name
            }
            byte[] good = "after the broken uploads\n".getBytes(UTF_8);
            expectOk(port, receiver, "after.txt", good);
            expectSaved(dir, receiver, "after.txt", good);
            for (String name : List.of("cut.bin", "reset.bin")) {
                Expect.that(!Files.exists(dir.resolve(name)), Say.pick("an upload of " + name + " announcing 1 MiB was cut off after"
                        + " 512 KiB, yet your receiver's folder holds a file " + name + " (" + sizeOf(dir.resolve(name))
                        + " bytes). Write into a temporary file and rename it to the real name only when every byte has"
                        + " arrived; delete it otherwise.\n", name + " 的上传声明有 1 MiB，在 512 KiB 之后断开了，而你的接收端的目录里却有文件 "
                        + name + "（" + sizeOf(dir.resolve(name)) + " 个字节）。先写入临时文件，所有字节都到齐后才改名为真正的名字；"
                        + "否则删掉它。\n") + receiver.describeOutput());
            }
        }
    }

    @Test
    @DisplayName("FileReceiver drops a client silent for 10 s and then serves the next one (this test takes about 10 s)")
    @Zh("FileReceiver 断开 10 s 不发送的客户端，再服务下一个（这个测试大约要 10 s）")
    void silentClient() throws Exception {
        Path dir = inbox();
        int port = Ports.free();
        try (LearnerProgram receiver = receiver(port, dir);
             TcpPeer silent = Uploads.connect(port, receiver, Say.pick("nothing (a silent client)", "空内容（一个不发送的客户端）"))) {
            long start = System.nanoTime();
            try {
                silent.readToEnd(Duration.ofSeconds(20));
            } catch (AssertionError e) {
                throw Expect.fail(Say.pick("a client connected and sent nothing: after 10 s your receiver should drop it (a read"
                        + " timeout, Socket.setSoTimeout), or it blocks every other client for ever. ",
                        "一个客户端连接后什么都不发送：10 s 之后你的接收端应该断开它（读超时，Socket.setSoTimeout），"
                        + "否则它会永远挡住其他所有客户端。") + e.getMessage()
                        + "\n" + receiver.describeOutput());
            }
            long seconds = (System.nanoTime() - start) / 1_000_000_000;
            Expect.that(seconds >= 8, Say.pick("your receiver dropped a silent client after " + seconds + " s; a client should have 10 s"
                    + " of silence before it is dropped (a slow network may pause that long)", "你的接收端在 " + seconds
                    + " s 之后就断开了不发送的客户端；客户端应该能沉默 10 s 才被断开（慢的网络可能停顿那么久）"));
            byte[] good = "after the silent one\n".getBytes(UTF_8);
            expectOk(port, receiver, "after.txt", good);
            expectSaved(dir, receiver, "after.txt", good);
        }
    }

    @Test
    @DisplayName("FileReceiver with a DIR that does not exist prints a message on stderr and exits 1")
    @Zh("DIR 不存在时，FileReceiver 在标准错误上输出提示，并以状态 1 退出")
    void missingDir() {
        Path missing = tmp.resolve("no-such-folder");
        ProgramResult r = LearnerProgram.of("day04.FileReceiver").args("" + Ports.free(), missing.toString()).run(Duration.ofSeconds(8));
        Expect.that(r.exitCode() == 1 && !r.stderr().isBlank(), "DIR " + missing + Say.pick(" does not exist: FileReceiver should print a"
                + " message on stderr and exit 1 at start.\n", " 不存在：FileReceiver 应该在启动时就在标准错误上输出提示，并以状态 1 退出。\n")
                + r.describe());
    }

    // ---- helpers ----------------------------------------------------------------------------

    private static void expectOk(int port, LearnerProgram receiver, String name, byte[] content) {
        String what = Say.pick("the upload of " + Text.show(name) + " (" + content.length + " bytes)",
                Text.show(name) + " 的上传（" + content.length + " 个字节）");
        String answer = Uploads.send(port, receiver, what, Uploads.upload(name, content));
        Expect.that(answer.equals("OK"), answered(answer, what) + Say.pick("; expected \"OK\".\n", "；应该是 \"OK\"。\n")
                + receiver.describeOutput());
    }

    /** "your receiver answered ANSWER to WHAT", to begin a message. */
    private static String answered(String answer, String what) {
        return Say.pick("your receiver answered " + Text.show(answer) + " to " + what, "你的接收端对" + what + "回答了 " + Text.show(answer));
    }

    private static void expectSaved(Path dir, LearnerProgram receiver, String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        Expect.that(Files.isRegularFile(file), Say.pick("your receiver answered OK to the upload of " + Text.show(name) + " but there"
                + " is no file " + Text.show(name) + " in its folder (it holds " + listing(dir) + "). Answer OK only once the file"
                + " is in place.\n", "你的接收端对 " + Text.show(name) + " 的上传回答了 OK，但它的目录里没有文件 " + Text.show(name)
                + "（里面有 " + listing(dir) + "）。文件真正就位之后才能回答 OK。\n") + receiver.describeOutput());
        byte[] saved = Files.readAllBytes(file);
        if (content.length > 4096) {
            Expect.that(Arrays.equals(content, saved), Say.pick("the saved " + name + " differs from what was sent: " + saved.length
                    + " bytes with SHA-256 " + Uploads.sha256(saved) + " instead of " + content.length + " bytes with SHA-256 "
                    + Uploads.sha256(content) + " (first difference at byte " + Arrays.mismatch(content, saved) + ")",
                    "保存的 " + name + " 和发送的不一样：它有 " + saved.length + " 个字节，SHA-256 是 " + Uploads.sha256(saved)
                    + "；应该是 " + content.length + " 个字节，SHA-256 是 " + Uploads.sha256(content) + "（第一处不同在第 "
                    + Arrays.mismatch(content, saved) + " 个字节）"));
        } else {
            Expect.sameBytes(Say.pick("the saved ", "保存的 ") + name, content, saved);
        }
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            List<String> names = new ArrayList<>(s.map(p -> p.getFileName().toString()).sorted().toList());
            return names;
        }
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
