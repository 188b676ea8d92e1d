package day03;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertThrows;

import grade.kit.Expect;
import grade.kit.LearnerClass;
import grade.kit.StaticMethod;
import grade.kit.Weight;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("day03/offsets")
class OffsetsTest {
    @TempDir
    Path dir;

    private static LearnerClass offsets() {
        return LearnerClass.of("day03.Offsets");
    }

    private StaticMethod readFrom() {
        return offsets().staticMethod(String.class, "readFrom", Path.class, long.class);
    }

    private StaticMethod readRange() {
        return offsets().staticMethod(byte[].class, "readRange", Path.class, long.class, int.class);
    }

    private StaticMethod writeAt() {
        return offsets().staticMethod(void.class, "writeAt", Path.class, long.class, byte[].class);
    }

    private StaticMethod size() {
        return offsets().staticMethod(long.class, "size", Path.class);
    }

    private Path file(String name, byte[] content) throws Exception {
        return Files.write(dir.resolve(name), content);
    }

    @Test
    @Weight(2) // one of the three things the exercise is about: reading from, reading a range, writing at an offset
    @DisplayName("readFrom(f, 7) after writing \"Hello world\\n\" is \"orld\\n\" (the course's example)")
    void seedExample() throws Exception {
        Path f = file("test", "Hello world\n".getBytes(UTF_8));
        Expect.sameText("readFrom(file, 7)", "orld\n", readFrom().call(f, 7L));
    }

    @Test
    @DisplayName("readFrom at 0, at the end and past the end")
    void readFromEdges() throws Exception {
        Path f = file("edges.txt", "abc".getBytes(UTF_8));
        Expect.sameText("readFrom(\"abc\", 0)", "abc", readFrom().call(f, 0L));
        Expect.sameText("readFrom(\"abc\", 3) (the end)", "", readFrom().call(f, 3L));
        Expect.sameText("readFrom(\"abc\", 100) (past the end)", "", readFrom().call(f, 100L));
    }

    @Test
    @DisplayName("readFrom decodes UTF-8, with U+FFFD for a character cut by the offset")
    void readFromUtf8() throws Exception {
        Path f = file("zh.txt", "你好, world".getBytes(UTF_8));
        Expect.sameText("readFrom(\"你好, world\", 3)", "好, world", readFrom().call(f, 3L));
        Expect.sameText("readFrom(\"你好, world\", 1) (inside 你)", new String("你好, world".getBytes(UTF_8), 1, 12, UTF_8),
                readFrom().call(f, 1L));
    }

    @Test
    @Weight(2) // one of the three things the exercise is about: reading from, reading a range, writing at an offset
    @DisplayName("readRange returns the bytes asked for, fewer at the end, none past it")
    void readRangeEdges() throws Exception {
        byte[] data = new byte[256];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        Path f = file("bytes.bin", data);
        Expect.sameBytes("readRange(f, 10, 5)", Arrays.copyOfRange(data, 10, 15), readRange().call(f, 10L, 5));
        Expect.sameBytes("readRange(f, 250, 100) (only 6 bytes left)", Arrays.copyOfRange(data, 250, 256), readRange().call(f, 250L, 100));
        Expect.sameBytes("readRange(f, 256, 10) (at the end)", new byte[0], readRange().call(f, 256L, 10));
        Expect.sameBytes("readRange(f, 1000, 10) (past the end)", new byte[0], readRange().call(f, 1000L, 10));
        Expect.sameBytes("readRange(f, 0, 0)", new byte[0], readRange().call(f, 0L, 0));
    }

    @Test
    @DisplayName("readRange does not read the whole file to return a few bytes of a big one")
    void readRangeSeeks() throws Exception {
        Path f = grade.kit.Sparse.create(dir.resolve("big.bin"), 3L << 30, "END".getBytes(UTF_8));
        Expect.sameBytes("readRange of the last 3 bytes of a 3 GiB file", "END".getBytes(UTF_8),
                readRange().call(f, (3L << 30) - 3, 3));
    }

    @Test
    @Weight(2) // one of the three things the exercise is about: reading from, reading a range, writing at an offset
    @DisplayName("writeAt overwrites in place and keeps the bytes after it")
    void writeAtInPlace() throws Exception {
        Path f = file("w.txt", "Hello world\n".getBytes(UTF_8));
        writeAt().call(f, 6L, "WORLD".getBytes(UTF_8));
        Expect.sameText("the file after writeAt(f, 6, \"WORLD\")", "Hello WORLD\n", Files.readString(f, UTF_8));
        writeAt().call(f, 0L, "J".getBytes(UTF_8));
        Expect.sameText("the file after writeAt(f, 0, \"J\")", "Jello WORLD\n", Files.readString(f, UTF_8));
        writeAt().call(f, 3L, new byte[0]);
        Expect.sameText("the file after writing nothing at 3 (nothing may be truncated)", "Jello WORLD\n", Files.readString(f, UTF_8));
    }

    @Test
    @DisplayName("writeAt past the end extends the file with zero bytes")
    void writeAtPastEnd() throws Exception {
        Path f = file("ext.bin", new byte[] {1, 2});
        writeAt().call(f, 5L, new byte[] {9});
        Expect.sameBytes("the file after writeAt(f, 5, {9}) on a 2-byte file", new byte[] {1, 2, 0, 0, 0, 9}, Files.readAllBytes(f));
        Expect.equal("size(f) afterwards", 6L, size().call(f));
    }

    @Test
    @DisplayName("size is the number of bytes, not characters")
    void sizeInBytes() throws Exception {
        Expect.equal("size of a file holding \"你好\\n\"", 7L, size().call(file("s.txt", "你好\n".getBytes(UTF_8))));
        Expect.equal("size of an empty file", 0L, size().call(file("empty", new byte[0])));
    }

    @Test
    @DisplayName("a negative offset or length throws IllegalArgumentException, checked before the file")
    void negativeArguments() throws Exception {
        Path f = file("n.txt", "abc".getBytes(UTF_8));
        Path missing = dir.resolve("missing.txt");
        expectIllegal("readFrom(f, -1)", () -> readFrom().call(f, -1L));
        expectIllegal("readRange(f, -1, 2)", () -> readRange().call(f, -1L, 2));
        expectIllegal("readRange(f, 0, -2)", () -> readRange().call(f, 0L, -2));
        expectIllegal("writeAt(f, -1, ...)", () -> writeAt().call(f, -1L, new byte[] {1}));
        expectIllegal("readFrom(missing, -1) (the argument is checked first)", () -> readFrom().call(missing, -1L));
        Expect.sameText("the file after the bad calls", "abc", Files.readString(f, UTF_8));
    }

    @Test
    @DisplayName("a missing file throws NoSuchFileException, also for writeAt, which must not create it")
    void missingFile() {
        Path missing = dir.resolve("missing.txt");
        expectNoSuchFile("readFrom", () -> readFrom().call(missing, 0L));
        expectNoSuchFile("readRange", () -> readRange().call(missing, 0L, 1));
        expectNoSuchFile("size", () -> size().call(missing));
        expectNoSuchFile("writeAt", () -> writeAt().call(missing, 0L, new byte[] {1}));
        Expect.that(!Files.exists(missing), "writeAt on a missing file created it; like Python's \"r+\" it must throw NoSuchFileException instead");
    }

    private static void expectIllegal(String call, Executable e) {
        Throwable t = assertThrows(Throwable.class, e, call + " should throw IllegalArgumentException but returned normally");
        Expect.that(t instanceof IllegalArgumentException, call + " should throw IllegalArgumentException but threw " + t);
    }

    private static void expectNoSuchFile(String call, Executable e) {
        Throwable t = assertThrows(Throwable.class, e, call + " on a missing file should throw NoSuchFileException but returned normally");
        Expect.that(t instanceof NoSuchFileException, call + " on a missing file should throw NoSuchFileException but threw " + t);
    }
}
