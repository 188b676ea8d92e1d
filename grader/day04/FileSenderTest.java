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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The learner's FileSender against the tests' own receiver. */
@DisplayName("day04/file-transfer: FileSender")
class FileSenderTest {
    private static final Duration CONNECT = Duration.ofSeconds(10);
    private static final Duration EXIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    @DisplayName("FileSender sends a file's base name, length and bytes, and exits 0 when the receiver answers OK")
    @Zh("FileSender 发送文件的基本名、长度和字节，接收端回答 OK 时以状态 0 退出")
    void sendsSmallFile() throws Exception {
        Path file = Files.createDirectories(dir.resolve("sub").resolve("dir")).resolve("notes.txt");
        byte[] content = "hello\n世界\n".getBytes(UTF_8);
        Files.write(file, content);
        ProgramResult r = sendAndAnswer(file, "notes.txt", content, "OK");
        Expect.equal(Say.pick("the exit status of FileSender after the answer OK", "回答 OK 之后 FileSender 的退出状态"), 0, r.exitCode());
    }

    @Test
    @DisplayName("FileSender sends a 20 MiB random binary file intact (SHA-256 compared)")
    @Zh("FileSender 完好地发送 20 MiB 的随机二进制文件（比较 SHA-256）")
    void sendsBigBinaryFile() throws Exception {
        byte[] content = Uploads.randomBytes(20 << 20, 42);
        Path file = Files.write(dir.resolve("random.bin"), content);
        ProgramResult r = sendAndAnswer(file, "random.bin", content, "OK");
        Expect.equal(Say.pick("the exit status of FileSender after sending 20 MiB and the answer OK", "发送 20 MiB 并收到回答 OK 之后 FileSender 的退出状态"), 0, r.exitCode());
    }

    @Test
    @DisplayName("FileSender sends a Chinese file name (its length counted in bytes) and an empty file")
    @Zh("FileSender 发送中文文件名（长度按字节算）和空文件")
    void sendsChineseNameAndEmptyFile() throws Exception {
        byte[] content = "你好，世界\n".getBytes(UTF_8);
        Path file = Files.write(dir.resolve("你好 世界.txt"), content);
        ProgramResult r = sendAndAnswer(file, "你好 世界.txt", content, "OK");
        Expect.equal(Say.pick("the exit status of FileSender after sending \"你好 世界.txt\"", "发送 \"你好 世界.txt\" 之后 FileSender 的退出状态"), 0, r.exitCode());

        Path empty = Files.write(dir.resolve("空文件"), new byte[0]);
        ProgramResult e = sendAndAnswer(empty, "空文件", new byte[0], "OK");
        Expect.equal(Say.pick("the exit status of FileSender after sending an empty file", "发送空文件之后 FileSender 的退出状态"), 0, e.exitCode());
    }

    @Test
    @DisplayName("FileSender waits for the answer, and on ERR prints the reason on stderr and exits 1")
    @Zh("FileSender 等待回答，收到 ERR 时在标准错误上输出原因，并以状态 1 退出")
    void errAnswer() throws Exception {
        byte[] content = "draft\n".getBytes(UTF_8);
        Path file = Files.write(dir.resolve("draft.txt"), content);
        String reason = "disk full, try again later";
        ProgramResult r = sendAndAnswer(file, "draft.txt", content, "ERR " + reason);
        Expect.that(r.exitCode() == 1 && r.stderr().contains(reason), Say.pick("the test's receiver answered \"ERR " + reason
                + "\": FileSender should print the reason on stderr and exit 1.\n", "测试的接收端回答了 \"ERR " + reason
                + "\"：FileSender 应该在标准错误上输出原因，并以状态 1 退出。\n") + r.describe());
    }

    @Test
    @DisplayName("FileSender exits 1 with a message on stderr when the receiver closes without answering, when nothing listens, and when FILE is missing")
    @Zh("接收端不回答就关闭连接、没有程序在监听、FILE 不存在时，FileSender 在标准错误上输出提示，并以状态 1 退出")
    void failures() throws Exception {
        byte[] content = "lost\n".getBytes(UTF_8);
        Path file = Files.write(dir.resolve("lost.txt"), content);
        try (TcpListener server = TcpListener.open();
             LearnerProgram sender = start(server.port(), file)) {
            try (TcpPeer conn = accept(server, sender)) {
                Uploads.receive(conn, sender, "lost.txt", content);
            } // closed without a word
            ProgramResult r = awaitExit(sender, Say.pick("the test's receiver closed the connection without answering",
                    "测试的接收端没有回答就关闭了连接"));
            Expect.that(r.exitCode() == 1 && !r.stderr().isBlank(), Say.pick("the test's receiver read the whole upload and closed"
                    + " the connection without answering: ", "测试的接收端读完了整个上传，没有回答就关闭了连接：") + printsAndExits1()
                    + r.describe());
        }

        int port = Ports.free();
        ProgramResult none = LearnerProgram.of("day04.FileSender").args("127.0.0.1", "" + port, file.toString()).run(EXIT);
        Expect.that(none.exitCode() == 1 && !none.stderr().isBlank(), Say.pick("nothing listens on 127.0.0.1:" + port + ": ",
                "127.0.0.1:" + port + " 上没有程序在监听：") + printsAndExits1() + none.describe());

        Path missing = dir.resolve("missing.bin");
        try (TcpListener server = TcpListener.open()) {
            ProgramResult m = LearnerProgram.of("day04.FileSender").args("127.0.0.1", "" + server.port(), missing.toString()).run(EXIT);
            Expect.that(m.exitCode() == 1 && m.stderr().contains("missing.bin"), Say.pick("FILE does not exist: FileSender should"
                    + " print a message naming it on stderr and exit 1.\n", "FILE 不存在：FileSender 应该在标准错误上输出写明它的名字的提示，"
                    + "并以状态 1 退出。\n") + m.describe());
        }
    }

    private static String printsAndExits1() {
        return Say.pick("FileSender should print a message on stderr and exit 1.\n", "FileSender 应该在标准错误上输出提示，并以状态 1 退出。\n");
    }

    // ---- helpers ----------------------------------------------------------------------------

    /** Runs the sender against the tests' receiver, which checks the upload and answers {@code answer}. */
    private ProgramResult sendAndAnswer(Path file, String name, byte[] content, String answer) {
        try (TcpListener server = TcpListener.open();
             LearnerProgram sender = start(server.port(), file)) {
            try (TcpPeer conn = accept(server, sender)) {
                Uploads.receive(conn, sender, name, content);
                try {
                    conn.send(answer + "\n");
                } catch (AssertionError e) {
                    // the sender hung up without waiting for the answer: its exit status tells
                }
                return awaitExit(sender, Say.pick("the test's receiver answered ", "测试的接收端回答了 ") + Text.show(answer));
            }
        }
    }

    private static LearnerProgram start(int port, Path file) {
        return LearnerProgram.of("day04.FileSender").args("127.0.0.1", "" + port, file.toString()).start();
    }

    private static TcpPeer accept(TcpListener server, LearnerProgram sender) {
        try {
            return server.accept(CONNECT, sender);
        } catch (AssertionError e) {
            throw Expect.fail(e.getMessage().replace("your client", "your sender").replace("你的客户端", "你的发送端")
                    + Say.pick(".\n", "。\n") + sender.describeOutput());
        }
    }

    private static ProgramResult awaitExit(LearnerProgram sender, String after) {
        try {
            return sender.awaitExit(EXIT);
        } catch (AssertionError e) {
            throw Expect.fail(after + Say.pick(", so FileSender should exit, but ", "，所以 FileSender 应该退出，但") + e.getMessage());
        }
    }
}
