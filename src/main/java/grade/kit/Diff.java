package grade.kit;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.List;

/**
 * A short, readable line diff for failure messages: the smallest edit from the expected lines to
 * the actual ones (a missing line is one difference, not a shift of every later line), with a
 * little context. Lines are numbered as in the actual text, the learner's; a missing line has no
 * number there and stands where it belongs.
 */
final class Diff {
    private static final int CONTEXT = 2;
    /** Differing lines shown; the rest are counted. */
    private static final int MAX_ROWS = 12;
    /** Lines of each side compared at most, after their common start and end. */
    private static final int MAX_COMPARED = 1000;
    /** Characters of one line shown; a changed line starts a little before its first difference. */
    private static final int LINE_SHOWN = 160;
    private static final int BEFORE_DIFFERENCE = 40;

    private enum Kind { SAME, EXPECTED, GOT, MISSING, EXTRA }

    /** One row of the diff; {@code line} counts from 1 in the actual text, 0 for a missing line. */
    private record Row(Kind kind, int line, String text) {
    }

    private Diff() {
    }

    /** Splits keeping terminators visible, so a missing final newline or a stray {@code \r} shows. */
    static String lines(String expected, String actual) {
        return listed(split(expected), split(actual));
    }

    static String listed(List<String> expected, List<String> actual) {
        int head = 0;
        while (head < expected.size() && head < actual.size() && expected.get(head).equals(actual.get(head))) {
            head++;
        }
        int tail = 0;
        while (tail < expected.size() - head && tail < actual.size() - head
                && expected.get(expected.size() - 1 - tail).equals(actual.get(actual.size() - 1 - tail))) {
            tail++;
        }
        int from = Math.max(0, head - CONTEXT);
        int end = head + MAX_COMPARED;
        int expectedEnd = expected.size() - Math.max(0, tail - CONTEXT);
        int actualEnd = actual.size() - Math.max(0, tail - CONTEXT);
        String diff = render(rows(expected.subList(from, Math.min(expectedEnd, end)), actual.subList(from, Math.min(actualEnd, end)), from));
        if (Math.max(expectedEnd, actualEnd) <= end) {
            return diff;
        }
        return diff + "\n    … " + Say.pick("the lines after line " + end + " were not compared", "第 " + end + " 行之后没有比较");
    }

    /** The rows of the smallest edit from {@code e} to {@code a}, whose first line is line {@code offset + 1}. */
    private static List<Row> rows(List<String> e, List<String> a, int offset) {
        List<Row> rows = new ArrayList<>();
        int ai = 0;
        for (AbstractDelta<String> d : DiffUtils.diff(e, a).getDeltas()) {
            for (; ai < d.getTarget().getPosition(); ai++) {
                rows.add(new Row(Kind.SAME, offset + ai + 1, a.get(ai)));
            }
            List<String> gone = d.getSource().getLines();
            List<String> come = d.getTarget().getLines();
            for (int i = 0; i < Math.max(gone.size(), come.size()); i++) {
                if (i < gone.size() && i < come.size()) {
                    rows.add(new Row(Kind.EXPECTED, offset + ai + 1, gone.get(i)));
                    rows.add(new Row(Kind.GOT, offset + ai + 1, come.get(i)));
                } else if (i < gone.size()) {
                    rows.add(new Row(Kind.MISSING, 0, gone.get(i)));
                } else {
                    rows.add(new Row(Kind.EXTRA, offset + ai + 1, come.get(i)));
                }
                ai += i < come.size() ? 1 : 0;
            }
        }
        for (; ai < a.size(); ai++) {
            rows.add(new Row(Kind.SAME, offset + ai + 1, a.get(ai)));
        }
        return rows;
    }

    private static String render(List<Row> rows) {
        boolean[] shown = new boolean[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).kind() != Kind.SAME) {
                for (int j = Math.max(0, i - CONTEXT); j <= Math.min(rows.size() - 1, i + CONTEXT); j++) {
                    shown[j] = true;
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        int differing = 0;
        int last = -1;
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            boolean differs = r.kind() != Kind.SAME && r.kind() != Kind.GOT;
            if (differs && differing == MAX_ROWS) {
                int more = (int) rows.subList(i, rows.size()).stream().filter(x -> x.kind() != Kind.SAME && x.kind() != Kind.GOT).count();
                sb.append("    … ").append(Say.pick(more + " more " + (more == 1 ? "line differs" : "lines differ"), "还有 " + more + " 行不同")).append('\n');
                break;
            }
            if (!shown[i]) {
                continue;
            }
            if (last >= 0 && last < i - 1) {
                sb.append("    …\n");
            }
            last = i;
            differing += differs ? 1 : 0;
            String other = r.kind() == Kind.EXPECTED ? rows.get(i + 1).text() : r.kind() == Kind.GOT ? rows.get(i - 1).text() : null;
            sb.append(row(r, other)).append('\n');
        }
        return sb.toString().stripTrailing();
    }

    /** One row; a changed line is shown from a little before where it differs from {@code other}. */
    private static String row(Row r, String other) {
        String text = other == null ? show(r.text(), 0) : show(r.text(), firstDifference(r.text(), other));
        String line = Say.pick("line " + r.line(), "第 " + r.line() + " 行");
        return switch (r.kind()) {
            case SAME -> "    " + line + "  " + text;
            case EXPECTED -> "  - " + line + Say.pick("  expected ", "  预期 ") + text;
            case GOT -> "  + " + line + Say.pick("  got      ", "  实际 ") + text;
            case MISSING -> "  - " + Say.pick("missing  ", "缺少 ") + text;
            case EXTRA -> "  + " + line + Say.pick("  extra    ", "  多出 ") + text;
        };
    }

    private static int firstDifference(String a, String b) {
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }

    /** A line quoted with its invisible characters visible, cut where long, from near {@code at}. */
    private static String show(String s, int at) {
        int from = s.length() <= LINE_SHOWN ? 0 : Math.max(0, Math.min(at, s.length()) - BEFORE_DIFFERENCE);
        String cut = Text.cut(s.substring(from), LINE_SHOWN);
        return from == 0 ? '"' + Text.visible(cut) + '"'
                : '"' + Say.pick("[" + from + " characters before] …", "[前面还有 " + from + " 个字符] …") + Text.visible(cut) + '"';
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
