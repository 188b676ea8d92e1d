package day90;

import grade.kit.Expect;
import grade.kit.LearnerProgram;
import grade.kit.ProgramResult;
import grade.kit.Say;
import grade.kit.Zh;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Hidden tests of the fixture exercise day90/hello, used by the grader's own tests. */
class HelloTest {
    @Test
    @DisplayName("greets by name")
    @Zh("按名字问好")
    void greets() {
        ProgramResult r = LearnerProgram.of("day90.Hello").args("林").run(Duration.ofSeconds(4));
        Expect.sameText(Say.pick("stdout of `Hello 林`", "`Hello 林` 的标准输出"), "hello 林\n", r.stdout());
        Expect.equal(Say.pick("exit status", "退出状态"), 0, r.exitCode());
    }
}
