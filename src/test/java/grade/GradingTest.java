package grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grade.compile.Compiler;
import grade.course.Catalogue;
import grade.course.Exercise;
import grade.report.ExerciseResult;
import grade.report.GradeReport;
import grade.report.Status;
import grade.report.TestResult;
import grade.engine.Grading;
import grade.engine.Sources;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The engine end to end on the fixture course: real compiles, real test JVMs, real processes. */
class GradingTest extends OnFixtureWorkspace {

    private GradeReport grade(String sum, String hello) throws Exception {
        if (sum != null) {
            Fixtures.write(workspace.root().resolve("day90/Sum.java"), sum);
        }
        if (hello != null) {
            Fixtures.write(workspace.root().resolve("day90/Hello.java"), hello);
        }
        return grade(Fixtures.settings(), sum, hello);
    }

    private GradeReport grade(grade.engine.Settings settings, String sum, String hello) throws Exception {
        if (sum != null) {
            Fixtures.write(workspace.root().resolve("day90/Sum.java"), sum);
        }
        if (hello != null) {
            Fixtures.write(workspace.root().resolve("day90/Hello.java"), hello);
        }
        return new Grading(new Compiler(cache), settings).grade(course.exercises(), Sources.of(workspace));
    }

    private static ExerciseResult result(GradeReport r, String id) {
        return r.exercises().stream().filter(e -> e.exercise().id().equals(id)).findFirst().orElseThrow();
    }

    private static String messages(ExerciseResult r) {
        StringBuilder sb = new StringBuilder(r.message());
        r.tests().forEach(t -> sb.append('\n').append(t.name()).append(": ").append(t.message()));
        return sb.toString();
    }

    @Test
    void correctCodePassesAndScoresFull() throws Exception {
        GradeReport r = grade(Fixtures.SUM_OK, Fixtures.HELLO_OK);
        assertEquals(Status.PASS, r.status(), () -> r.exercises().stream().map(GradingTest::messages).toList().toString());
        assertEquals(20.0, r.score());
        assertEquals(2, result(r, "day90/sum").tests().size());
        assertEquals(0, r.exitCode());
    }

    @Test
    void startersFailWithNotWrittenYet() throws Exception {
        GradeReport r = grade(null, null);
        ExerciseResult sum = result(r, "day90/sum");
        assertEquals(Status.FAIL, sum.status());
        assertTrue(sum.tests().get(0).message().contains("not written yet"), messages(sum));
        assertEquals(1, r.exitCode());
    }

    @Test
    void aMissingFileEarnsNothingAndNoStarterIsGradedOrPutBackInItsPlace() throws Exception {
        Files.delete(workspace.root().resolve("day90/Sum.java"));
        GradeReport r = grade(null, Fixtures.HELLO_OK);
        ExerciseResult sum = result(r, "day90/sum");
        assertEquals(Status.ERROR, sum.status());
        assertEquals("missing day90/Sum.java", sum.message());
        assertEquals(List.of("day90/Sum.java"), sum.missing());
        assertEquals(java.util.Optional.of("missing day90/Sum.java"), sum.reason());
        assertEquals(0, sum.cents());
        assertEquals(Status.PASS, result(r, "day90/hello").status(), "the others are graded as ever");

        assertEquals(List.of(), workspace.addNewExercises(course), "a deleted file is not put back");
        assertFalse(Files.exists(workspace.root().resolve("day90/Sum.java")));
        Fixtures.twice(home);
        assertEquals(List.of("day90/Twice.java"), workspace.addNewExercises(Catalogue.load(home)), "a new exercise gets its starter");

        Fixtures.Run cli = Fixtures.grade(home, workspace.root(), "day90", "sum", "--no-color");
        assertEquals(1, cli.exit(), cli.out() + cli.err());
        assertTrue(cli.out().contains("0/10") && cli.out().contains("missing day90/Sum.java")
                && cli.out().contains("./grade reset day90 sum puts back its starter."), cli.out());
        assertFalse(Files.exists(workspace.root().resolve("day90/Sum.java")), "grade never writes a learner's file");
    }

    @Test
    void compileErrorIsReportedInTheLearnersTermsAndDoesNotStopTheOthers() throws Exception {
        GradeReport r = grade("""
                package day90;

                public class Sum {
                    public static int add(int a, int b) {
                        return a + b
                    }
                }
                """, Fixtures.HELLO_OK);
        ExerciseResult sum = result(r, "day90/sum");
        assertEquals(Status.ERROR, sum.status());
        assertTrue(sum.message().contains("day90/Sum.java:5:21: error: ';' expected"), sum.message());
        assertTrue(sum.message().contains("\n            return a + b\n                        ^"), sum.message());
        assertEquals(0.0, sum.score());
        assertEquals(Status.PASS, result(r, "day90/hello").status(), messages(result(r, "day90/hello")));
    }

    @Test
    void wrongPackageIsExplained() throws Exception {
        GradeReport r = grade(Fixtures.SUM_OK.replace("package day90;", ""), Fixtures.HELLO_OK);
        ExerciseResult sum = result(r, "day90/sum");
        assertEquals(Status.ERROR, sum.status());
        assertTrue(sum.message().contains("must start with `package day90;`"), sum.message());
    }

    @Test
    void missingMethodNamesTheExpectedSignature() throws Exception {
        GradeReport r = grade(Fixtures.SUM_OK.replace("int add(int a, int b)", "long add(long a, long b)"), Fixtures.HELLO_OK);
        ExerciseResult sum = result(r, "day90/sum");
        assertEquals(Status.FAIL, sum.status());
        assertTrue(sum.tests().get(0).message().contains("expected `public static int add(int, int)` in day90/Sum.java"), messages(sum));
        assertTrue(sum.tests().get(0).message().contains("found `public static long add(long, long)`"), messages(sum));
    }

    @Test
    void systemExitFailsOnlyTheTestThatCalledIt() throws Exception {
        GradeReport r = grade(Fixtures.SUM_OK.replace("return a + b;", "if (a == 2) { System.exit(3); } return a + b;"),
                Fixtures.HELLO_OK);
        ExerciseResult sum = result(r, "day90/sum");
        assertEquals(Status.FAIL, sum.status(), messages(sum));
        TestResult first = sum.tests().get(0);
        assertEquals(Status.FAIL, first.status());
        assertTrue(first.message().contains("called System.exit(3)"), first.message());
        assertEquals(Status.PASS, sum.tests().get(1).status(), messages(sum));
        assertEquals(Status.PASS, result(r, "day90/hello").status());
    }

    @Test
    void endlessLoopInAMethodHitsThePerTestTimeout() throws Exception {
        long start = System.nanoTime();
        GradeReport r = grade(Fixtures.SUM_OK.replace("return a + b;", "while (a == 2) { b++; } return a + b;"), Fixtures.HELLO_OK);
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        ExerciseResult sum = result(r, "day90/sum");
        assertTrue(sum.tests().get(0).message().contains("did not finish within 5 s"), messages(sum));
        assertEquals(Status.PASS, sum.tests().get(1).status(), messages(sum));
        assertTrue(seconds < 30, "took " + seconds + " s");
    }

    @Test
    void hangingProgramIsStoppedAndExplained() throws Exception {
        GradeReport r = grade(Fixtures.SUM_OK, Fixtures.HELLO_OK.replace("System.out.println(\"hello \" + args[0]);",
                "System.out.println(\"hello \" + args[0]); while (true) { Thread.onSpinWait(); }"));
        ExerciseResult hello = result(r, "day90/hello");
        assertEquals(Status.FAIL, hello.status());
        String m = hello.tests().get(0).message();
        assertTrue(m.contains("still running after 4 s"), m);
        assertTrue(m.contains("hello 林"), "the message shows what it printed: " + m);
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "in mode {0}")
    @org.junit.jupiter.params.provider.EnumSource(grade.engine.Sandbox.Mode.class)
    void processesLeftBehindAreEndedEvenWhenTheyIgnoreSigterm(grade.engine.Sandbox.Mode mode) throws Exception {
        {
            java.time.Instant started = java.time.Instant.now();
            String leaky = Fixtures.HELLO_OK.replace("System.out.println(\"hello \" + args[0]);", """
                    System.out.println("hello " + args[0]);
                            try {
                                new ProcessBuilder("sh", "-c", "trap '' TERM; exec sleep 313").start();
                            } catch (java.io.IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }""");
            GradeReport r = grade(Fixtures.settings(mode), Fixtures.SUM_OK, leaky);
            assertEquals(Status.PASS, result(r, "day90/hello").status(), messages(result(r, "day90/hello")));
            // The learner's child (which ignores SIGTERM) must be gone: look for it among all processes.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            List<ProcessHandle> left;
            do {
                left = ProcessHandle.allProcesses()
                        .filter(h -> h.info().startInstant().map(t -> !t.isBefore(started)).orElse(false))
                        .filter(h -> h.info().commandLine().map(c -> c.contains("sleep 313")).orElse(false))
                        .toList();
            } while (!left.isEmpty() && System.nanoTime() < deadline && sleep());
            left.forEach(ProcessHandle::destroyForcibly);
            assertTrue(left.isEmpty(), "learner processes still running after the grade: " + left);
        }
    }

    private static boolean sleep() throws InterruptedException {
        Thread.sleep(100);
        return true;
    }

    @Test
    void learnerOutputIsCappedAndMarked() throws Exception {
        GradeReport r = grade(Fixtures.SUM_OK.replace("return a + b;",
                "for (int i = 0; i < 20000; i++) { System.out.println(\"0123456789012345678901234567890123456789\"); } return a - b;"),
                Fixtures.HELLO_OK);
        TestResult first = result(r, "day90/sum").tests().get(0);
        assertEquals(Status.FAIL, first.status());
        assertTrue(first.output().contains("[… output cut:"), "output of " + first.output().length() + " chars");
        assertTrue(first.output().length() < 70_000, "output of " + first.output().length() + " chars");
    }

    @Test
    void theRunDeadlineStopsATestThatIgnoresItsTimeout() throws Exception {
        Fixtures.exercise(home, "sum", "day90/Sum.java", "day90.StuckTest", Fixtures.SUM_STARTER, 60);
        Exercise sum = Catalogue.load(home).exercise("day90/sum").orElseThrow();
        grade.engine.Settings base = Fixtures.settings();
        grade.engine.Limits l = base.limits();
        grade.engine.Settings settings = new grade.engine.Settings(base.lang(), base.sandbox(), new grade.engine.Limits(3, l.cpuSeconds(),
                l.heapMb(), l.memoryMb(), l.tasks(), l.outputBytes(), l.fileBytes(), l.scratchBytes()), 1, false);
        long start = System.nanoTime();
        GradeReport report = new Grading(new Compiler(cache), settings).grade(List.of(sum), Sources.solutions(course));
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        List<TestResult> results = report.exercises().get(0).tests();
        assertEquals(Status.ERROR, results.get(results.size() - 1).status());
        assertTrue(results.get(results.size() - 1).message().contains("stopped after the run's deadline of 3 s"), results.toString());
        assertTrue(seconds < 15, "took " + seconds + " s");
    }

    @Test
    void unchangedSourcesAreNotCompiledTwice() throws Exception {
        Exercise sum = course.exercise("day90/sum").orElseThrow();
        Compiler compiler = new Compiler(cache);
        assertFalse(compiler.compile(sum.id(), course.solution(sum), sum.files()).cached());
        assertTrue(compiler.compile(sum.id(), course.solution(sum), sum.files()).cached());
        Fixtures.write(course.solution(sum).resolve("day90/Sum.java"), Fixtures.SUM_OK + "\n// changed\n");
        assertFalse(compiler.compile(sum.id(), course.solution(sum), sum.files()).cached());
    }
}
