package grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import grade.compile.Compiler;
import grade.report.ExerciseResult;
import grade.report.GradeReport;
import grade.report.Status;
import grade.engine.Grading;
import grade.engine.Sandbox;
import grade.engine.Sources;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What learner code can and cannot reach, in the bubblewrap sandbox and without it. */
class SandboxTest extends OnFixtureWorkspace {

    private ExerciseResult hello(Sandbox.Mode mode, String body) throws Exception {
        Fixtures.write(workspace.root().resolve("day90/Hello.java"), Fixtures.HELLO_OK.replace(
                "System.out.println(\"hello \" + args[0]);", body + "\n        System.out.println(\"hello \" + args[0]);"));
        GradeReport r = new Grading(new Compiler(cache), Fixtures.settings(mode)).grade(List.of(course.exercise("day90/hello").orElseThrow()),
                Sources.of(workspace));
        return r.exercises().get(0);
    }

    private static String messages(ExerciseResult r) {
        return r.message() + r.tests().stream().map(t -> t.name() + ": " + t.message()).toList();
    }

    @Test
    void inTheSandboxTheHomeAndTheWorkspaceCannotBeWrittenButTheScratchFolderCan() throws Exception {
        assumeTrue(Sandbox.choose("bwrap") == Sandbox.Mode.BWRAP, "bubblewrap does not work on this machine");
        String marker = "grade-sandbox-" + UUID.randomUUID();
        Path inHome = Path.of(System.getProperty("user.home"), marker);
        Path inWorkspace = workspace.root().resolve(marker);
        ExerciseResult r = hello(Sandbox.Mode.BWRAP, """
                for (String p : new String[] {"%s", "%s", "here.txt"}) {
                            try {
                                java.nio.file.Files.writeString(java.nio.file.Path.of(p), "x");
                                System.err.println("wrote " + p);
                            } catch (java.io.IOException e) {
                                System.err.println("refused " + p);
                            }
                        }
                        if (!java.nio.file.Files.exists(java.nio.file.Path.of("here.txt"))) { System.exit(9); }
                """.formatted(inHome, inWorkspace));
        assertEquals(Status.PASS, r.status(), messages(r));
        assertFalse(Files.exists(inHome), "learner code wrote into the home folder");
        assertFalse(Files.exists(inWorkspace), "learner code wrote into the workspace");
    }

    @Test
    void inTheSandboxAPortTakenOutsideIsFreeInside() throws Exception {
        assumeTrue(Sandbox.choose("bwrap") == Sandbox.Mode.BWRAP, "bubblewrap does not work on this machine");
        try (ServerSocket outside = new ServerSocket()) {
            outside.bind(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0));
            ExerciseResult r = hello(Sandbox.Mode.BWRAP, """
                    try (java.net.ServerSocket s = new java.net.ServerSocket(%d, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
                                System.err.println("bound");
                            } catch (java.io.IOException e) {
                                System.exit(7);
                            }
                    """.formatted(outside.getLocalPort()));
            assertEquals(Status.PASS, r.status(), messages(r));
        }
    }

    @Test
    void withoutTheSandboxGradingStillWorks() throws Exception {
        ExerciseResult r = hello(Sandbox.Mode.PROCESSES, "");
        assertEquals(Status.PASS, r.status(), messages(r));
        assertTrue(Sandbox.describe(Sandbox.Mode.PROCESSES, grade.course.Lang.EN).contains("separate processes"));
    }
}
