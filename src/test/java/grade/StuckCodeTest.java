package grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import grade.engine.Sandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Learner code that gets stuck, graded against the course's own exercises and hidden tests under
 * the default limits, as a learner would meet it: each must get the verdict of its exercise
 * within 20 s (the time a learner waits after a save in watch mode), with every test of the
 * exercise in the report with a status and a reason, and nothing left running.
 */
class StuckCodeTest {
    private static final double BOUND_SECONDS = 20;
    private static final List<String> TABLE = new ArrayList<>();

    record Case(String name, String exercise, String file, String source) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final String LOOPING_OFFSETS = """
            package day03;

            import java.nio.file.Path;

            public class Offsets {
                static byte[] keep;

                static void spin() {
                    while (true) { keep = new byte[1024]; }
                }

                public static String readFrom(Path file, long offset) { spin(); return ""; }
                public static byte[] readRange(Path file, long offset, int length) { spin(); return null; }
                public static void writeAt(Path file, long offset, byte[] data) { spin(); }
                public static long size(Path file) { spin(); return 0; }
            }
            """;

    private static String echoServer(String body) {
        return """
                package day03;

                public class EchoServer {
                    public static void main(String[] args) throws Exception {
                        %s
                    }
                }
                """.formatted(body);
    }

    static List<Case> cases() {
        return List.of(
                new Case("every method loops, allocating", "offsets", "day03/Offsets.java", LOOPING_OFFSETS),
                new Case("a server that never starts listening", "echo-server", "day03/EchoServer.java",
                        echoServer("Thread.sleep(600_000);")),
                new Case("a program that never ends while its stdin stays open", "tee-log", "day03/TeeLog.java", """
                        package day03;

                        public class TeeLog {
                            public static void main(String[] args) throws Exception {
                                while (true) { Thread.sleep(1000); }
                            }
                        }
                        """),
                new Case("a server that forks until the limit", "echo-server", "day03/EchoServer.java", echoServer("""
                        java.util.List<Process> all = new java.util.ArrayList<>();
                                while (true) { all.add(new ProcessBuilder("sleep", "600").start()); }""")));
    }

    static Stream<Arguments> modeAndCase() {
        return Fixtures.inBothModes(cases());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("modeAndCase")
    void stuckCodeIsAnsweredInSeconds(Sandbox.Mode mode, Case c, @TempDir Path dir) throws Exception {
        Fixtures.assumeWorks(mode);
        Path home = Path.of(System.getProperty("grade.home", System.getProperty("user.dir"))).toAbsolutePath();
        assumeTrue(Files.isDirectory(home.resolve("exercises/day03")), "the course is not here");
        Path ws = dir.resolve("ws");
        Path fakeHome = Files.createDirectories(dir.resolve("home"));
        grade.workspace.Workspace.init(ws, grade.course.Catalogue.load(home));
        Files.writeString(ws.resolve(c.file()), c.source());
        String token = UUID.randomUUID().toString();
        long start = System.nanoTime();
        Fixtures.Run r = AdversarialTest.gradeWithToken(home, ws, fakeHome, token, mode, List.of(), "day03", c.exercise(),
                "--format", "json");
        double seconds = (System.nanoTime() - start) / 1e9;
        JsonObject report = JsonParser.parseString(r.out()).getAsJsonObject();
        JsonObject exercise = report.getAsJsonArray("exercises").get(0).getAsJsonObject();
        JsonArray tests = exercise.getAsJsonArray("tests");
        synchronized (TABLE) {
            TABLE.add(String.format(Locale.ROOT, "| %s | %s | %.1f s | %d | %s |", c.name(), mode == Sandbox.Mode.BWRAP ? "bwrap" : "none",
                    seconds, tests.size(), firstMessage(tests).replace("|", "\\|")));
        }
        assertTrue(seconds < BOUND_SECONDS, "the verdict took " + seconds + " s:\n" + r.out() + r.err());
        assertEquals(1, r.exit(), r.out() + r.err());
        assertFalse(tests.isEmpty(), r.out());
        for (JsonElement t : tests) {
            JsonObject o = t.getAsJsonObject();
            assertFalse(o.get("status").getAsString().isEmpty(), o.toString());
            assertTrue(o.get("status").getAsString().equals("pass") || !o.get("message").getAsString().isBlank(),
                    "a test without a reason: " + o);
        }
        assertTrue(AdversarialTest.waitForNone(token).isEmpty(), "processes of the grade are left");
    }

    private static String firstMessage(JsonArray tests) {
        for (JsonElement t : tests) {
            String m = t.getAsJsonObject().get("message").getAsString();
            if (!m.isBlank()) {
                String line = m.lines().findFirst().orElse("");
                return line.length() > 100 ? line.substring(0, 100) + "…" : line;
            }
        }
        return "";
    }

    @AfterAll
    static void table() throws java.io.IOException {
        Fixtures.table("stuck-code.md", List.of("stuck code", "mode", "verdict in", "tests", "first message"), TABLE);
    }
}
