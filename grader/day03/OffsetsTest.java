package day03;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertThrows;

import grade.kit.Expect;
import grade.kit.LearnerClass;
import grade.kit.Say;
import grade.kit.StaticMethod;
import grade.kit.Weight;
import grade.kit.Zh;
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
    @Zh("写入 \"Hello world\\n\" 后，readFrom(f, 7) 是 \"orld\\n\"（课上的例子）")
    void seedExample() throws Exception {
        Path f = file("test", "Hello world\n".getBytes(UTF_8));
        Expect.sameText("readFrom(file, 7)", "orld\n", readFrom().call(f, 7L));
    }

    @Test
    @DisplayName("readFrom at 0, at the end and past the end")
    @Zh("readFrom 从 0、从末尾、从超过末尾处读")
    void readFromEdges() throws Exception {
        Path f = file("edges.txt", "abc".getBytes(UTF_8));
        Expect.sameText("readFrom(\"abc\", 0)", "abc", readFrom().call(f, 0L));
        Expect.sameText(Say.pick("readFrom(\"abc\", 3) (the end)", "readFrom(\"abc\", 3)（末尾）"), "", readFrom().call(f, 3L));
        Expect.sameText(Say.pick("readFrom(\"abc\", 100) (past the end)", "readFrom(\"abc\", 100)（超过末尾）"), "", readFrom().call(f, 100L));
    }

    @Test
    @DisplayName("readFrom decodes UTF-8, with U+FFFD for a character cut by the offset")
    @Zh("readFrom 按 UTF-8 解码，被偏移量切断的字符变成 U+FFFD")
    void readFromUtf8() throws Exception {
        Path f = file("zh.txt", "你好, world".getBytes(UTF_8));
        Expect.sameText("readFrom(\"你好, world\", 3)", "好, world", readFrom().call(f, 3L));
        Expect.sameText(Say.pick("readFrom(\"你好, world\", 1) (inside 你)", "readFrom(\"你好, world\", 1)（在“你”的中间）"), new String("你好, world".getBytes(UTF_8), 1, 12, UTF_8),
                readFrom().call(f, 1L));
    }

    @Test
    @Weight(2) // one of the three things the exercise is about: reading from, reading a range, writing at an offset
    @DisplayName("readRange returns the bytes asked for, fewer at the end, none past it")
    @Zh("readRange 返回要求的字节：到末尾时较少，超过末尾时没有")
    void readRangeEdges() throws Exception {
        byte[] data = new byte[256];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        Path f = file("bytes.bin", data);
        Expect.sameBytes("readRange(f, 10, 5)", Arrays.copyOfRange(data, 10, 15), readRange().call(f, 10L, 5));
        Expect.sameBytes(Say.pick("readRange(f, 250, 100) (only 6 bytes left)", "readRange(f, 250, 100)（只剩 6 个字节）"), Arrays.copyOfRange(data, 250, 256), readRange().call(f, 250L, 100));
        Expect.sameBytes(Say.pick("readRange(f, 256, 10) (at the end)", "readRange(f, 256, 10)（在末尾）"), new byte[0], readRange().call(f, 256L, 10));
        Expect.sameBytes(Say.pick("readRange(f, 1000, 10) (past the end)", "readRange(f, 1000, 10)（超过末尾）"), new byte[0], readRange().call(f, 1000L, 10));
        Expect.sameBytes("readRange(f, 0, 0)", new byte[0], readRange().call(f, 0L, 0));
    }

    @Test
    @DisplayName("readRange does not read the whole file to return a few bytes of a big one")
    @Zh("readRange 返回大文件中的几个字节时，不读整个文件")
    void readRangeSeeks() throws Exception {
        Path f = grade.kit.Sparse.create(dir.resolve("big.bin"), 3L << 30, "END".getBytes(UTF_8));
        Expect.sameBytes(Say.pick("readRange of the last 3 bytes of a 3 GiB file", "用 readRange 读 3 GiB 文件的最后 3 个字节"), "END".getBytes(UTF_8),
                readRange().call(f, (3L << 30) - 3, 3));
    }

    @Test
    @Weight(2) // one of the three things the exercise is about: reading from, reading a range, writing at an offset
    @DisplayName("writeAt overwrites in place and keeps the bytes after it")
    @Zh("writeAt 原地覆盖，保留后面的字节")
    void writeAtInPlace() throws Exception {
        Path f = file("w.txt", "Hello world\n".getBytes(UTF_8));
        writeAt().call(f, 6L, "WORLD".getBytes(UTF_8));
        Expect.sameText(Say.pick("the file after writeAt(f, 6, \"WORLD\")", "writeAt(f, 6, \"WORLD\") 之后的文件"), "Hello WORLD\n", Files.readString(f, UTF_8));
        writeAt().call(f, 0L, "J".getBytes(UTF_8));
        Expect.sameText(Say.pick("the file after writeAt(f, 0, \"J\")", "writeAt(f, 0, \"J\") 之后的文件"), "Jello WORLD\n", Files.readString(f, UTF_8));
        writeAt().call(f, 3L, new byte[0]);
        Expect.sameText(Say.pick("the file after writing nothing at 3 (nothing may be truncated)", "在 3 处写入空内容之后的文件（不能截断任何东西）"), "Jello WORLD\n", Files.readString(f, UTF_8));
    }

    @Test
    @DisplayName("writeAt past the end extends the file with zero bytes")
    @Zh("writeAt 超过末尾写入时，中间用 0 字节填充")
    void writeAtPastEnd() throws Exception {
        Path f = file("ext.bin", new byte[] {1, 2});
        writeAt().call(f, 5L, new byte[] {9});
        Expect.sameBytes(Say.pick("the file after writeAt(f, 5, {9}) on a 2-byte file", "对 2 字节的文件执行 writeAt(f, 5, {9}) 之后的文件"), new byte[] {1, 2, 0, 0, 0, 9}, Files.readAllBytes(f));
        Expect.equal(Say.pick("size(f) afterwards", "之后的 size(f)"), 6L, size().call(f));
    }

    @Test
    @DisplayName("size is the number of bytes, not characters")
    @Zh("size 是字节数，不是字符数")
    void sizeInBytes() throws Exception {
        Expect.equal(Say.pick("size of a file holding \"你好\\n\"", "内容为 \"你好\\n\" 的文件的 size"), 7L, size().call(file("s.txt", "你好\n".getBytes(UTF_8))));
        Expect.equal(Say.pick("size of an empty file", "空文件的 size"), 0L, size().call(file("empty", new byte[0])));
    }

    @Test
    @DisplayName("a negative offset or length throws IllegalArgumentException, checked before the file")
    @Zh("偏移量或长度为负时抛出 IllegalArgumentException，先于检查文件")
    void negativeArguments() throws Exception {
        Path f = file("n.txt", "abc".getBytes(UTF_8));
        Path missing = dir.resolve("missing.txt");
        expectIllegal("readFrom(f, -1)", () -> readFrom().call(f, -1L));
        expectIllegal("readRange(f, -1, 2)", () -> readRange().call(f, -1L, 2));
        expectIllegal("readRange(f, 0, -2)", () -> readRange().call(f, 0L, -2));
        expectIllegal("writeAt(f, -1, ...)", () -> writeAt().call(f, -1L, new byte[] {1}));
        expectIllegal(Say.pick("readFrom(missing, -1) (the argument is checked first)", "readFrom(missing, -1)（先检查参数）"), () -> readFrom().call(missing, -1L));
        Expect.sameText(Say.pick("the file after the bad calls", "这些错误调用之后的文件"), "abc", Files.readString(f, UTF_8));
    }

    @Test
    @DisplayName("a missing file throws NoSuchFileException, also for writeAt, which must not create it")
    @Zh("文件不存在时抛出 NoSuchFileException，writeAt 也一样，并且不能创建文件")
    void missingFile() {
        Path missing = dir.resolve("missing.txt");
        expectNoSuchFile("readFrom", () -> readFrom().call(missing, 0L));
        expectNoSuchFile("readRange", () -> readRange().call(missing, 0L, 1));
        expectNoSuchFile("size", () -> size().call(missing));
        expectNoSuchFile("writeAt", () -> writeAt().call(missing, 0L, new byte[] {1}));
        Expect.that(!Files.exists(missing), Say.pick("writeAt on a missing file created it; like Python's \"r+\" it must throw NoSuchFileException instead",
                "对不存在的文件调用 writeAt 时创建了它；它应该像 Python 的 \"r+\" 一样抛出 NoSuchFileException"));
    }

    private static void expectIllegal(String call, Executable e) {
        Throwable t = assertThrows(Throwable.class, e, call + Say.pick(" should throw IllegalArgumentException but returned normally",
                " 应该抛出 IllegalArgumentException，但正常返回了"));
        Expect.that(t instanceof IllegalArgumentException, call + Say.pick(" should throw IllegalArgumentException but threw ",
                " 应该抛出 IllegalArgumentException，但抛出的是 ") + t);
    }

    private static void expectNoSuchFile(String call, Executable e) {
        Throwable t = assertThrows(Throwable.class, e, Say.pick(call + " on a missing file should throw NoSuchFileException but returned normally",
                "对不存在的文件调用 " + call + " 应该抛出 NoSuchFileException，但正常返回了"));
        Expect.that(t instanceof NoSuchFileException, Say.pick(call + " on a missing file should throw NoSuchFileException but threw ",
                "对不存在的文件调用 " + call + " 应该抛出 NoSuchFileException，但抛出的是 ") + t);
    }
}
