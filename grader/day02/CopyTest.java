package day02;

import static java.nio.charset.StandardCharsets.UTF_8;

import grade.kit.Expect;
import grade.kit.LearnerProgram;
import grade.kit.ProgramResult;
import grade.kit.Say;
import grade.kit.Zh;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("day02/copy")
class CopyTest {
    private static final byte[] PRECIOUS = "precious notes\n你好，世界\n".getBytes(UTF_8);

    @TempDir
    Path dir;

    /** Runs Copy in the test's folder, so SRC and DST can be given as the short paths a person types. */
    private ProgramResult copy(String src, String dst) {
        return LearnerProgram.of("day02.Copy").args(src, dst).dir(dir).run(Duration.ofSeconds(10));
    }

    private Path write(String name, byte[] content) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        return Files.write(p, content);
    }

    private static void expectCopied(ProgramResult r, String situation, long bytes) {
        Expect.that(r.exitCode() == 0, situation + Say.pick(": Copy should succeed (exit status 0) but exited with status ",
                "：Copy 应该成功（退出状态为 0），但退出状态是 ") + r.exitCode() + "\n" + r.describe());
        Expect.sameLines(Say.pick("what Copy printed on stdout (" + situation + ")", "Copy 在标准输出上输出的内容（" + situation + "）"),
                List.of("copied " + bytes + " bytes"), r.lines());
    }

    /** The copy must equal the original byte for byte; says where they first differ. */
    private static void expectSameFile(Path original, Path copy, String situation) throws IOException {
        Expect.that(Files.isRegularFile(copy), situation + Say.pick(": there is no file " + copy.getFileName() + " after the copy",
                "：复制之后没有文件 " + copy.getFileName()));
        long at = Files.mismatch(original, copy);
        if (at >= 0) {
            throw Expect.fail(situation + Say.pick(": the copy is not the same as the original. The original has "
                    + Files.size(original) + " bytes, the copy " + Files.size(copy) + "; they first differ at byte " + at,
                    "：副本和原文件不一样。原文件有 " + Files.size(original) + " 个字节，副本有 " + Files.size(copy)
                    + " 个；第一处不同在第 " + at + " 个字节")
                    + (at == Math.min(Files.size(original), Files.size(copy))
                    ? (Files.size(copy) > Files.size(original) ? Say.pick(" (the copy has extra bytes at its end)", "（副本末尾多出了字节）")
                    : Say.pick(" (the copy is cut short)", "（副本被截短了）"))
                    : ""));
        }
    }

    /** An error case: exit status 1 and a message on stderr that names one of the paths involved. */
    private static void expectRefused(ProgramResult r, String situation, String... names) {
        Expect.that(r.exitCode() == 1, when(situation) + Say.pick("Copy should print a message on stderr and exit with status 1;"
                + " it exited with status ", "Copy 应该在标准错误上输出提示，并以退出状态 1 退出；它的退出状态是 ") + r.exitCode() + "\n"
                + r.describe());
        Expect.that(Arrays.stream(names).anyMatch(r.stderr()::contains), when(situation)
                + Say.pick("the message on stderr should name the path (" + names[0] + ")\n", "标准错误上的提示应该写明路径（" + names[0] + "）\n")
                + r.describe());
    }

    /** "when SITUATION, " before the rest of a sentence. */
    private static String when(String situation) {
        return Say.pick("when " + situation + ", ", situation + "时，");
    }

    private static void expectUnchanged(Path file, byte[] content, String situation) throws IOException {
        expectUnchanged(file, content, situation, Say.pick("opening it for writing emptied it: check everything before you open DST",
                "以写方式打开它时把它清空了：打开 DST 之前先把一切检查好"));
    }

    /** {@code ifEmptied} says what to do when the file was emptied, the usual way of losing it. */
    private static void expectUnchanged(Path file, byte[] content, String situation, String ifEmptied) throws IOException {
        Expect.that(Files.isRegularFile(file), when(situation) + file.getFileName() + Say.pick(" must be left as it was,"
                + " but it is gone", " 必须保持原样，但它不见了"));
        byte[] now = Files.readAllBytes(file);
        if (!Arrays.equals(now, content)) {
            throw Expect.fail(when(situation) + file.getFileName() + Say.pick(" must be left as it was: it had "
                    + content.length + " bytes, now it has " + now.length, " 必须保持原样：原来有 " + content.length
                    + " 个字节，现在有 " + now.length + " 个") + (now.length == 0 ? Say.pick(".\n", "。\n") + ifEmptied
                    + Say.pick(".", "。") : ""));
        }
    }

    @Test
    @DisplayName("copies a text file with Chinese and prints `copied N bytes`")
    @Zh("复制带中文的文本文件，并输出 `copied N bytes`")
    void copiesText() throws Exception {
        byte[] text = "你好, world\n第二行\r\nno newline at the end".getBytes(UTF_8);
        Path src = write("notes.txt", text);
        ProgramResult r = copy("notes.txt", "copy.txt");
        expectCopied(r, Say.pick("copying a text file of " + text.length + " bytes", "复制一个 " + text.length + " 字节的文本文件"), text.length);
        expectSameFile(src, dir.resolve("copy.txt"), Say.pick("copying notes.txt to copy.txt", "把 notes.txt 复制到 copy.txt"));
        expectUnchanged(src, text, Say.pick("copying it", "复制它"));
    }

    @Test
    @DisplayName("copies a binary file byte for byte: every byte value, a size that is no multiple of a buffer")
    @Zh("逐字节复制二进制文件：每一种字节值都有，大小不是缓冲区的整数倍")
    void copiesBinary() throws Exception {
        byte[] data = new byte[1_000_003];
        new SplittableRandom(2).nextBytes(data);
        for (int i = 0; i < 256; i++) {
            data[i] = (byte) i;
        }
        Path src = write("photo.jpg", data);
        ProgramResult r = copy("photo.jpg", "photo-copy.jpg");
        String situation = Say.pick("copying a binary file of " + data.length + " bytes", "复制一个 " + data.length + " 字节的二进制文件");
        expectCopied(r, situation, data.length);
        expectSameFile(src, dir.resolve("photo-copy.jpg"), situation);
    }

    @Test
    @DisplayName("copies an empty file: `copied 0 bytes` and an empty DST")
    @Zh("复制空文件：输出 `copied 0 bytes`，DST 为空")
    void copiesEmpty() throws Exception {
        write("empty.txt", new byte[0]);
        ProgramResult r = copy("empty.txt", "empty-copy.txt");
        expectCopied(r, Say.pick("copying an empty file", "复制一个空文件"), 0);
        Path out = dir.resolve("empty-copy.txt");
        Expect.that(Files.isRegularFile(out) && Files.size(out) == 0, Say.pick("copying an empty file should create an empty "
                + out.getFileName() + "; ", "复制空文件应该创建一个空的 " + out.getFileName() + "；") + (Files.exists(out)
                ? Say.pick("it has " + Files.size(out) + " bytes", "它有 " + Files.size(out) + " 个字节")
                : Say.pick("there is none", "但没有这个文件")));
    }

    @Test
    @DisplayName("overwrites an existing DST that is longer than SRC, leaving none of its old bytes")
    @Zh("覆盖比 SRC 更长的已有 DST，不留下它原来的任何字节")
    void overwrites() throws Exception {
        Path src = write("new.txt", "new content\n".getBytes(UTF_8));
        write("old.txt", "old content, much longer than the new one\n".repeat(100).getBytes(UTF_8));
        ProgramResult r = copy("new.txt", "old.txt");
        expectCopied(r, Say.pick("copying a 12-byte file over a 4,300-byte one", "把一个 12 字节的文件复制到一个 4,300 字节的文件上"), 12);
        expectSameFile(src, dir.resolve("old.txt"), Say.pick("copying new.txt over the longer old.txt", "把 new.txt 复制到更长的 old.txt 上"));
    }

    @Test
    @DisplayName("copies a 64 MiB file with a 16 MiB heap: it streams through a buffer")
    @Zh("用 16 MiB 的堆复制 64 MiB 的文件：通过缓冲区边读边写")
    void streams() throws Exception {
        Path src = dir.resolve("big.bin");
        long size = (64L << 20) + 123;
        byte[] chunk = new byte[1 << 20];
        SplittableRandom random = new SplittableRandom(64);
        try (OutputStream out = Files.newOutputStream(src)) {
            for (long left = size; left > 0; left -= chunk.length) {
                random.nextBytes(chunk);
                out.write(chunk, 0, (int) Math.min(chunk.length, left));
            }
        }
        ProgramResult r = LearnerProgram.of("day02.Copy").jvmArgs("-Xmx16m").args("big.bin", "big-copy.bin").dir(dir)
                .run(Duration.ofSeconds(25));
        if (r.exitCode() != 0 && r.stderr().contains("OutOfMemoryError")) {
            throw Expect.fail(Say.pick("copying a 64 MiB file with a 16 MiB heap (-Xmx16m), your program ran out of memory."
                    + " Do not read the whole file at once: read a block into a fixed-size buffer, write it, and repeat.\n",
                    "用 16 MiB 的堆（-Xmx16m）复制一个 64 MiB 的文件时，你的程序内存不够了。"
                    + "不要一次读入整个文件：每次读一块到固定大小的缓冲区，写出去，再重复。\n")
                    + r.describe());
        }
        expectCopied(r, Say.pick("copying a 64 MiB file with a 16 MiB heap (-Xmx16m)", "用 16 MiB 的堆（-Xmx16m）复制一个 64 MiB 的文件"), size);
        expectSameFile(src, dir.resolve("big-copy.bin"), Say.pick("copying a 64 MiB file", "复制一个 64 MiB 的文件"));
    }

    @Test
    @DisplayName("SRC missing: a message naming it, exit 1, and an existing DST left as it was")
    @Zh("SRC 不存在：提示里写明它，退出状态为 1，已有的 DST 保持原样")
    void srcMissing() throws Exception {
        Path keep = write("keep.txt", PRECIOUS);
        ProgramResult r = copy("missing.txt", "keep.txt");
        String situation = Say.pick("SRC (missing.txt) does not exist", "SRC（missing.txt）不存在");
        expectRefused(r, situation, "missing.txt");
        expectUnchanged(keep, PRECIOUS, situation);
    }

    @Test
    @DisplayName("SRC a folder: a message naming it, exit 1, and an existing DST left as it was")
    @Zh("SRC 是目录：提示里写明它，退出状态为 1，已有的 DST 保持原样")
    void srcFolder() throws Exception {
        write("photos/a.jpg", new byte[] {1, 2, 3});
        Path keep = write("keep.txt", PRECIOUS);
        ProgramResult r = copy("photos", "keep.txt");
        String situation = Say.pick("SRC (photos) is a folder", "SRC（photos）是一个目录");
        expectRefused(r, situation, "photos");
        expectUnchanged(keep, PRECIOUS, situation);
        expectUnchanged(dir.resolve("photos/a.jpg"), new byte[] {1, 2, 3}, situation);
    }

    @Test
    @DisplayName("DST's folder missing: a message naming it, exit 1, and no folder made")
    @Zh("DST 所在的目录不存在：提示里写明它，退出状态为 1，不创建目录")
    void dstFolderMissing() throws Exception {
        Path src = write("notes.txt", PRECIOUS);
        ProgramResult r = copy("notes.txt", "no-such-folder/notes.txt");
        String situation = Say.pick("the folder of DST (no-such-folder/notes.txt) does not exist",
                "DST（no-such-folder/notes.txt）所在的目录不存在");
        expectRefused(r, situation, "no-such-folder");
        Expect.that(!Files.exists(dir.resolve("no-such-folder")), when(situation)
                + Say.pick("Copy must not create the folder: it is an error, as with Python's open(..., 'wb')",
                "Copy 不能创建这个目录：这是一个错误，和 Python 的 open(..., 'wb') 一样"));
        expectUnchanged(src, PRECIOUS, situation);
    }

    @Test
    @DisplayName("DST an existing folder: a message naming it, exit 1, and the folder left as it was")
    @Zh("DST 是已有的目录：提示里写明它，退出状态为 1，目录保持原样")
    void dstFolder() throws Exception {
        Path src = write("notes.txt", PRECIOUS);
        Path inside = write("backup/old.txt", "old".getBytes(UTF_8));
        ProgramResult r = copy("notes.txt", "backup");
        String situation = Say.pick("DST (backup) is an existing folder", "DST（backup）是一个已有的目录");
        expectRefused(r, situation, "backup");
        Expect.that(Files.isDirectory(dir.resolve("backup")), when(situation) + Say.pick("the folder must stay a folder", "这个目录必须仍然是目录"));
        try (Stream<Path> entries = Files.list(dir.resolve("backup"))) {
            List<String> names = entries.map(p -> p.getFileName().toString()).sorted().toList();
            Expect.sameLines(when(situation) + Say.pick("what the folder holds afterwards (nothing may be added)",
                    "目录里之后的内容（不能多出任何东西）"), List.of("old.txt"), names);
        }
        expectUnchanged(inside, "old".getBytes(UTF_8), situation);
        expectUnchanged(src, PRECIOUS, situation);
    }

    @Test
    @DisplayName("SRC and DST the same path: a message, exit 1, and the file intact (not emptied)")
    @Zh("SRC 和 DST 是同一个路径：输出提示，退出状态为 1，文件完好（没有被清空）")
    void samePath() throws Exception {
        Path f = write("notes.txt", PRECIOUS);
        ProgramResult r = copy("notes.txt", "notes.txt");
        String situation = Say.pick("SRC and DST are the same file (notes.txt notes.txt)", "SRC 和 DST 是同一个文件（notes.txt notes.txt）");
        expectUnchanged(f, PRECIOUS, situation, Say.pick("Opening DST for writing emptied the file before anything was read:"
                + " check whether SRC and DST are the same file before you open DST",
                "以写方式打开 DST 时，文件还没被读就被清空了：打开 DST 之前，先检查 SRC 和 DST 是不是同一个文件"));
        expectRefused(r, situation, "notes.txt");
    }

    @Test
    @DisplayName("SRC and DST the same file spelt differently (dir/f and dir/./f): exit 1, the file intact")
    @Zh("SRC 和 DST 是同一个文件的不同写法（dir/f 和 dir/./f）：退出状态为 1，文件完好")
    void sameFileOtherSpelling() throws Exception {
        Path f = write("docs/notes.txt", PRECIOUS);
        ProgramResult r = copy("docs/notes.txt", "docs/./notes.txt");
        String situation = Say.pick("SRC and DST are the same file spelt two ways (docs/notes.txt docs/./notes.txt)",
                "SRC 和 DST 是同一个文件的两种写法（docs/notes.txt docs/./notes.txt）");
        expectUnchanged(f, PRECIOUS, situation, Say.pick("Two spellings can name one file: compare the files, not the strings"
                + " (Files.isSameFile)", "两种写法可以指向同一个文件：要比较文件，而不是比较字符串（Files.isSameFile）"));
        expectRefused(r, situation, "notes.txt");
    }

    @Test
    @DisplayName("DST a symbolic link to SRC: exit 1, the file intact")
    @Zh("DST 是指向 SRC 的符号链接：退出状态为 1，文件完好")
    void sameFileThroughLink() throws Exception {
        Path f = write("docs/notes.txt", PRECIOUS);
        Path link = Files.createSymbolicLink(dir.resolve("link.txt"), Path.of("docs", "notes.txt"));
        ProgramResult r = copy("docs/notes.txt", "link.txt");
        String situation = Say.pick("DST (link.txt) is a symbolic link to SRC (docs/notes.txt)",
                "DST（link.txt）是指向 SRC（docs/notes.txt）的符号链接");
        expectUnchanged(f, PRECIOUS, situation, Say.pick("A link is another name for the same file: Files.isSameFile sees through"
                + " it, comparing paths does not", "链接是同一个文件的另一个名字：Files.isSameFile 能看穿它，比较路径却不能"));
        expectRefused(r, situation, "notes.txt", "link.txt");
        Expect.that(Files.isSymbolicLink(link), when(situation) + Say.pick("the link must be left as it was", "链接必须保持原样"));
    }
}
