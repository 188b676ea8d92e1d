package grade.terminal;

/**
 * How many terminal columns text takes: Chinese, Japanese and Korean characters, full-width
 * forms and most emoji take two, combining marks none, the rest one. ANSI escape sequences take
 * none.
 */
public final class Width {
    private Width() {
    }

    public static int of(String s) {
        int width = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (cp == 0x1b) {
                int end = s.indexOf('m', i);
                i = end < 0 ? s.length() : end + 1;
                continue;
            }
            width += of(cp);
            i += Character.charCount(cp);
        }
        return width;
    }

    public static int of(int cp) {
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT || cp == 0x200B) {
            return 0;
        }
        return wide(cp) ? 2 : 1;
    }

    public static boolean wide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) || (cp >= 0x3041 && cp <= 0x33FF)
                || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF)
                || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F)
                || (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F)
                || (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD);
    }

    /** Pads with spaces to {@code columns} columns (no-op if already wider). */
    public static String pad(String s, int columns) {
        int w = of(s);
        return w >= columns ? s : s + " ".repeat(columns - w);
    }
}
