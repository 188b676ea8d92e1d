package day90;

import grade.kit.Expect;
import grade.kit.LearnerProgram;
import grade.kit.ProgramResult;
import grade.kit.Say;
import grade.kit.Zh;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Hidden test of the hostile fixture exercise day91/program: a learner program as a child JVM. */
class HostileProgramTest {
    @Test
    @DisplayName("reads one line and prints 42")
    @Zh("读一行，输出 42")
    void answer() {
        try (LearnerProgram p = LearnerProgram.of("day91.Program").start()) {
            p.writeLine("question"); // stdin stays open: a program must stop after one line
            ProgramResult r = p.awaitExit(Duration.ofSeconds(2));
            Expect.sameText(Say.pick("stdout", "标准输出"), "42\n", r.stdout());
        }
    }
}
