package grade.cli;

import grade.report.Style;

/** A light rendering of a statement's Markdown for the terminal: headings, code blocks, emphasis. */
final class Markdown {
    private Markdown() {
    }

    static String render(String md, Style style) {
        StringBuilder sb = new StringBuilder();
        boolean code = false;
        for (String line : md.split("\n", -1)) {
            if (line.startsWith("```")) {
                code = !code;
                continue;
            }
            if (code) {
                sb.append("    ").append(style.cyan(line)).append('\n');
            } else if (line.startsWith("#")) {
                String text = line.replaceFirst("^#+\\s*", "");
                sb.append(style.bold(text)).append('\n');
            } else {
                sb.append(inline(line, style)).append('\n');
            }
        }
        return sb.toString().stripTrailing();
    }

    private static String inline(String line, Style style) {
        if (!style.color()) {
            return line;
        }
        String s = line.replaceAll("`([^`]+)`", style.cyan("$1"));
        s = s.replaceAll("\\*\\*([^*]+)\\*\\*", style.bold("$1"));
        return s;
    }
}
