package grade.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Statements as the terminal shows them: wrapped to its width, Chinese at two columns a character. */
class MarkdownTest {
    private static final Style PLAIN = new Style(false);
    private static final Style COLOUR = new Style(true);
    private static final String TABLE = """
            | entry | line |
            | --- | --- |
            | a folder | `d NAME/` |
            | a symbolic link | `l NAME -> TARGET`, **not followed**: a link to nothing is still an `l` line |
            | a pipe \\| socket | `o NAME` |
            """;

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

    @Test
    void aTableIsDrawnInAsciiAndFittedToTheWidth() {
        assertEquals("""
                +-----------------+--------------------+
                | entry           | line               |
                +=================+====================+
                | a folder        | d NAME/            |
                +-----------------+--------------------+
                | a symbolic link | l NAME -> TARGET,  |
                |                 | not followed: a    |
                |                 | link to nothing is |
                |                 | still an l line    |
                +-----------------+--------------------+
                | a pipe | socket | o NAME             |
                +-----------------+--------------------+""", Markdown.render(TABLE, PLAIN, 40));
    }

    @Test
    void inColourATableHasBoxCharactersAndItsCellsTheirStyles() {
        String out = Markdown.render(TABLE, COLOUR, 40);
        assertEquals("""
                ┌─────────────────┬────────────────────┐
                │ entry           │ line               │
                ╞═════════════════╪════════════════════╡
                │ a folder        │ d NAME/            │
                ├─────────────────┼────────────────────┤
                │ a symbolic link │ l NAME -> TARGET,  │
                │                 │ not followed: a    │
                │                 │ link to nothing is │
                │                 │ still an l line    │
                ├─────────────────┼────────────────────┤
                │ a pipe | socket │ o NAME             │
                └─────────────────┴────────────────────┘""", plain(out));
        assertTrue(out.contains(COLOUR.bold("followed") + ":") && out.contains(COLOUR.cyan("TARGET") + ","), out);
        assertTrue(out.contains(COLOUR.bold("entry")), "the header is bold: " + out);
        assertFalse(out.contains("**") || out.contains("`"), out);
    }

    @Test
    void aChineseTableCountsTwoColumnsACharacterAndKeepsItsAlignment() {
        String zh = """
                | 条目 | 输出行 |
                | :--- | ---: |
                | 目录 | `d NAME/` |
                | 符号链接 | `l NAME -> TARGET`，**不跟随**：无论链接指向目录、文件还是根本不存在的东西，都是 `l` 行 |
                """;
        assertEquals("""
                +----------+---------------------------+
                | 条目     |                    输出行 |
                +==========+===========================+
                | 目录     |                   d NAME/ |
                +----------+---------------------------+
                | 符号链接 |    l NAME -> TARGET，不跟 |
                |          |  随：无论链接指向目录、文 |
                |          |  件还是根本不存在的东西， |
                |          |                 都是 l 行 |
                +----------+---------------------------+""", Markdown.render(zh, PLAIN, 40));
    }

    @Test
    void headingsEscapesQuotesNestedListsAndRules() {
        String md = """
                # Title with `code`

                Some \\*escaped\\* text and a line\\
                broken hard, then *em* and **bold**.

                > A quote that is long enough to be wrapped at the width of the terminal, twice over.
                >
                > - inside a list

                1. first
                   - nested one
                   - nested two
                2. second

                - loose one

                - loose two

                ---
                """;
        assertEquals("""
                Title with code

                Some *escaped* text and a line
                broken hard, then em and bold.

                > A quote that is long enough to be
                > wrapped at the width of the terminal,
                > twice over.
                >
                >   • inside a list

                  1. first
                       ◦ nested one
                       ◦ nested two
                  2. second

                  • loose one

                  • loose two

                ----------------------------------------""", Markdown.render(md, PLAIN, 40));
    }

    @Test
    void everyStatementFitsTheWidthExceptItsCodeAndLeavesNoMarkupBehind() throws IOException {
        List<Path> statements;
        try (Stream<Path> s = Files.walk(Path.of("exercises"))) {
            statements = s.filter(p -> p.getFileName().toString().matches("README(\\.zh)?\\.md")).sorted().toList();
        }
        assertTrue(statements.size() >= 14, "the course's statements: " + statements);
        for (Path p : statements) {
            String md = Files.readString(p);
            for (int width : new int[] {40, 72, 100}) {
                for (String line : Markdown.render(md, PLAIN, width).lines().toList()) {
                    // wider only where it is code kept as it is, or one word wider than the line
                    assertTrue(Width.of(line) <= width || md.contains(line.strip()) || !line.strip().contains(" "),
                            p + " at " + width + ": " + line);
                    assertFalse(line.matches("\\s*\\|\\s*:?-{3,}.*"), p + " keeps a table's Markdown: " + line);
                    assertFalse(line.matches(".*\\*\\*\\S.*") && !md.contains(line.strip()), p + " keeps its asterisks: " + line);
                }
            }
        }
    }

    private static String plain(String coloured) {
        return coloured.replaceAll("\u001b\\[[0-9;]*m", "");
    }
}
