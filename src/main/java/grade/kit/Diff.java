package grade.kit;

import java.util.ArrayList;
import java.util.List;

/** A short, readable line diff for failure messages: the first differing lines with context. */
final class Diff {
    private static final int CONTEXT = 2;
    private static final int MAX_ROWS = 12;

    private Diff() {
    }

    /** Splits keeping terminators visible, so a missing final newline or a stray {@code \r} shows. */
    static String lines(String expected, String actual) {
        return listed(split(expected), split(actual));
    }

    static String listed(List<String> expected, List<String> actual) {
        int first = 0;
        while (first < expected.size() && first < actual.size() && expected.get(first).equals(actual.get(first))) {
            first++;
        }
        StringBuilder sb = new StringBuilder();
        int from = Math.max(0, first - CONTEXT);
        int rows = 0;
        for (int i = from; i < first; i++) {
            sb.append("    line ").append(i + 1).append("  ").append(Text.show(expected.get(i))).append('\n');
        }
        for (int i = first; i < Math.max(expected.size(), actual.size()) && rows < MAX_ROWS; i++, rows++) {
            String e = i < expected.size() ? Text.show(expected.get(i)) : "(no line)";
            String a = i < actual.size() ? Text.show(actual.get(i)) : "(no line)";
            if (e.equals(a)) {
                sb.append("    line ").append(i + 1).append("  ").append(e).append('\n');
            } else {
                sb.append("  - line ").append(i + 1).append("  expected ").append(e).append('\n');
                sb.append("  + line ").append(i + 1).append("  got      ").append(a).append('\n');
            }
        }
        int more = Math.max(expected.size(), actual.size()) - first - rows;
        if (more > 0) {
            sb.append("    … ").append(more).append(" more lines\n");
        }
        return sb.toString().stripTrailing();
    }

    private static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                out.add(s.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < s.length()) {
            out.add(s.substring(start));
        }
        return out;
    }
}
