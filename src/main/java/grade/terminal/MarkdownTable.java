package grade.terminal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.node.Node;

/**
 * A Markdown table drawn for the terminal: its columns as wide as their text, narrowed (widest
 * first) until the table fits the width, each cell wrapped within its column, the header bold.
 * Box characters where there is colour, ASCII otherwise:
 * <pre>
 * ┌──────┬──────┐      +------+------+
 * │ a    │ b    │      | a    | b    |
 * ╞══════╪══════╡      +======+======+
 * │ 1    │ 2    │      | 1    | 2    |
 * └──────┴──────┘      +------+------+
 * </pre>
 */
final class MarkdownTable {
    /** The narrowest a column is made, unless its text is narrower. */
    private static final int MIN_COLUMN = 6;

    /** The characters of a frame: corners and joints of the top, the header's rule, a row's rule and the bottom. */
    private record Frame(String top, String head, String row, String bottom, String bar) {
        static final Frame BOX = new Frame("┌─┬┐", "╞═╪╡", "├─┼┤", "└─┴┘", "│");
        static final Frame ASCII = new Frame("+-++", "+=++", "+-++", "+-++", "|");
    }

    private record Cell(List<Inline.Token> tokens, TableCell.Alignment alignment) {
    }

    private final List<List<Cell>> rows = new ArrayList<>();
    private int headRows;
    private final Style style;
    private final Frame frame;

    MarkdownTable(TableBlock table, Style style) {
        this.style = style;
        this.frame = style.color() ? Frame.BOX : Frame.ASCII;
        for (Node part = table.getFirstChild(); part != null; part = part.getNext()) {
            for (Node row = part.getFirstChild(); row != null; row = row.getNext()) {
                List<Cell> cells = new ArrayList<>();
                for (Node c = row.getFirstChild(); c != null; c = c.getNext()) {
                    TableCell cell = (TableCell) c;
                    cells.add(new Cell(Inline.of(cell, cell.isHeader() ? Inline.BOLD : 0), cell.getAlignment()));
                }
                rows.add(cells);
                headRows += part instanceof TableHead ? 1 : 0;
            }
        }
    }

    List<String> lines(int width) {
        int columns = rows.stream().mapToInt(List::size).max().orElse(0);
        int[] widths = widths(columns, width - (3 * columns + 1));
        List<List<List<String>>> wrapped = new ArrayList<>();
        for (List<Cell> row : rows) {
            List<List<String>> cells = new ArrayList<>();
            for (int c = 0; c < columns; c++) {
                cells.add(c < row.size() ? Inline.wrap(row.get(c).tokens(), widths[c], style, true) : List.of(""));
            }
            wrapped.add(cells);
        }
        boolean ruled = wrapped.stream().skip(headRows).anyMatch(r -> r.stream().anyMatch(l -> l.size() > 1));
        List<String> out = new ArrayList<>();
        out.add(rule(frame.top(), widths));
        for (int r = 0; r < wrapped.size(); r++) {
            if (r > 0 && r == headRows) {
                out.add(rule(frame.head(), widths));
            } else if (r > headRows && ruled) {
                out.add(rule(frame.row(), widths));
            }
            out.addAll(row(wrapped.get(r), rows.get(r), widths));
        }
        out.add(rule(frame.bottom(), widths));
        return out;
    }

    /** Natural widths, the widest narrowed one column at a time until they fit {@code room}. */
    private int[] widths(int columns, int room) {
        int[] widths = new int[columns];
        for (List<Cell> row : rows) {
            for (int c = 0; c < row.size(); c++) {
                widths[c] = Math.max(widths[c], Inline.width(row.get(c).tokens()));
            }
        }
        while (Arrays.stream(widths).sum() > room) {
            int widest = 0;
            for (int c = 1; c < columns; c++) {
                widest = widths[c] > widths[widest] ? c : widest;
            }
            if (widths[widest] <= MIN_COLUMN) {
                break;
            }
            widths[widest]--;
        }
        return widths;
    }

    private List<String> row(List<List<String>> cells, List<Cell> source, int[] widths) {
        int height = cells.stream().mapToInt(List::size).max().orElse(1);
        String bar = style.dim(frame.bar());
        List<String> out = new ArrayList<>();
        for (int i = 0; i < height; i++) {
            StringBuilder line = new StringBuilder(bar);
            for (int c = 0; c < widths.length; c++) {
                String text = i < cells.get(c).size() ? cells.get(c).get(i) : "";
                TableCell.Alignment a = c < source.size() ? source.get(c).alignment() : null;
                line.append(' ').append(align(text, widths[c], a)).append(' ').append(bar);
            }
            out.add(line.toString());
        }
        return out;
    }

    private static String align(String text, int width, TableCell.Alignment a) {
        int gap = Math.max(0, width - Width.of(text));
        if (a == TableCell.Alignment.RIGHT) {
            return " ".repeat(gap) + text;
        }
        if (a == TableCell.Alignment.CENTER) {
            return " ".repeat(gap / 2) + text + " ".repeat(gap - gap / 2);
        }
        return text + " ".repeat(gap);
    }

    /** A horizontal rule from the frame's four characters: left, line, joint, right. */
    private String rule(String chars, int[] widths) {
        int[] cp = chars.codePoints().toArray();
        StringBuilder sb = new StringBuilder().appendCodePoint(cp[0]);
        for (int c = 0; c < widths.length; c++) {
            sb.append(Character.toString(cp[1]).repeat(widths[c] + 2)).appendCodePoint(c == widths.length - 1 ? cp[3] : cp[2]);
        }
        return style.dim(sb.toString());
    }
}
