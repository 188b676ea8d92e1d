package day90;

import grade.kit.Expect;
import grade.kit.LearnerClass;
import grade.kit.Zh;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Hidden test of the hostile fixture exercise day91/method: a learner method called in the test JVM. */
class HostileMethodTest {
    @Test
    @DisplayName("answer() is 42")
    @Zh("answer() 是 42")
    void answer() {
        int got = LearnerClass.of("day91.Method").staticMethod(int.class, "answer").call();
        Expect.equal("answer()", 42, got);
    }
}
