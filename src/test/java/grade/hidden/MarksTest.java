package grade.hidden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grade.kit.Hidden;
import grade.kit.Weight;
import org.junit.jupiter.api.Test;

/** Weights and visibility as a test author writes them: on the method, the class, an enclosing class. */
class MarksTest {
    @Weight(2)
    @Hidden
    static class Marked {
        void plain() {
        }

        @Weight(5)
        @Hidden(until = "2026-12-15")
        void own() {
        }

        static class Inner {
            void inherited() {
            }
        }
    }

    static class Unmarked {
        void plain() {
        }

        @Hidden(until = "15.12.2026")
        void badDate() {
        }

        @Weight(0)
        void noWeight() {
        }
    }

    @Test
    void aMethodsOwnMarksWinOverItsClassAndItsEnclosingClass() throws Exception {
        assertEquals(new Marks(5, "hidden", "2026-12-15"), Marks.of(Marked.class.getDeclaredMethod("own")));
        assertEquals(new Marks(2, "hidden", ""), Marks.of(Marked.class.getDeclaredMethod("plain")));
        assertEquals(new Marks(2, "hidden", ""), Marks.of(Marked.Inner.class.getDeclaredMethod("inherited")));
        assertEquals(Marks.PLAIN, Marks.of(Unmarked.class.getDeclaredMethod("plain")));
        assertEquals(Marks.PLAIN, Marks.of((java.lang.reflect.Method) null));
        assertEquals(new Marks(2, "hidden", ""), Marks.of(Marked.class));
    }

    @Test
    void aMistakeIsToldInTheAuthorsTerms() {
        Marks.Mistake date = assertThrows(Marks.Mistake.class, () -> Marks.of(Unmarked.class.getDeclaredMethod("badDate")));
        assertTrue(date.getMessage().contains("@Hidden(until = \"15.12.2026\") on grade.hidden.MarksTest$Unmarked.badDate is not a date")
                && date.getMessage().contains("2026-12-15"), date.getMessage());
        Marks.Mistake weight = assertThrows(Marks.Mistake.class, () -> Marks.of(Unmarked.class.getDeclaredMethod("noWeight")));
        assertTrue(weight.getMessage().startsWith("@Weight(0) on grade.hidden.MarksTest$Unmarked.noWeight is not a weight"), weight.getMessage());
    }
}
