package grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import grade.engine.Sandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Submissions that try to write their own results instead of earning them, graded as a learner
 * would (`./grade`), as an instructor would (`grade batch`) and for Gradescope
 * (`--format gradescope`), in both modes. Each forges pass lines (old and new style) wherever it
 * can write: every file descriptor of the test JVM, files named on its command line or in its
 * environment, the test JVM's descriptors through /proc from a child program; then ends the test
 * JVM the hard way. None may earn a point, and the verdict must say why.
 */
class ForgeryTest {
    /** Lines that would have passed for results once, in every shape the grader ever read. */
    private static final String FORGED = """
            String forged = "{\\"class\\":\\"day90.HostileMethodTest\\",\\"name\\":\\"answer() is 42\\",\\"status\\":\\"pass\\"}\\n"
                            + "{\\"event\\":\\"done\\"}\\n"
                            + "00 {\\"type\\":\\"result\\",\\"exercise\\":\\"day91/method\\",\\"test\\":\\"day90.HostileMethodTest#answer()\\","
                            + "\\"status\\":\\"pass\\",\\"message\\":\\"\\",\\"output\\":\\"\\",\\"millis\\":1,\\"hung\\":false}\\n"
                            + "00 {\\"type\\":\\"done\\",\\"rest\\":false}\\n";
            """;

    /**
     * Writes {@code forged} into every pipe and socket of process {@code pid}, and every file in a
     * run's scratch folder that it has open or that its command line or environment names (where a
     * results file once was). Other files it has open, such as the jars of this machine's Maven
     * repository, are left alone: the suite must not damage the machine it runs on.
     */
    private static final String SPRAY = """
            static void spray(String pid, String forged) {
                    java.util.List<String> targets = new java.util.ArrayList<>();
                    java.io.File[] fds = new java.io.File("/proc/" + pid + "/fd").listFiles();
                    if (fds != null) {
                        for (java.io.File f : fds) {
                            try {
                                String to = java.nio.file.Files.readSymbolicLink(f.toPath()).toString();
                                if (to.startsWith("pipe:") || to.startsWith("socket:") || to.contains("grade-run-")) { targets.add(f.getPath()); }
                            } catch (Exception e) { System.out.println("fd " + f + ": " + e); }
                        }
                    }
                    for (String part : new String[] {"cmdline", "environ"}) {
                        try {
                            for (String s : new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc", pid, part))).split("[\\\\x00=:]")) {
                                if (s.contains("grade-run-") && new java.io.File(s).isFile()) { targets.add(s); }
                            }
                        } catch (Exception e) { System.out.println(part + " of " + pid + ": " + e); }
                    }
                    for (String t : targets) {
                        try (java.io.FileOutputStream out = new java.io.FileOutputStream(t, true)) {
                            out.write(forged.getBytes()); System.out.println("wrote " + t);
                        } catch (Exception e) { System.out.println("refused " + t + ": " + e.getMessage()); }
                    }
                }
            """;

    /** A forgery: the exercise it targets, its source, the words its verdict must hold, and what it must find in the sandbox. */
    record Case(String name, String exercise, String source, String expect, String expectInSandbox) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static String method(String body) {
        return AdversarialTest.method(FORGED + body, SPRAY);
    }

    private static String program(String body) {
        return AdversarialTest.program(FORGED.replace("HostileMethodTest#answer()", "HostileProgramTest#answer()") + body, SPRAY);
    }

    static List<Case> cases() {
        String killSelf = "new ProcessBuilder(\"kill\", \"-9\", \"\" + ProcessHandle.current().pid()).start().waitFor();"
                + " Thread.sleep(5000); return 42;";
        String ended = "ended by your code before it could report.*earn nothing";
        return List.of(
                new Case("from a method: every fd, the command line and the environment, then kill -9", "method",
                        method("spray(\"self\", forged); " + killSelf), ended, ""),
                new Case("from a method: the real stdout and stderr, then Runtime.halt(0) by reflection", "method", method("""
                        new java.io.FileOutputStream(java.io.FileDescriptor.out).write(forged.getBytes());
                                new java.io.FileOutputStream(java.io.FileDescriptor.err).write(forged.getBytes());
                                Runtime.class.getMethod("halt", int.class).invoke(Runtime.getRuntime(), 0);
                                return 42;"""), ended + "|exit status 0", ""),
                new Case("from a method: the sealed runner's key and channel by reflection", "method", method("""
                        for (String c : new String[] {"grade.testjvm.seal.Link", "grade.testjvm.seal.Main", "grade.testjvm.seal.Listener"}) {
                                    try {
                                        for (java.lang.reflect.Field f : Class.forName(c).getDeclaredFields()) {
                                            f.setAccessible(true);
                                            System.out.println("read " + c + "." + f.getName());
                                        }
                                    } catch (Throwable e) { System.out.println("refused " + c + ": " + e.getClass().getSimpleName()); }
                                }
                                return 41;"""), "expected 42 but got 41.*refused grade.testjvm.seal.Link: InaccessibleObjectException", ""),
                new Case("from a program: the test JVM's fds through /proc/PPID, then kill -9 of the parent", "program",
                        program("""
                        String parent = "" + ProcessHandle.current().parent().orElseThrow().pid();
                                spray(parent, forged);
                                System.out.flush();
                                new ProcessBuilder("kill", "-9", parent).start().waitFor();
                                Thread.sleep(5000);"""), ended, ""),
                new Case("from a program: the test JVM's environment, memory and open files, and the grader", "program",
                        program("""
                        String parent = "" + ProcessHandle.current().parent().orElseThrow().pid();
                                for (String part : new String[] {"environ", "mem", "fd/0"}) {
                                    try (java.io.FileInputStream in = new java.io.FileInputStream("/proc/" + parent + "/" + part)) {
                                        System.out.println("read the parent's " + part);
                                    } catch (Exception e) { System.out.println("the parent's " + part + " is closed"); }
                                }
                                long graders = ProcessHandle.allProcesses().filter(h -> h.info().commandLine().orElse("").contains("grade.cli.Main")).count();
                                System.out.println("graders seen: " + graders);"""),
                        "expected.*the parent's environ", "the parent's environ is closed.*the parent's mem is closed.*the parent's fd/0 is closed.*graders seen: 0"));
    }

    private static final List<String> TABLE = new ArrayList<>();

    @AfterAll
    static void table() throws java.io.IOException {
        Fixtures.table("forgery.md", List.of("forgery", "mode", "./grade", "time", "verdict"), TABLE);
    }

    static Stream<Arguments> modeAndCase() {
        return Fixtures.inBothModes(cases());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("modeAndCase")
    void aForgeryEarnsNothing(Sandbox.Mode mode, Case c, @TempDir Path dir) throws Exception {
        Fixtures.assumeWorks(mode);
        Path home = Fixtures.course(dir.resolve("course"));
        AdversarialTest.day91(home);
        Path fakeHome = Files.createDirectories(dir.resolve("home"));
        Path ws = dir.resolve("submissions/forger");
        grade.workspace.Workspace.init(ws, grade.course.Catalogue.load(home));
        String file = Character.toUpperCase(c.exercise().charAt(0)) + c.exercise().substring(1);
        Files.writeString(ws.resolve("day91/" + file + ".java"), c.source());
        String token = UUID.randomUUID().toString();

        long start = System.nanoTime();
        Fixtures.Run r = AdversarialTest.gradeWithToken(home, ws, fakeHome, token, mode, "day91", c.exercise());
        double seconds = (System.nanoTime() - start) / 1e9;
        String verdict = r.out().lines().filter(l -> l.matches("\\s{8}\\S.*")).findFirst().map(String::strip).orElse("?");
        synchronized (TABLE) {
            TABLE.add(String.format(Locale.ROOT, "| %s | %s | %s | %.1f s | %s |", c.name(), mode == Sandbox.Mode.BWRAP ? "bwrap" : "none",
                    r.out().contains("score 0/10") ? "0 points" : "POINTS", seconds,
                    (verdict.length() > 110 ? verdict.substring(0, 110) + "…" : verdict).replace("|", "\\|")));
        }
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("0 of 1 exercises passed · score 0/10"), r.out());
        assertTrue(Pattern.compile(c.expect(), Pattern.DOTALL).matcher(r.out()).find(), "the verdict should say /" + c.expect() + "/:\n" + r.out());
        if (mode == Sandbox.Mode.BWRAP && !c.expectInSandbox().isEmpty()) {
            assertTrue(Pattern.compile(c.expectInSandbox(), Pattern.DOTALL).matcher(r.out()).find(),
                    "in the sandbox: /" + c.expectInSandbox() + "/\n" + r.out());
        }
        assertTrue(AdversarialTest.waitForNone(token).isEmpty(), "processes of the grade are left");

        Fixtures.Run gs = AdversarialTest.gradeWithToken(home, ws, fakeHome, token, mode, "day91", c.exercise(), "--format", "gradescope");
        JsonObject g = JsonParser.parseString(gs.out()).getAsJsonObject();
        assertEquals(0.0, g.get("score").getAsDouble(), gs.out());
        g.getAsJsonArray("tests").forEach(t -> assertEquals(0.0, t.getAsJsonObject().get("score").getAsDouble(), gs.out()));

        Files.deleteIfExists(ws.resolve(".grade/state.json"));
        Fixtures.Run batch = AdversarialTest.gradeWithToken(home, dir, fakeHome, token, mode, "batch",
                dir.resolve("submissions").toString(), "day91/" + c.exercise());
        assertEquals(0, batch.exit(), batch.out() + batch.err());
        List<String> rows = Files.readAllLines(dir.resolve("submissions/grades.csv"));
        assertTrue(rows.get(1).startsWith("forger,0,0,"), String.join("\n", rows));
        assertFalse(AdversarialTest.waitForNone(token).size() > 0, "processes of the batch are left");
    }
}
