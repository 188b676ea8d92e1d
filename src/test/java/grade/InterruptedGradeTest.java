package grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonParser;
import grade.engine.Sandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A grade interrupted while its tests run (Ctrl-C, a closed terminal or a kill) leaves no process,
 * no scratch folder and no half-written state behind.
 */
class InterruptedGradeTest {
    @ParameterizedTest(name = "{0} in mode {1}")
    @CsvSource({"INT, none", "TERM, none", "HUP, none", "INT, bwrap"})
    void anInterruptedGradeLeavesNothingBehind(String signal, String mode, @TempDir Path dir) throws Exception {
        if (mode.equals("bwrap")) {
            boolean works = Sandbox.choose("bwrap") == Sandbox.Mode.BWRAP;
            assumeTrue(works, "bubblewrap does not work on this machine");
        }
        Path home = Fixtures.course(dir.resolve("course"));
        Path ws = dir.resolve("ws");
        assertEquals(0, Fixtures.grade(home, dir, "init", ws.toString()).exit());
        Files.writeString(ws.resolve("day90/Sum.java"), Fixtures.SUM_OK);
        assertEquals(0, Fixtures.grade(home, dir, "day90", "sum", "-w", ws.toString()).exit());
        String stateBefore = Files.readString(ws.resolve(".grade/state.json"));
        // A program that runs for a minute, with a child of its own: the grade is interrupted while they run.
        Files.writeString(ws.resolve("day90/Hello.java"), Fixtures.HELLO_OK.replace("System.out.println(\"hello \" + args[0]);",
                "try { new ProcessBuilder(\"sleep\", \"60\").start(); Thread.sleep(60_000); } catch (Exception e) { }"));
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        String token = UUID.randomUUID().toString();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dgrade.home=" + home, "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"), "grade.cli.Main",
                "day90", "-w", ws.toString(), "--no-color", "--sandbox", mode));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("out.txt").toFile());
        pb.environment().put("GRADE_SUITE", token);
        Process grader = pb.start();
        try {
            // Wait until the learner's program and its child run.
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (AdversarialTest.tagged(token).stream().noneMatch(h -> h.info().commandLine().orElse("").contains("sleep 60"))
                    && System.nanoTime() < until) {
                Thread.sleep(50);
            }
            assertTrue(grader.isAlive(), "the grade ended before it could be interrupted");
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(grader.pid())).start();
            assertEquals(0, kill.waitFor());
            assertTrue(grader.waitFor(20, TimeUnit.SECONDS), "the grader did not end after SIG" + signal);
            // 128 plus the signal's number, as shells expect: 130 for Ctrl-C
            assertEquals(128 + Map.of("HUP", 1, "INT", 2, "TERM", 15).get(signal), grader.exitValue(), "the exit status after SIG" + signal);
            String said = Files.readString(dir.resolve("out.txt"));
            assertFalse(said.contains("internal error"), "an interruption is no error of grade's:\n" + said);
            List<ProcessHandle> left = AdversarialTest.waitForNone(token);
            assertTrue(left.isEmpty(), "processes left after SIG" + signal + ": "
                    + left.stream().map(h -> h.pid() + " " + h.info().commandLine().orElse("?")).toList());
            String state = Files.readString(ws.resolve(".grade/state.json"));
            JsonParser.parseString(state).getAsJsonObject();
            assertEquals(stateBefore, state, "an interrupted grade records nothing");
            try (Stream<Path> s = Files.list(tmp)) {
                List<Path> scratch = s.filter(p -> p.getFileName().toString().startsWith("grade-run-")).toList();
                assertTrue(scratch.isEmpty(), "scratch folders left: " + scratch);
            }
            try (Stream<Path> s = Files.list(ws.resolve(".grade"))) {
                List<Path> partial = s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
                assertTrue(partial.isEmpty(), "half-written files left: " + partial);
            }
        } finally {
            grader.destroyForcibly();
            AdversarialTest.waitForNone(token).forEach(ProcessHandle::destroyForcibly);
        }
    }
}
