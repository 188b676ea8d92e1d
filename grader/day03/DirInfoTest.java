package day03;

import static java.nio.charset.StandardCharsets.UTF_8;

import grade.kit.Expect;
import grade.kit.LearnerProgram;
import grade.kit.ProgramResult;
import grade.kit.Say;
import grade.kit.Text;
import grade.kit.Zh;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("day03/dir-info")
class DirInfoTest {
    /** How the lines are ordered, for a message. */
    private static String order() {
        return Say.pick("sorted by name with String.compareTo: upper case before lower case,"
                + " \"10\" before \"9\"; sort the names as Strings, since Paths compare differently",
                "按名字以 String.compareTo 排序：大写字母在小写字母前面，\"10\" 在 \"9\" 前面；要对名字字符串排序，Path 的比较方式不同");
    }

    @TempDir
    Path dir;

    private static ProgramResult dirInfo(Path folder) {
        return LearnerProgram.of("day03.DirInfo").args(folder.toString()).run();
    }

    private static void expectListing(String what, Path folder, String expected) {
        ProgramResult r = dirInfo(folder);
        Expect.that(r.exitCode() == 0, Say.pick("DirInfo on " + what + " exited with status " + r.exitCode() + ", expected 0.\n",
                "对" + what + "运行 DirInfo，退出状态是 " + r.exitCode() + "，应该是 0。\n") + r.describe());
        if (expected.equals(r.stdout())) {
            return;
        }
        List<String> want = expected.lines().toList();
        List<String> got = r.lines();
        List<String> missing = want.stream().filter(l -> !got.contains(l)).toList();
        List<String> extra = got.stream().filter(l -> !want.contains(l)).toList();
        String summary = missing.isEmpty() && extra.isEmpty()
                ? Say.pick("\nThe lines are right but their order is not: ", "\n行都对，但顺序不对：") + order() + Say.pick(".", "。")
                : (missing.isEmpty() ? "" : Say.pick("\nMissing lines: ", "\n缺少的行：") + show(missing))
                + (extra.isEmpty() ? "" : Say.pick("\nLines that should not be there: ", "\n不该有的行：") + show(extra));
        try {
            Expect.sameText(Say.pick("stdout of DirInfo on " + what, "对" + what + "运行 DirInfo 的标准输出"), expected, r.stdout());
        } catch (AssertionError e) {
            throw Expect.fail(e.getMessage() + summary);
        }
    }

    private static String show(List<String> lines) {
        return lines.stream().map(Text::show).collect(Collectors.joining(", "));
    }

    private static void write(Path file, String content) throws Exception {
        Files.writeString(file, content, UTF_8);
    }

    @Test
    @DisplayName("files and folders, hidden ones too, sorted by String.compareTo, then the total")
    @Zh("文件和目录（隐藏的也要列出），按 String.compareTo 排序，最后是合计")
    void filesAndFolders() throws Exception {
        Path d = Files.createDirectory(dir.resolve("project"));
        write(d.resolve("a.txt"), "hello world\n");
        write(d.resolve("b.txt"), "bbbbb");
        write(d.resolve("B.txt"), "");
        write(d.resolve(".hidden"), "abc");
        write(d.resolve("10.txt"), "1234567890");
        write(d.resolve("9.txt"), "9");
        write(d.resolve("my notes.txt"), "note\n");
        write(d.resolve("文件.txt"), "你好\n\n");
        write(d.resolve("ｆｕｌｌ.txt"), "xyz");
        write(d.resolve("😀.txt"), "");
        write(d.resolve("_under"), "__");
        Files.createDirectory(d.resolve("sub"));
        write(d.resolve("sub").resolve("inside.txt"), "not counted: DirInfo does not go into folders");
        Files.createDirectory(d.resolve(".git"));
        Files.createDirectory(d.resolve("Zoo"));
        Files.createDirectory(d.resolve("空文件夹"));
        String expected = """
                d .git/
                f .hidden 3
                f 10.txt 10
                f 9.txt 1
                f B.txt 0
                d Zoo/
                f _under 2
                f a.txt 12
                f b.txt 5
                f my notes.txt 5
                d sub/
                f 文件.txt 8
                d 空文件夹/
                f 😀.txt 0
                f ｆｕｌｌ.txt 3
                total: 11 files, 4 dirs, 49 bytes
                """;
        expectListing(Say.pick("a folder of files and folders, hidden ones too", "一个有文件和子目录（也有隐藏的）的目录"), d, expected);
    }

    @Test
    @DisplayName("symbolic links show the target stored in them and are never followed; anything else (a named pipe) is `o NAME`")
    @Zh("符号链接显示其中存的目标，从不跟随；其他条目（命名管道）是 `o NAME`")
    void linksAndOthers() throws Exception {
        Path d = Files.createDirectory(dir.resolve("links"));
        write(d.resolve("target.txt"), "data");
        Files.createDirectory(d.resolve("sub"));
        Files.createSymbolicLink(d.resolve("link-to-file"), Path.of("target.txt"));
        Files.createSymbolicLink(d.resolve("link-to-dir"), Path.of("sub"));
        Files.createSymbolicLink(d.resolve("dangling"), Path.of("nowhere/missing.txt"));
        Path absolute = d.resolve("target.txt").toAbsolutePath();
        Files.createSymbolicLink(d.resolve("absolute"), absolute);
        boolean fifo = mkfifo(d.resolve("pipe"));
        String expected = "l absolute -> " + absolute + "\n"
                + "l dangling -> nowhere/missing.txt\n"
                + "l link-to-dir -> sub\n"
                + "l link-to-file -> target.txt\n"
                + (fifo ? "o pipe\n" : "")
                + "d sub/\n"
                + "f target.txt 4\n"
                + "total: 1 files, 1 dirs, 4 bytes\n";
        expectListing(Say.pick("a folder with symbolic links (to a file, to a folder, to nothing, to an absolute path)"
                + (fifo ? " and a named pipe" : "") + " (a link is `l NAME -> TARGET` whatever it points to,"
                + " and counts as neither file nor folder)", "一个有符号链接（指向文件、指向目录、指向不存在的东西、使用绝对路径）"
                + (fifo ? "和命名管道" : "") + "的目录（不管链接指向什么，都是 `l NAME -> TARGET`，既不算文件也不算目录）"), d, expected);
    }

    @Test
    @DisplayName("an empty folder prints only `total: 0 files, 0 dirs, 0 bytes`")
    @Zh("空目录只输出 `total: 0 files, 0 dirs, 0 bytes`")
    void emptyFolder() throws Exception {
        Path d = Files.createDirectory(dir.resolve("empty"));
        expectListing(Say.pick("an empty folder", "一个空目录"), d, "total: 0 files, 0 dirs, 0 bytes\n");
    }

    @Test
    @DisplayName("DIR missing or not a folder: a message on stderr and exit status 1")
    @Zh("DIR 不存在或不是目录：在标准错误上输出提示，退出状态为 1")
    void badDir() throws Exception {
        Path missing = dir.resolve("no-such-folder");
        ProgramResult r = dirInfo(missing);
        Expect.that(r.exitCode() == 1, Say.pick("DirInfo on a folder that does not exist exited with status " + r.exitCode()
                + ", expected 1 (return from main means 0: use System.exit(1)).\n", "对不存在的目录运行 DirInfo，退出状态是 "
                + r.exitCode() + "，应该是 1（从 main 返回就是 0：要用 System.exit(1)）。\n") + r.describe());
        Expect.that(!r.stderr().isBlank(), Say.pick("DirInfo on a folder that does not exist should print a message on stderr.\n",
                "对不存在的目录运行 DirInfo，应该在标准错误上输出提示。\n") + r.describe());
        Path file = Files.writeString(dir.resolve("plain.txt"), "I am a file\n", UTF_8);
        ProgramResult f = dirInfo(file);
        Expect.that(f.exitCode() == 1, Say.pick("DirInfo on a regular file (not a folder) exited with status " + f.exitCode()
                + ", expected 1.\n", "对普通文件（不是目录）运行 DirInfo，退出状态是 " + f.exitCode() + "，应该是 1。\n") + f.describe());
        Expect.that(!f.stderr().isBlank(), Say.pick("DirInfo on a regular file (not a folder) should print a message on stderr.\n",
                "对普通文件（不是目录）运行 DirInfo，应该在标准错误上输出提示。\n") + f.describe());
    }

    /** Makes a named pipe with the system's mkfifo; false where there is none. */
    private static boolean mkfifo(Path where) {
        try {
            Process p = new ProcessBuilder("mkfifo", where.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0 && Files.exists(where, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        } catch (Exception e) {
            return false;
        }
    }
}
