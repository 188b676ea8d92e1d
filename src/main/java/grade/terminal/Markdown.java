package grade.terminal;

import grade.terminal.Style;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a statement's Markdown for the terminal: headings, paragraphs and lists wrapped to
 * the terminal's width (Chinese characters count two columns and may break anywhere), code
 * blocks kept as they are, inline code, bold and emphasis in colour, links as text (address).
 */
public final class Markdown {
    private static final Pattern INLINE = Pattern.compile("`([^`]+)`|\\*\\*([^*]+)\\*\\*|(?<![\\w*])[*_]([^*_\\s][^*_]*)[*_](?![\\w*])|\\[([^\\]]+)]\\(([^)]+)\\)");
    /** Punctuation that never starts a line in Chinese typesetting. */
    private static final String CLOSING = "，。、；：！？）」』】》”’,.;:!?)";
    private static final Pattern LIST = Pattern.compile("^(\\s*)([-*+]|\\d+[.)])\\s+(.*)$");

    private enum Kind { PLAIN, CODE, BOLD, EM }

    private record Token(String text, Kind kind, boolean spaceBefore) {
    }

    private final Style style;
    private final int width;
    private final StringBuilder out = new StringBuilder();

    private Markdown(Style style, int width) {
        this.style = style;
        this.width = Math.max(30, width);
    }

    public static String render(String md, Style style, int width) {
        return new Markdown(style, width).run(md);
    }

    private String run(String md) {
        List<String> lines = md.replace("\r\n", "\n").lines().toList();
        StringBuilder para = new StringBuilder();
        String paraIndent = "";
        String firstIndent = "";
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.strip().startsWith("```")) {
                flush(para, firstIndent, paraIndent);
                blankLine();
                for (i++; i < lines.size() && !lines.get(i).strip().startsWith("```"); i++) {
                    out.append("    ").append(style.cyan(lines.get(i))).append('\n');
                }
                out.append('\n');
                continue;
            }
            if (line.isBlank()) {
                flush(para, firstIndent, paraIndent);
                continue;
            }
            if (line.startsWith("#")) {
                flush(para, firstIndent, paraIndent);
                blankLine();
                String text = line.replaceFirst("^#+\\s*", "");
                String rendered = wrap(tokens(text), "", "");
                out.append(line.startsWith("# ") ? style.bold(style.cyan(rendered)) : style.bold(rendered)).append("\n\n");
                continue;
            }
            if (line.startsWith("|")) {
                flush(para, firstIndent, paraIndent);
                out.append("  ").append(line).append('\n');
                continue;
            }
            Matcher m = LIST.matcher(line);
            if (m.matches()) {
                flush(para, firstIndent, paraIndent);
                String bullet = m.group(2).matches("\\d+[.)]") ? m.group(2) : "•";
                firstIndent = m.group(1) + "  " + bullet + " ";
                paraIndent = " ".repeat(Width.of(firstIndent));
                para.append(m.group(3));
                continue;
            }
            if (para.length() > 0) {
                if (!joinsWithoutSpace(para, line.strip())) {
                    para.append(' ');
                }
            } else {
                firstIndent = "";
                paraIndent = "";
            }
            para.append(line.strip());
        }
        flush(para, firstIndent, paraIndent);
        return out.toString().stripTrailing();
    }

    /** Chinese text wrapped in the source is joined without a space. */
    private static boolean joinsWithoutSpace(StringBuilder para, String next) {
        int last = para.codePointBefore(para.length());
        return !next.isEmpty() && (Width.wide(last) || Width.wide(next.codePointAt(0)));
    }

    private void blankLine() {
        if (out.length() > 0 && !out.toString().endsWith("\n\n")) {
            out.append('\n');
        }
    }

    private void flush(StringBuilder para, String firstIndent, String indent) {
        if (para.length() == 0) {
            return;
        }
        boolean listItem = !firstIndent.isEmpty();
        out.append(wrap(tokens(para.toString()), firstIndent, indent)).append('\n');
        if (!listItem) {
            out.append('\n');
        }
        para.setLength(0);
    }

    /** Splits inline Markdown into words (each Chinese character a word of its own) with their style. */
    private List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        Matcher m = INLINE.matcher(text);
        int at = 0;
        while (m.find()) {
            String before = text.substring(at, m.start());
            words(before, Kind.PLAIN, tokens);
            boolean spaced = before.isEmpty() ? at > 0 && Character.isWhitespace(text.charAt(at - 1)) : Character.isWhitespace(before.charAt(before.length() - 1));
            int first = tokens.size();
            if (m.group(1) != null) {
                words(m.group(1), Kind.CODE, tokens);
            } else if (m.group(2) != null) {
                words(m.group(2), Kind.BOLD, tokens);
            } else if (m.group(3) != null) {
                words(m.group(3), Kind.EM, tokens);
            } else {
                words(m.group(4) + " (" + m.group(5) + ")", Kind.PLAIN, tokens);
            }
            if (spaced && first < tokens.size()) {
                Token t = tokens.get(first);
                tokens.set(first, new Token(t.text(), t.kind(), true));
            }
            at = m.end();
        }
        words(text.substring(at), Kind.PLAIN, tokens);
        return tokens;
    }

    private static void words(String s, Kind kind, List<Token> tokens) {
        boolean space = !s.isEmpty() && Character.isWhitespace(s.charAt(0));
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp)) {
                if (word.length() > 0) {
                    tokens.add(new Token(word.toString(), kind, space));
                    word.setLength(0);
                }
                space = true;
            } else if (Width.wide(cp) && kind != Kind.CODE) {
                if (word.length() > 0) {
                    tokens.add(new Token(word.toString(), kind, space));
                    word.setLength(0);
                    space = false;
                }
                tokens.add(new Token(new String(Character.toChars(cp)), kind, space));
                space = false;
            } else {
                word.appendCodePoint(cp);
            }
        }
        if (word.length() > 0) {
            tokens.add(new Token(word.toString(), kind, space));
        }
    }

    private String wrap(List<Token> tokens, String firstIndent, String indent) {
        StringBuilder sb = new StringBuilder(firstIndent);
        int col = Width.of(firstIndent);
        boolean lineStart = true;
        for (Token t : tokens) {
            int w = Width.of(t.text());
            boolean space = t.spaceBefore() && !lineStart;
            boolean closing = CLOSING.indexOf(t.text().codePointAt(0)) >= 0;
            if (!lineStart && !closing && col + (space ? 1 : 0) + w > width) {
                sb.append('\n').append(indent);
                col = Width.of(indent);
                space = false;
            }
            if (space) {
                sb.append(' ');
                col++;
            }
            sb.append(paint(t));
            col += w;
            lineStart = false;
        }
        return sb.toString();
    }

    private String paint(Token t) {
        return switch (t.kind()) {
            case PLAIN -> t.text();
            case CODE -> style.color() ? style.cyan(t.text()) : t.text();
            case BOLD -> style.bold(t.text());
            case EM -> style.color() ? style.yellow(t.text()) : t.text();
        };
    }
}
