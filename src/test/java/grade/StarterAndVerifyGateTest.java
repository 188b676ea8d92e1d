package grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A starter must earn nothing, and a course is handed out (grade dist, grade export gradescope)
 * only when every day of it passed grade verify since its last change.
 */
class StarterAndVerifyGateTest extends OnFixtureCourse {

    private Fixtures.Run grade(String... args) throws Exception {
        return Fixtures.grade(home, elsewhere, args);
    }

    @Test
    void aStarterThatEarnsAPointFailsVerifyAndTheCourseIsNotHandedOut() throws Exception {
        Path starter = home.resolve("exercises/day90/sum/starter/day90/Sum.java");
        Files.writeString(starter, Fixtures.SUM_STARTER.replace("throw new UnsupportedOperationException(\"TODO: add\");", "return 0; // TODO"));
        Fixtures.Run verify = grade("verify", "day90", "--no-color", "--jobs", "2");
        assertEquals(1, verify.exit(), verify.out() + verify.err());
        assertTrue(verify.out().contains("✘ the starter compiles and earns nothing"), verify.out());
        assertTrue(verify.out().contains("the starter earns 5 of 10 points: it passes \"add(-4, 4) is 0\""), verify.out());

        Fixtures.Run dist = grade("dist", "--out", elsewhere.resolve("out").toString());
        assertEquals(2, dist.exit(), dist.out() + dist.err());
        assertTrue(dist.err().contains("run ./grade verify day90") && dist.err().contains("--force"), dist.err());
        Fixtures.Run export = grade("export", "gradescope", "day90", "-o", elsewhere.resolve("gs.zip").toString());
        assertEquals(2, export.exit(), export.out() + export.err());
        assertTrue(export.err().contains("run ./grade verify day90"), export.err());

        Files.writeString(starter, Fixtures.SUM_STARTER);
        Fixtures.Run again = grade("verify", "day90", "--no-color", "--jobs", "2");
        assertEquals(0, again.exit(), again.out() + again.err());
        assertTrue(again.out().contains("The course is sound."), again.out());
        assertTrue(passesTheGate(grade("dist", "--out", elsewhere.resolve("out").toString())), "a verified course is handed out");

        // any change to the course (here a hint's wording) asks for verify again; --force does without
        Path meta = home.resolve("exercises/day90/hello/exercise.json");
        Files.writeString(meta, Files.readString(meta).replace("\"second\"", "\"the second\""));
        Fixtures.Run changed = grade("dist", "--out", elsewhere.resolve("out").toString());
        assertEquals(2, changed.exit(), changed.err());
        assertTrue(changed.err().contains("changed since it last passed ./grade verify"), changed.err());
        assertTrue(passesTheGate(grade("dist", "--out", elsewhere.resolve("out").toString(), "--force")), "--force hands it out all the same");
    }

    /** Past the verify gate: run from compiled classes, dist then stops only because it packs a built jar. */
    private static boolean passesTheGate(Fixtures.Run r) {
        return r.exit() == 2 && r.err().contains("packs the built grader") && !r.err().contains("verify");
    }
}
