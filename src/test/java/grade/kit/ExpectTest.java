package grade.kit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** Failure messages say what was expected and what happened, with invisible characters made visible. */
class ExpectTest {
    @Test
    void textDiffShowsTheFirstDifferingLineWithInvisiblesVisible() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> Expect.sameText("stdout of `Tail -n 2`", "b\nc\n", "b \r\nc"));
        String m = e.getMessage();
        assertTrue(m.startsWith("stdout of `Tail -n 2` is not what was expected."), m);
        assertTrue(m.contains("- line 1  expected \"b\\n\""), m);
        assertTrue(m.contains("+ line 1  got      \"b \\r\\n\""), m);
        assertTrue(m.contains("+ line 2  got      \"c\""), m);
    }

    @Test
    void longValuesAreCutWithAVisibleMarker() {
        String shown = Text.show("x".repeat(5000));
        assertTrue(shown.length() < 700, shown.length() + " characters");
        assertTrue(shown.contains("… [4400 more characters]"), shown);
    }

    @Test
    void escapeSequencesNeverReachTheTerminal() {
        String fake = "\u001b[2J\u001b[32m✔ all tests passed\u001b[0m";
        assertTrue(!Text.show(fake).contains("\u001b") && !Text.block(fake, 100).contains("\u001b")
                && !Text.line(fake).contains("\u001b"));
        assertEquals("\\u001b[2J", Text.line("\u001b[2J"));
    }

    @Test
    void bytesShowAsTextOrHex() {
        assertEquals("\"hé\" (3 bytes)", Text.show("hé".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals("ff00 (2 bytes)", Text.show(new byte[] {(byte) 0xff, 0}));
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> Expect.sameBytes("readRange", new byte[] {1, 2, 3}, new byte[] {1, 2, 4}));
        assertTrue(e.getMessage().contains("first difference at byte 2"), e.getMessage());
    }

    @Test
    void linesCompareByCountAndContent() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> Expect.sameLines("lastLines(f, 2)", List.of("b", "c"), List.of("b", "c\r")));
        assertTrue(e.getMessage().contains("expected 2 lines, got 2") && e.getMessage().contains("\"c\\r\""), e.getMessage());
    }

    @Test
    void valuesThatPrintTheSameButDifferShowTheirTypes() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> Expect.equal("size(file)", 6, 6L));
        assertEquals("size(file): expected 6 (Integer) but got 6 (Long)", e.getMessage());
        AssertionFailedError n = assertThrows(AssertionFailedError.class, () -> Expect.equal("answer()", "null", null));
        assertEquals("answer(): expected \"null\" but got null", n.getMessage(), "text is quoted, so it never prints as null");
        AssertionFailedError plain = assertThrows(AssertionFailedError.class, () -> Expect.equal("size(file)", 6L, 7L));
        assertEquals("size(file): expected 6 but got 7", plain.getMessage(), "types only when the values print the same");
    }
}
