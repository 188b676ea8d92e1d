package day90;

import grade.kit.Hidden;
import grade.kit.Zh;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A hidden test whose author wrote a date that is not one: the grade must say so, not guess. */
class MisMarkedTest {
    @Test
    @Hidden(until = "15.12.2026")
    @DisplayName("passes, but is mis-marked")
    @Zh("能通过，但标记写错了")
    void misMarked() {
    }
}
