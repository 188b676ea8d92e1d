package grade.course;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** "Did you mean": the closest names only, at most three, and none when all are as far. */
class CourseTest {
    private static final List<String> DAYS = List.of("day01", "day02", "day03", "day04", "day05", "day06", "day07");

    @Test
    void theClosestNamesOnly() {
        assertEquals(List.of("watch"), Course.closest("whatch", List.of("init", "show", "watch", "batch", "day01")));
        assertEquals(List.of("day01"), Course.closest("day1", DAYS));
        assertEquals(List.of("bat", "hat"), Course.closest("cat", List.of("dog", "bat", "hat", "mouse")));
        assertEquals(List.of("sum"), Course.closest("summ", List.of("sum")));
    }

    @Test
    void atMostThree() {
        assertEquals(List.of("bat", "hat", "mat"), Course.closest("cat", List.of("bat", "hat", "mat", "rat", "horse")));
    }

    @Test
    void noneWhenAllAreAsFarOrNoneIsNear() {
        assertEquals(List.of(), Course.closest("day09", DAYS));
        assertEquals(List.of(), Course.closest("day9", List.of("day90", "day91")));
        assertEquals(List.of(), Course.closest("elephant", List.of("show", "watch")));
        assertEquals(List.of(), Course.closest("x", List.of()));
    }
}
