package grade.terminal;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;

/**
 * The inline content of a Markdown block (text, code, emphasis, links, line breaks) as words
 * with their style, wrapped to a width: words break at spaces, Chinese characters anywhere but
 * never before closing punctuation nor after opening punctuation, and words written together
 * ({@code (`mkfifo`).}) stay together.
 */
final class Inline {
    static final int CODE = 1;
    static final int BOLD = 2;
    static final int EM = 4;
    /** Punctuation that never starts a line, and punctuation that never ends one. */
    private static final String CLOSING = "，。、；：！？）」』】》”’,.;:!?)";
    private static final String OPENING = "（「『【《“‘(";
    private static final Token BREAK = new Token("\n", 0, false);

    /** A word, or one Chinese character; {@code spaceBefore} when the source had a space before it. */
    record Token(String text, int marks, boolean spaceBefore) {
    }

    private final List<Token> tokens = new ArrayList<>();
    private final int baseMarks;
    private boolean space;
    private boolean softBreak;

    private Inline(int baseMarks) {
        this.baseMarks = baseMarks;
    }

    /** The words of {@code block}'s inline children, each also with {@code marks} (header cells are bold). */
    static List<Token> of(Node block, int marks) {
        Inline in = new Inline(marks);
        in.add(block, marks);
        return in.tokens;
    }

    private void add(Node parent, int marks) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Text t) {
                words(t.getLiteral(), marks);
            } else if (n instanceof Code c) {
                words(c.getLiteral(), marks | CODE);
            } else if (n instanceof Emphasis) {
                add(n, marks | EM);
            } else if (n instanceof StrongEmphasis) {
                add(n, marks | BOLD);
            } else if (n instanceof Link l) {
                int before = tokens.size();
                add(n, marks);
                String label = tokens.subList(before, tokens.size()).stream().map(Token::text).reduce("", String::concat);
                if (!l.getDestination().isEmpty() && !label.equals(l.getDestination())) {
                    space = true;
                    words("(" + l.getDestination() + ")", baseMarks);
                }
            } else if (n instanceof SoftLineBreak) {
                softBreak = true;
            } else if (n instanceof HardLineBreak || n instanceof HtmlInline h && h.getLiteral().matches("(?i)<br\\s*/?>")) {
                tokens.add(BREAK);
                space = false;
                softBreak = false;
            } else if (n instanceof HtmlInline h) {
                words(h.getLiteral(), marks);
            } else {
                add(n, marks); // an image's description, an extension's node: its text
            }
        }
    }

    private void words(String s, int marks) {
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp)) {
                token(word, marks);
                space = true;
            } else if (Width.wide(cp) && (marks & CODE) == 0) {
                token(word, marks);
                token(new StringBuilder().appendCodePoint(cp), marks);
            } else {
                word.appendCodePoint(cp);
            }
        }
        token(word, marks);
    }

    private void token(StringBuilder word, int marks) {
        if (word.length() == 0) {
            return;
        }
        String text = word.toString();
        boolean spaced = space;
        if (softBreak && !tokens.isEmpty()) {
            // Chinese wrapped in the source is joined without a space, other text with one.
            String last = tokens.get(tokens.size() - 1).text();
            spaced = !Width.wide(last.codePointBefore(last.length())) && !Width.wide(text.codePointAt(0));
        }
        tokens.add(new Token(text, marks, spaced && !tokens.isEmpty() && tokens.get(tokens.size() - 1) != BREAK));
        word.setLength(0);
        space = false;
        softBreak = false;
    }

    /**
     * Lines of at most {@code width} columns (a word wider than that stands alone, or is cut
     * with {@code cutLong}), painted with {@code style}.
     */
    static List<String> wrap(List<Token> tokens, int width, Style style, boolean cutLong) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int col = 0;
        for (List<Token> unit : units(tokens)) {
            if (unit.get(0) == BREAK) {
                lines.add(line.toString());
                line.setLength(0);
                col = 0;
                continue;
            }
            int w = unit.stream().mapToInt(t -> Width.of(t.text())).sum();
            boolean space = col > 0 && unit.get(0).spaceBefore();
            if (col > 0 && col + (space ? 1 : 0) + w > width) {
                lines.add(line.toString());
                line.setLength(0);
                col = 0;
                space = false;
            }
            if (space) {
                line.append(' ');
                col++;
            }
            for (Token t : unit) {
                if (cutLong && col + Width.of(t.text()) > width) {
                    col = cut(t, width, col, line, lines, style);
                } else {
                    line.append(paint(t.text(), t.marks(), style));
                    col += Width.of(t.text());
                }
            }
        }
        if (col > 0 || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** Writes a word too wide for its column over several lines; returns the column after it. */
    private static int cut(Token t, int width, int col, StringBuilder line, List<String> lines, Style style) {
        StringBuilder part = new StringBuilder();
        for (int i = 0; i < t.text().length(); ) {
            int cp = t.text().codePointAt(i);
            i += Character.charCount(cp);
            if (col + Width.of(cp) > width && col > 0) {
                line.append(paint(part.toString(), t.marks(), style));
                lines.add(line.toString());
                line.setLength(0);
                part.setLength(0);
                col = 0;
            }
            part.appendCodePoint(cp);
            col += Width.of(cp);
        }
        line.append(paint(part.toString(), t.marks(), style));
        return col;
    }

    /** Tokens that must stay on one line together: no space between them, or punctuation that may not be alone. */
    private static List<List<Token>> units(List<Token> tokens) {
        List<List<Token>> units = new ArrayList<>();
        Token prev = null;
        for (Token t : tokens) {
            boolean joins = prev != null && prev != BREAK && t != BREAK && !t.spaceBefore()
                    && (CLOSING.indexOf(t.text().codePointAt(0)) >= 0 || OPENING.indexOf(last(prev.text())) >= 0
                        || !Width.wide(t.text().codePointAt(0)) && !Width.wide(last(prev.text())));
            if (joins) {
                units.get(units.size() - 1).add(t);
            } else {
                units.add(new ArrayList<>(List.of(t)));
            }
            prev = t;
        }
        return units;
    }

    private static int last(String s) {
        return s.codePointBefore(s.length());
    }

    /** Plain width of the tokens on one line, spaces included. */
    static int width(List<Token> tokens) {
        int w = 0;
        for (int i = 0; i < tokens.size(); i++) {
            w += Width.of(tokens.get(i).text()) + (i > 0 && tokens.get(i).spaceBefore() ? 1 : 0);
        }
        return w;
    }

    /** The widest run of tokens that cannot be broken. */
    static int widestUnit(List<Token> tokens) {
        return units(tokens).stream().mapToInt(u -> u.stream().mapToInt(t -> Width.of(t.text())).sum()).max().orElse(0);
    }

    static String paint(String text, int marks, Style style) {
        if (!style.color()) {
            return text;
        }
        String s = (marks & CODE) != 0 ? style.cyan(text) : (marks & EM) != 0 ? style.yellow(text) : text;
        return (marks & BOLD) != 0 ? style.bold(s) : s;
    }
}
