package grade.terminal;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * Renders a statement's Markdown (CommonMark with GitHub's tables) for the terminal: headings,
 * paragraphs, nested lists, block quotes and tables fitted to the terminal's width (Chinese
 * characters count two columns and may break anywhere), code blocks kept as they are, inline
 * code, bold and emphasis in colour, links as text (address). Tables and rules are drawn with
 * box characters where there is colour, in ASCII otherwise. Only {@code grade show} and a day's
 * first grade load this class, and with it the parser.
 */
public final class Markdown {
    private static final int MIN_WIDTH = 30;

    private final Style style;

    private Markdown(Style style) {
        this.style = style;
    }

    public static String render(String md, Style style, int width) {
        Parser parser = Parser.builder().extensions(List.of(TablesExtension.create())).build();
        List<String> lines = new Markdown(style).blocks(parser.parse(md), Math.max(MIN_WIDTH, width), false);
        return String.join("\n", lines).stripTrailing();
    }

    /** The children of {@code parent}, each block's lines, a blank line between blocks unless {@code tight}. */
    private List<String> blocks(Node parent, int width, boolean tight) {
        List<String> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            List<String> lines = block(n, width);
            if (lines.isEmpty()) {
                continue;
            }
            if (!out.isEmpty() && !tight) {
                out.add("");
            }
            out.addAll(lines);
        }
        return out;
    }

    private List<String> block(Node n, int width) {
        if (n instanceof Heading h) {
            int marks = Inline.BOLD;
            List<String> lines = Inline.wrap(Inline.of(h, marks), width, style, false);
            return h.getLevel() == 1 ? lines.stream().map(style::cyan).toList() : lines;
        }
        if (n instanceof Paragraph) {
            return Inline.wrap(Inline.of(n, 0), width, style, false);
        }
        if (n instanceof FencedCodeBlock c) {
            return code(c.getLiteral());
        }
        if (n instanceof IndentedCodeBlock c) {
            return code(c.getLiteral());
        }
        if (n instanceof HtmlBlock h) {
            return h.getLiteral().lines().toList();
        }
        if (n instanceof ListBlock list) {
            return list(list, width);
        }
        if (n instanceof BlockQuote) {
            String bar = style.color() ? style.dim("│") + " " : "> ";
            return blocks(n, width - 2, false).stream().map(l -> (bar + l).stripTrailing()).toList();
        }
        if (n instanceof ThematicBreak) {
            return List.of(style.dim((style.color() ? "─" : "-").repeat(width)));
        }
        if (n instanceof TableBlock t) {
            return new MarkdownTable(t, style).lines(width);
        }
        return blocks(n, width, false);
    }

    /** Code as it is, indented, never wrapped. */
    private List<String> code(String literal) {
        return literal.stripTrailing().lines().map(l -> l.isEmpty() ? "" : "    " + style.cyan(l)).toList();
    }

    /** Items with a bullet (or number) and a hanging indent; nested lists go in further. */
    private List<String> list(ListBlock list, int width) {
        List<String> out = new ArrayList<>();
        int number = list instanceof OrderedList o && o.getMarkerStartNumber() != null ? o.getMarkerStartNumber() : 1;
        String delimiter = list instanceof OrderedList o && o.getMarkerDelimiter() != null ? o.getMarkerDelimiter() : ".";
        String bullet = nested(list) ? "◦" : "•";
        for (Node item = list.getFirstChild(); item != null; item = item.getNext(), number++) {
            String marker = "  " + (list instanceof BulletList ? bullet : number + delimiter) + " ";
            String hang = " ".repeat(Width.of(marker));
            List<String> lines = item instanceof ListItem ? blocks(item, width - Width.of(marker), list.isTight()) : List.of();
            if (!out.isEmpty() && !list.isTight()) {
                out.add("");
            }
            for (int i = 0; i < Math.max(1, lines.size()); i++) {
                String line = i < lines.size() ? lines.get(i) : "";
                out.add(line.isEmpty() && i > 0 ? "" : (i == 0 ? marker : hang) + line);
            }
        }
        return out;
    }

    private static boolean nested(Node list) {
        for (Node p = list.getParent(); p != null; p = p.getParent()) {
            if (p instanceof ListBlock) {
                return true;
            }
        }
        return false;
    }
}
