package day90;

import grade.kit.Expect;
import grade.kit.LearnerClass;
import grade.kit.StaticMethod;
import grade.kit.Zh;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Hidden tests of the fixture exercise day90/sum, used by the grader's own tests. */
class SumTest {
    private static StaticMethod add() {
        return LearnerClass.of("day90.Sum").staticMethod(int.class, "add", int.class, int.class);
    }

    @Test
    @DisplayName("add(2, 3) is 5")
    @Zh("add(2, 3) 是 5")
    void small() {
        Expect.equal("add(2, 3)", 5, add().call(2, 3));
    }

    @Test
    @DisplayName("add(-4, 4) is 0")
    @Zh("add(-4, 4) 是 0")
    void negative() {
        Expect.equal("add(-4, 4)", 0, add().call(-4, 4));
    }
}
