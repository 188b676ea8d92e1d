package day90;

import grade.kit.Expect;
import grade.kit.LearnerClass;
import grade.kit.Zh;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A weak hidden test of day90/sum for grade mutants' test: adding zeros cannot tell a + b from a - b. */
class SumWeakTest {
    @Test
    @DisplayName("add(0, 0) is 0")
    @Zh("add(0, 0) 是 0")
    void zeros() {
        Expect.equal("add(0, 0)", 0, LearnerClass.of("day90.Sum").staticMethod(int.class, "add", int.class, int.class).call(0, 0));
    }
}
