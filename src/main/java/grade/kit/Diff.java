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
            sb.append("    ").append(line(i)).append("  ").append(Text.show(expected.get(i))).append('\n');
        }
        for (int i = first; i < Math.max(expected.size(), actual.size()) && rows < MAX_ROWS; i++, rows++) {
            String none = Say.pick("(no line)", "（没有这一行）");
            String e = i < expected.size() ? Text.show(expected.get(i)) : none;
            String a = i < actual.size() ? Text.show(actual.get(i)) : none;
            if (e.equals(a)) {
                sb.append("    ").append(line(i)).append("  ").append(e).append('\n');
            } else {
                sb.append("  - ").append(line(i)).append(Say.pick("  expected ", "  预期 ")).append(e).append('\n');
                sb.append("  + ").append(line(i)).append(Say.pick("  got      ", "  实际 ")).append(a).append('\n');
            }
        }
        int more = Math.max(expected.size(), actual.size()) - first - rows;
        if (more > 0) {
            sb.append("    … ").append(Say.pick(more + " more lines", "还有 " + more + " 行")).append('\n');
        }
        return sb.toString().stripTrailing();
    }

    /** "line 3", counted from 1. */
    private static String line(int index) {
        return Say.pick("line " + (index + 1), "第 " + (index + 1) + " 行");
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
