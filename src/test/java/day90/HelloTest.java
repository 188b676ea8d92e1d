package day90;

import grade.kit.Expect;
import grade.kit.LearnerProgram;
import grade.kit.ProgramResult;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Hidden tests of the fixture exercise day90/hello, used by the grader's own tests. */
class HelloTest {
    @Test
    @DisplayName("greets by name")
    void greets() {
        ProgramResult r = LearnerProgram.of("day90.Hello").args("林").run(Duration.ofSeconds(4));
        Expect.sameText("stdout of `Hello 林`", "hello 林\n", r.stdout());
        Expect.equal("exit status", 0, r.exitCode());
    }
}
