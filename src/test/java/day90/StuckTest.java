package day90;

import grade.kit.Zh;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A hidden test that never ends and ignores interrupts: only the run's deadline stops it. */
class StuckTest {
    @Test
    @DisplayName("never ends")
    @Zh("永远不结束")
    void stuck() {
        long x = 0;
        while (x >= 0) {
            x = (x + 1) % 1000;
            Thread.interrupted();
        }
    }
}
