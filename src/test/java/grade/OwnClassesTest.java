package grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grade.compile.Compiler;
import grade.engine.Grading;
import grade.engine.Sources;
import grade.report.ExerciseResult;
import grade.report.GradeReport;
import grade.report.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A learner's own classes: every other .java file in a day's folder is compiled with each
 * exercise of that day, is there for the tests and for the learner's programs, and a broken one
 * fails only the exercises that use it.
 */
class OwnClassesTest extends OnFixtureWorkspace {
    private static final String SUM_WITH_HELPER = Fixtures.SUM_OK.replace("return a + b;", "return Adder.add(a, b);");
    private static final String ADDER = """
            package day90;

            class Adder {
                static int add(int a, int b) {
                    return a + b;
                }
            }
            """;
    private static final String HELLO_WITH_HELPER = Fixtures.HELLO_OK.replace("\"hello \" + args[0]", "Greeting.of(args[0])");
    private static final String GREETING = """
            package day90;

            final class Greeting {
                static String of(String name) {
                    return "hello " + name;
                }
            }
            """;
    private static final String BROKEN = """
            package day90;

            class Broken {
                int x = "not a number";
            }
            """;

    private GradeReport grade(String sum, String hello, String... own) throws Exception {
        Fixtures.write(workspace.root().resolve("day90/Sum.java"), sum);
        Fixtures.write(workspace.root().resolve("day90/Hello.java"), hello);
        for (int i = 0; i < own.length; i += 2) {
            Fixtures.write(workspace.root().resolve("day90/" + own[i]), own[i + 1]);
        }
        return new Grading(new Compiler(cache), Fixtures.settings()).course(course).grade(course.exercises(), Sources.of(workspace));
    }

    private static ExerciseResult result(GradeReport r, String id) {
        return r.exercises().stream().filter(e -> e.exercise().id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void helperClassesAreCompiledForTheTestsAndForPrograms() throws Exception {
        GradeReport r = grade(SUM_WITH_HELPER, HELLO_WITH_HELPER, "Adder.java", ADDER, "Greeting.java", GREETING);
        assertEquals(Status.PASS, result(r, "day90/sum").status(), result(r, "day90/sum").message());
        assertEquals(Status.PASS, result(r, "day90/hello").status(), result(r, "day90/hello").message());
    }

    @Test
    void aBrokenHelperFailsOnlyTheExerciseThatUsesIt() throws Exception {
        GradeReport r = grade(SUM_WITH_HELPER, Fixtures.HELLO_OK, "Adder.java", ADDER.replace("return a + b;", "return a + ;"));
        ExerciseResult sum = result(r, "day90/sum");
        assertEquals(Status.ERROR, sum.status());
        assertTrue(sum.message().contains("day90/Adder.java:5:"), sum.message());
        assertEquals(Status.PASS, result(r, "day90/hello").status(), result(r, "day90/hello").message());
    }

    @Test
    void aBrokenFileThatNoExerciseUsesFailsNothing() throws Exception {
        GradeReport r = grade(Fixtures.SUM_OK, Fixtures.HELLO_OK, "Broken.java", BROKEN);
        assertEquals(Status.PASS, r.status(), r.exercises().toString());
    }

    @Test
    void withoutItsHelperAnExerciseDoesNotCompile() throws Exception {
        GradeReport r = grade(SUM_WITH_HELPER, Fixtures.HELLO_OK);
        assertEquals(Status.ERROR, result(r, "day90/sum").status());
        assertTrue(result(r, "day90/sum").message().contains("Adder"), result(r, "day90/sum").message());
    }

    @Test
    void resetLeavesTheLearnersOwnFiles() throws Exception {
        Path helper = Fixtures.write(workspace.root().resolve("day90/Adder.java"), ADDER);
        Fixtures.Run r = Fixtures.grade(home, workspace.root(), "reset", "day90", "sum", "--yes", "--no-color");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertEquals(ADDER, Files.readString(helper));
    }

    @Test
    void aSubmissionBringsItsHelpersFromBesideItsFiles() throws Exception {
        Path submission = Files.createDirectories(cache.resolve("upload"));
        Fixtures.write(submission.resolve("Sum.java"), SUM_WITH_HELPER);
        Fixtures.write(submission.resolve("Adder.java"), ADDER);
        Fixtures.write(submission.resolve("Other.java"), "package elsewhere;\nclass Other { int x = \"no\"; }\n");
        Fixtures.Run r = Fixtures.grade(home, cache, "day90", "sum", "--submission", submission.toString(), "--no-color");
        assertEquals(0, r.exit(), r.out() + r.err());
        String said = r.out() + r.err();
        assertTrue(said.contains("grading Adder.java as day90/Adder.java"), said);
        assertTrue(!said.contains("Other.java"), "a file of another package is not the learner's helper:\n" + said);
    }
}
