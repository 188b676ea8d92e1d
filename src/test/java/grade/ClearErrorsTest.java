package grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broken machine or workspace gives one clear sentence and a fix, never a stack trace: a Java
 * without a compiler, a read-only workspace, a full disk, a source not saved as UTF-8, a file
 * under another (Chinese) name, a class in the wrong package. Each through the command line.
 */
class ClearErrorsTest {
    private static final Path BWRAP = Path.of("/usr/bin/bwrap");

    @TempDir
    Path dir;
    Path home;
    Path ws;

    @BeforeEach
    void setUp() throws Exception {
        home = Fixtures.course(dir.resolve("course"));
        ws = dir.resolve("ws");
        assertEquals(0, Fixtures.grade(home, dir, "init", ws.toString()).exit());
    }

    /** The grader's own frames and exception classes never reach the user. */
    private static void noStackTrace(Fixtures.Run r) {
        String all = r.out() + r.err();
        assertFalse(all.lines().anyMatch(l -> l.matches("\\s+at (java|jdk|sun|grade|org|com|picocli)\\.[\\w.$]+\\(.*\\)")), all);
        assertFalse(all.matches("(?s).*\\b(java|javax|com|org|sun)\\.[\\w.]+(Exception|Error)\\b.*"), all);
        assertFalse(all.contains("internal error"), all);
    }

    /** Runs the command line with a prefix before java (bwrap), extra JVM options and a shell step before it. */
    private Fixtures.Run run(List<String> prefix, List<String> jvm, String... args) throws Exception {
        List<String> command = new ArrayList<>(prefix);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvm);
        command.addAll(List.of("-Dgrade.home=" + home, "-cp", System.getProperty("java.class.path"), "grade.cli.Main"));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("LANG", "C.UTF-8");
        Process p = pb.start();
        p.getOutputStream().close();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "grade did not finish");
        return new Fixtures.Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void aJavaWithoutACompilerIsExplained() throws Exception {
        // --limit-modules java.se leaves out jdk.compiler: the JDK then behaves as a JRE would.
        Fixtures.Run r = run(List.of(), List.of("--limit-modules", "java.se"), "day90", "sum", "-w", ws.toString(), "--no-color");
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("this Java has no compiler (it is a JRE, not a JDK): install a JDK 17 or newer"), r.err());
        noStackTrace(r);
    }

    @Test
    void aReadOnlyWorkspaceIsExplained() throws Exception {
        assumeTrue(Files.isExecutable(BWRAP), "bubblewrap mounts the workspace read-only here");
        Fixtures.Run r = run(List.of(BWRAP.toString(), "--dev-bind", "/", "/", "--ro-bind", ws.toString(), ws.toString(), "--"),
                List.of(), "day90", "sum", "-w", ws.toString(), "--no-color", "--sandbox", "none");
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("read-only file system") && r.err().contains("-w"), r.err());
        noStackTrace(r);
    }

    @Test
    void aFullDiskIsExplained() throws Exception {
        assumeTrue(Files.isExecutable(BWRAP), "bubblewrap makes a small full disk here");
        // The workspace is copied onto a 512 KiB tmpfs, which a filler file then fills.
        Path full = dir.resolve("full");
        Files.createDirectories(full);
        Fixtures.Run r = run(List.of(BWRAP.toString(), "--dev-bind", "/", "/", "--size", "524288", "--tmpfs", full.toString(),
                "--", "sh", "-c", "src=$1; dst=$2; shift 2; cp -r \"$src\"/. \"$dst\"/ && { head -c 1000000 /dev/zero > \"$dst/filler\" 2>/dev/null;"
                + " exec \"$@\" 2>&1; }", "sh", ws.toString(), full.toString()), List.of(), "day90", "sum", "-w", full.toString(), "--no-color", "--sandbox", "none");
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("the disk is full") || r.out().contains("disk full"), r.out() + r.err());
        noStackTrace(r);
    }

    @Test
    void aSourceNotSavedAsUtf8IsExplained() throws Exception {
        Files.write(ws.resolve("day90/Sum.java"), Fixtures.SUM_OK.replace("public class Sum", "// café\npublic class Sum")
                .getBytes(StandardCharsets.ISO_8859_1));
        Fixtures.Run r = Fixtures.grade(home, dir, "day90", "sum", "-w", ws.toString(), "--no-color");
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("day90/Sum.java:3:7: error: the file is not saved as UTF-8"), r.out());
        assertTrue(r.out().contains("Save it as UTF-8 in your editor"), r.out());
        noStackTrace(r);
    }

    @Test
    void aFileWithAChineseNameBesideTheLearnersFilesIsLeftAlone() throws Exception {
        Files.writeString(ws.resolve("day90/Sum.java"), Fixtures.SUM_OK);
        Files.writeString(ws.resolve("day90/求和.java"), "not even Java");
        Fixtures.Run r = Fixtures.grade(home, dir, "day90", "sum", "-w", ws.toString(), "--no-color");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertEquals("not even Java", Files.readString(ws.resolve("day90/求和.java")));
        noStackTrace(r);
    }

    @Test
    void aFileSavedUnderAChineseNameIsNamedWhenItsExpectedFileIsMissing() throws Exception {
        Path root = Files.createDirectories(dir.resolve("src/day90"));
        Files.writeString(root.resolve("求和.java"), Fixtures.SUM_OK);
        grade.compile.CompileResult c = new grade.compile.Compiler(dir.resolve("cache"))
                .compile("day90/sum", dir.resolve("src"), List.of("day90/Sum.java"));
        assertFalse(c.ok());
        assertTrue(c.errors().get(0).contains("day90/Sum.java: the file is missing"), c.errors().toString());
        assertTrue(c.errors().get(0).contains("The folder has 求和.java: if your work is there, rename the file to Sum.java"),
                c.errors().toString());
    }

    @Test
    void aWorkspaceInAChineseFolderIsGraded() throws Exception {
        Path chinese = dir.resolve("作业");
        assertEquals(0, Fixtures.grade(home, dir, "init", chinese.toString()).exit());
        Files.writeString(chinese.resolve("day90/Sum.java"), Fixtures.SUM_OK);
        Fixtures.Run r = Fixtures.grade(home, dir, "day90", "sum", "-w", chinese.toString(), "--no-color");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("作业"), r.out());
        String state = Files.readString(chinese.resolve(".grade/state.json"));
        assertEquals("pass", JsonParser.parseString(state).getAsJsonObject().getAsJsonObject("exercises")
                .getAsJsonObject("day90/sum").get("status").getAsString());
    }

    @Test
    void aClassInTheWrongPackageIsExplained() throws Exception {
        Files.writeString(ws.resolve("day90/Sum.java"), Fixtures.SUM_OK.replace("package day90;", "package day09;"));
        Fixtures.Run r = Fixtures.grade(home, dir, "day90", "sum", "-w", ws.toString(), "--no-color");
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("must start with `package day90;`"), r.out());
        noStackTrace(r);
    }
}
