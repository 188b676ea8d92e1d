package grade.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Statements as the terminal shows them: wrapped to its width, Chinese at two columns a character. */
class MarkdownTest {
    private static final Style PLAIN = new Style(false);

    @Test
    void englishIsWrappedAtSpacesWithinTheWidth() {
        String out = Markdown.render("# Title\n\n" + "word ".repeat(40).strip() + "\n", PLAIN, 40);
        List<String> lines = out.lines().toList();
        assertEquals("Title", lines.get(0));
        for (String l : lines) {
            assertTrue(Width.of(l) <= 40, "line wider than 40: " + l);
            assertFalse(l.endsWith(" "), "trailing space: [" + l + "]");
        }
        assertEquals(40, out.lines().skip(2).mapToLong(l -> l.split(" ").length).sum());
    }

    @Test
    void chineseCountsTwoColumnsAndBreaksBetweenCharactersButNotBeforePunctuation() {
        String text = "文件偏移量是下一次读写发生的位置，".repeat(6);
        String out = Markdown.render(text, PLAIN, 30);
        for (String l : out.lines().toList()) {
            assertTrue(Width.of(l) <= 32, "line too wide: " + l + " (" + Width.of(l) + " columns)");
            assertFalse(l.startsWith("，"), "a line starts with closing punctuation: " + l);
        }
        assertEquals(text, out.replace("\n", ""), "no character lost or added");
        assertEquals(4, Width.of("你好"));
    }

    @Test
    void sourceLinesOfChineseJoinWithoutASpace() {
        assertEquals("第一行接着第二行", Markdown.render("第一行\n接着第二行", PLAIN, 80));
        assertEquals("one two", Markdown.render("one\ntwo", PLAIN, 80));
    }

    @Test
    void listsHangCodeBlocksStayAndInlineMarkupIsShown() {
        String md = """
                - first item that is long enough to wrap around the narrow width
                - second

                ```java
                int x = 1;   // kept as is, even if long long long long long long
                ```
                """;
        String out = Markdown.render(md, PLAIN, 30);
        assertTrue(out.contains("  • first item"), out);
        assertTrue(out.lines().skip(1).findFirst().orElse("").matches("    \\S.*"), "a hanging indent:\n" + out);
        assertTrue(out.contains("    int x = 1;   // kept as is, even if long long long long long long"), out);
        String inline = Markdown.render("Use `seek` and **never** truncate, see [the docs](https://example.org).", PLAIN, 80);
        assertEquals("Use seek and never truncate, see the docs (https://example.org).", inline);
    }

    @Test
    void colourOnlyWhenAsked() {
        String coloured = Markdown.render("Use `seek`.", new Style(true), 80);
        assertTrue(coloured.contains("\u001b["), coloured);
        assertFalse(Markdown.render("Use `seek`.", PLAIN, 80).contains("\u001b["));
    }
}
