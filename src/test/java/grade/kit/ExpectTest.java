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
    void aMissingLineIsOneDifferenceNotAShiftOfEveryLaterLine() {
        String m = textFailure("a\nb\nc\nd\ne\n", "a\nc\nd\ne\n");
        assertEquals("""
                out is not what was expected.
                    line 1  "a\\n"
                  - missing  "b\\n"
                    line 2  "c\\n"
                    line 3  "d\\n\"""", m);
    }

    @Test
    void anInsertedLineIsNumberedAsInTheActualText() {
        String m = textFailure("a\nb\nc\nd\n", "a\nb\nnew\nc\nd\n");
        assertEquals("""
                out is not what was expected.
                    line 1  "a\\n"
                    line 2  "b\\n"
                  + line 3  extra    "new\\n"
                    line 4  "c\\n"
                    line 5  "d\\n\"""", m);
    }

    @Test
    void differencesFarApartAreSeparateHunksWithTheirContext() {
        StringBuilder expected = new StringBuilder();
        for (int i = 1; i <= 40; i++) {
            expected.append("row ").append(i).append('\n');
        }
        String actual = expected.toString().replace("row 5\n", "row 5 \n").replace("row 30\n", "");
        String m = textFailure(expected.toString(), actual);
        assertEquals("""
                out is not what was expected.
                    line 3  "row 3\\n"
                    line 4  "row 4\\n"
                  - line 5  expected "row 5\\n"
                  + line 5  got      "row 5 \\n"
                    line 6  "row 6\\n"
                    line 7  "row 7\\n"
                    …
                    line 28  "row 28\\n"
                    line 29  "row 29\\n"
                  - missing  "row 30\\n"
                    line 30  "row 31\\n"
                    line 31  "row 32\\n\"""", m);
    }

    @Test
    void aHugeDifferenceIsComparedInBoundedTimeAndCut() {
        String expected = "same\n" + "e\n".repeat(50_000);
        String m = textFailure(expected, "same\n" + "a\n".repeat(50_000));
        assertTrue(m.contains("  - line 2  expected \"e\\n\"\n  + line 2  got      \"a\\n\""), m);
        assertTrue(m.endsWith("    … 988 more lines differ\n    … the lines after line 1001 were not compared"), m);
        assertTrue(m.lines().count() < 30, m);
    }

    private static String textFailure(String expected, String actual) {
        return assertThrows(AssertionFailedError.class, () -> Expect.sameText("out", expected, actual)).getMessage();
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
