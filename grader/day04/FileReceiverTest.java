package day04;

import static java.nio.charset.StandardCharsets.UTF_8;

import grade.kit.Expect;
import grade.kit.LearnerProgram;
import grade.kit.Ports;
import grade.kit.ProgramResult;
import grade.kit.TcpPeer;
import grade.kit.Text;
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
    void uploadInPieces() throws Exception {
        Path dir = inbox();
        int port = Ports.free();
        byte[] content = Uploads.randomBytes(100_000, 3);
        byte[] header = Uploads.header("pieces.bin", content.length);
        try (LearnerProgram receiver = receiver(port, dir);
             TcpPeer conn = Uploads.connect(port, receiver, "an upload in pieces")) {
            conn.sendInPieces(header, 1, Duration.ofMillis(20));
            conn.send(Arrays.copyOfRange(content, 0, 1000));
            sleep(Duration.ofSeconds(2));
            conn.sendInPieces(Arrays.copyOfRange(content, 1000, content.length), 33_000, Duration.ofMillis(100));
            String what = "an upload whose " + header.length + " header bytes came one at a time, and whose content paused 2 s"
                    + " after its first 1000 bytes";
            String answer = Uploads.answer(conn, receiver, what);
            Expect.equal("your receiver's answer to " + what, "OK", answer);
            Uploads.expectClosed(conn, receiver, what);
            expectSaved(dir, receiver, "pieces.bin", content);
        }
    }

    @Test
    @DisplayName("FileReceiver answers ERR to every bad name (empty, too long, not UTF-8, . and .., /, \\, NUL), writes nothing, and keeps serving")
    void badNames() throws Exception {
        Path dir = inbox();
        int port = Ports.free();
        List<byte[]> names = List.of(new byte[0], "a".repeat(256).getBytes(UTF_8), new byte[] {'b', 'a', 'd', (byte) 0xff, (byte) 0xfe},
                ".".getBytes(UTF_8), "..".getBytes(UTF_8), "a/b.txt".getBytes(UTF_8), "../escape.txt".getBytes(UTF_8),
                "a\\b.txt".getBytes(UTF_8), "a\0b.txt".getBytes(UTF_8));
        List<String> why = List.of("an empty name", "a name of 256 bytes", "a name that is not UTF-8", "the name \".\"",
                "the name \"..\"", "the name \"a/b.txt\"", "the name \"../escape.txt\"", "the name \"a\\b.txt\"",
                "a name holding a NUL byte");
        try (LearnerProgram receiver = receiver(port, dir)) {
            for (int i = 0; i < names.size(); i++) {
                String what = "an upload with " + why.get(i) + " and the 4 bytes \"bad!\"";
                String answer = Uploads.send(port, receiver, what, Uploads.upload(names.get(i), "bad!".getBytes(UTF_8)));
                Expect.that(answer.startsWith("ERR"), "your receiver answered " + Text.show(answer) + " to " + what
                        + "; it should refuse it with a line starting \"ERR\".\n" + receiver.describeOutput());
                List<String> written = listing(dir);
                Expect.that(written.isEmpty(), "after refusing " + what + " your receiver's folder should be empty, but it holds "
                        + written + ".\n" + receiver.describeOutput());
                Expect.that(!Files.exists(tmp.resolve("escape.txt")), "after " + what + " there is a file escape.txt beside your"
                        + " receiver's folder: a name must never lead out of DIR.\n" + receiver.describeOutput());
            }
            byte[] good = "still here\n".getBytes(UTF_8);
            expectOk(port, receiver, "good.txt", good);
            expectSaved(dir, receiver, "good.txt", good);
        }
    }

    @Test
    @DisplayName("FileReceiver reads the whole upload before it answers, also when it refuses the name")
    void drainsBeforeAnswering() throws Exception {
        Path dir = inbox();
        int port = Ports.free();
        byte[] content = "0123456789".getBytes(UTF_8);
        try (LearnerProgram receiver = receiver(port, dir);
             TcpPeer conn = Uploads.connect(port, receiver, "an upload named \"../refused.txt\"")) {
            conn.send(Uploads.header("../refused.txt", content.length));
            conn.send(Arrays.copyOfRange(content, 0, 5));
            Expect.that(conn.silentFor(Duration.ofMillis(700)), "the test sent an upload named \"../refused.txt\" announcing"
                    + " 10 bytes of content, and only 5 of them so far; your receiver answered (or closed) before the rest"
                    + " arrived. Read the whole upload, and drop it, before answering ERR: closing a socket with unread"
                    + " bytes resets the connection, and the sender may never see the answer.\n" + receiver.describeOutput());
            conn.send(Arrays.copyOfRange(content, 5, 10));
            String what = "an upload named \"../refused.txt\" whose 10 bytes of content came in two halves";
            String answer = Uploads.answer(conn, receiver, what);
            Expect.that(answer.startsWith("ERR"), "your receiver answered " + Text.show(answer) + " to " + what
                    + "; it should refuse the name with a line starting \"ERR\".\n" + receiver.describeOutput());
            Uploads.expectClosed(conn, receiver, what);
        }
    }

    @Test
    @DisplayName("FileReceiver answers ERR at once to a negative content length, and keeps serving")
    void negativeLength() throws Exception {
        Path dir = inbox();
        int port = Ports.free();
        try (LearnerProgram receiver = receiver(port, dir)) {
            for (long length : new long[] {-1, Long.MIN_VALUE}) {
                try (TcpPeer conn = Uploads.connect(port, receiver, "an upload announcing a content length of " + length)) {
                    conn.send(Uploads.header("negative.txt", length));
                    String what = "an upload of \"negative.txt\" announcing a content length of " + length
                            + " (the connection stays open)";
                    String answer;
                    try {
                        answer = conn.readLine(Duration.ofSeconds(3));
                    } catch (AssertionError e) {
                        throw Expect.fail("after " + what + " your receiver should answer ERR at once: a negative length"
                                + " announces no content to wait for. " + e.getMessage() + "\n" + receiver.describeOutput());
                    }
                    Expect.that(answer.startsWith("ERR"), "your receiver answered " + Text.show(answer) + " to " + what
                            + "; it should answer a line starting \"ERR\".\n" + receiver.describeOutput());
                }
            }
            Expect.that(listing(dir).isEmpty(), "after refusing uploads with negative lengths your receiver's folder should"
                    + " be empty, but it holds " + listing(dir));
            byte[] good = "still here\n".getBytes(UTF_8);
            expectOk(port, receiver, "good.txt", good);
            expectSaved(dir, receiver, "good.txt", good);
        }
    }

    @Test
    @DisplayName("FileReceiver leaves no file under the name of an upload cut off halfway, and keeps serving")
    void cutOffUpload() throws Exception {
        Path dir = inbox();
        int port = Ports.free();
        byte[] content = Uploads.randomBytes(1 << 20, 11);
        byte[] half = Arrays.copyOfRange(content, 0, content.length / 2);
        try (LearnerProgram receiver = receiver(port, dir)) {
            try (TcpPeer conn = Uploads.connect(port, receiver, "an upload of cut.bin")) {
                conn.send(Uploads.header("cut.bin", content.length)).send(half);
            } // a clean close, 512 KiB short
            try (TcpPeer conn = Uploads.connect(port, receiver, "an upload of reset.bin")) {
                conn.send(Uploads.header("reset.bin", content.length)).send(half);
                conn.reset(); // an abrupt end
            }
            try (TcpPeer conn = Uploads.connect(port, receiver, "an upload cut off inside its name")) {
                conn.send(new byte[] {0, 10, 'h', 'a', 'l', 'f'}); // cut inside the name
            }
            byte[] good = "after the broken uploads\n".getBytes(UTF_8);
            expectOk(port, receiver, "after.txt", good);
            expectSaved(dir, receiver, "after.txt", good);
            for (String name : List.of("cut.bin", "reset.bin")) {
                Expect.that(!Files.exists(dir.resolve(name)), "an upload of " + name + " announcing 1 MiB was cut off after"
                        + " 512 KiB, yet your receiver's folder holds a file " + name + " (" + sizeOf(dir.resolve(name))
                        + " bytes). Write into a temporary file and rename it to the real name only when every byte has"
                        + " arrived; delete it otherwise.\n" + receiver.describeOutput());
            }
        }
    }

    @Test
    @DisplayName("FileReceiver drops a client silent for 10 s and then serves the next one (this test takes about 10 s)")
    void silentClient() throws Exception {
        Path dir = inbox();
        int port = Ports.free();
        try (LearnerProgram receiver = receiver(port, dir);
             TcpPeer silent = Uploads.connect(port, receiver, "nothing (a silent client)")) {
            long start = System.nanoTime();
            try {
                silent.readToEnd(Duration.ofSeconds(20));
            } catch (AssertionError e) {
                throw Expect.fail("a client connected and sent nothing: after 10 s your receiver should drop it (a read"
                        + " timeout, Socket.setSoTimeout), or it blocks every other client for ever. " + e.getMessage()
                        + "\n" + receiver.describeOutput());
            }
            long seconds = (System.nanoTime() - start) / 1_000_000_000;
            Expect.that(seconds >= 8, "your receiver dropped a silent client after " + seconds + " s; a client should have 10 s"
                    + " of silence before it is dropped (a slow network may pause that long)");
            byte[] good = "after the silent one\n".getBytes(UTF_8);
            expectOk(port, receiver, "after.txt", good);
            expectSaved(dir, receiver, "after.txt", good);
        }
    }

    @Test
    @DisplayName("FileReceiver with a DIR that does not exist prints a message on stderr and exits 1")
    void missingDir() {
        Path missing = tmp.resolve("no-such-folder");
        ProgramResult r = LearnerProgram.of("day04.FileReceiver").args("" + Ports.free(), missing.toString()).run(Duration.ofSeconds(8));
        Expect.that(r.exitCode() == 1 && !r.stderr().isBlank(), "DIR " + missing + " does not exist: FileReceiver should print a"
                + " message on stderr and exit 1 at start.\n" + r.describe());
    }

    // ---- helpers ----------------------------------------------------------------------------

    private static void expectOk(int port, LearnerProgram receiver, String name, byte[] content) {
        String what = "the upload of " + Text.show(name) + " (" + content.length + " bytes)";
        String answer = Uploads.send(port, receiver, what, Uploads.upload(name, content));
        Expect.that(answer.equals("OK"), "your receiver answered " + Text.show(answer) + " to " + what + "; expected \"OK\".\n"
                + receiver.describeOutput());
    }

    private static void expectSaved(Path dir, LearnerProgram receiver, String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        Expect.that(Files.isRegularFile(file), "your receiver answered OK to the upload of " + Text.show(name) + " but there"
                + " is no file " + Text.show(name) + " in its folder (it holds " + listing(dir) + "). Answer OK only once the file"
                + " is in place.\n" + receiver.describeOutput());
        byte[] saved = Files.readAllBytes(file);
        if (content.length > 4096) {
            Expect.that(Arrays.equals(content, saved), "the saved " + name + " differs from what was sent: " + saved.length
                    + " bytes with SHA-256 " + Uploads.sha256(saved) + " instead of " + content.length + " bytes with SHA-256 "
                    + Uploads.sha256(content) + " (first difference at byte " + Arrays.mismatch(content, saved) + ")");
        } else {
            Expect.sameBytes("the saved " + name, content, saved);
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
