package day90;

import grade.kit.Expect;
import grade.kit.Hidden;
import grade.kit.LearnerClass;
import grade.kit.StaticMethod;
import grade.kit.Weight;
import grade.kit.Zh;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Hidden tests of the fixture exercise day90/twice, with weights and every visibility: weights
 * 3, 1, 1, 1, 1; one always hidden, one hidden until a day long past (so shown), one hidden until
 * a day far ahead.
 */
class TwiceTest {
    private static StaticMethod twice() {
        return LearnerClass.of("day90.Twice").staticMethod(int.class, "twice", int.class);
    }

    @Test
    @Weight(3)
    @DisplayName("twice(2) is 4")
    @Zh("twice(2) 是 4")
    void core() {
        Expect.equal("twice(2)", 4, twice().call(2));
    }

    @Test
    @DisplayName("twice(0) is 0")
    @Zh("twice(0) 是 0")
    void zero() {
        Expect.equal("twice(0)", 0, twice().call(0));
    }

    @Test
    @Hidden
    @DisplayName("twice(-5) is -10, the secret case")
    @Zh("twice(-5) 是 -10，秘密的情形")
    void negative() {
        Expect.equal("twice(-5)", -10, twice().call(-5));
    }

    @Test
    @Hidden(until = "2000-01-01")
    @DisplayName("twice(1) is 2, shown since 2000")
    @Zh("twice(1) 是 2，从 2000 年起公开")
    void shownLongAgo() {
        Expect.equal("twice(1)", 2, twice().call(1));
    }

    @Test
    @Hidden(until = "2999-12-31")
    @DisplayName("twice(100) is 200, hidden until 2999")
    @Zh("twice(100) 是 200，隐藏到 2999 年")
    void hiddenForLong() {
        Expect.equal("twice(100)", 200, twice().call(100));
    }
}
