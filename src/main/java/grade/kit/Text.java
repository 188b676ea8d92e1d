package grade.kit;

import java.nio.charset.StandardCharsets;

/**
 * Makes text safe and readable inside a failure message: invisible characters become visible,
 * terminal escape sequences are neutralised and long values are cut with a visible marker.
 */
public final class Text {
    /** Longest value, in characters, quoted whole in a message. */
    public static final int MAX_SHOWN = 600;

    private Text() {
    }

    /**
     * Quotes a value for a message, with {@code \n}, {@code \r}, {@code \t} and other control
     * characters written as escapes and the value cut after {@link #MAX_SHOWN} characters.
     * <pre>{@code Text.show("a\tb\r\n") // "\"a\\tb\\r\\n\"" }</pre>
     */
    public static String show(String s) {
        if (s == null) {
            return "null";
        }
        return '"' + visible(cut(s, MAX_SHOWN)) + '"';
    }

    /** Like {@link #show(String)} for bytes: UTF-8 text where it decodes, hex otherwise. */
    public static String show(byte[] data) {
        if (data == null) {
            return "null";
        }
        var decoder = StandardCharsets.UTF_8.newDecoder();
        try {
            return show(decoder.decode(java.nio.ByteBuffer.wrap(data)).toString()) + byteCount(data.length);
        } catch (java.nio.charset.CharacterCodingException e) {
            return hex(data, 64) + byteCount(data.length);
        }
    }

    private static String byteCount(int n) {
        return Say.pick(" (" + n + " bytes)", "（" + n + " 个字节）");
    }

    /** Lower-case hex of at most {@code max} bytes, with a marker when cut. */
    public static String hex(byte[] data, int max) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(max, data.length); i++) {
            sb.append(String.format("%02x", data[i] & 0xff));
        }
        if (data.length > max) {
            sb.append(Say.pick("… [" + (data.length - max) + " more bytes]", "… [还有 " + (data.length - max) + " 个字节]"));
        }
        return sb.toString();
    }

    /** Cuts {@code s} to at most {@code max} characters, saying how much was cut. */
    public static String cut(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        return s.substring(0, max) + Say.pick("… [" + (s.length() - max) + " more characters]",
                "… [还有 " + (s.length() - max) + " 个字符]");
    }

    /**
     * Escapes control characters (including ESC, so no terminal sequence survives) while keeping
     * printable text, Chinese included, as it is.
     */
    public static String visible(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\\' -> sb.append("\\\\");
                case '"' -> sb.append("\\\"");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    /**
     * Keeps line breaks and tabs but neutralises every other control character, for multi-line
     * output shown as a block (a program's stdout in a message).
     */
    public static String block(String s, int max) {
        String cut = cut(s, max);
        StringBuilder sb = new StringBuilder(cut.length());
        for (int i = 0; i < cut.length(); i++) {
            char c = cut.charAt(i);
            if (c == '\n' || c == '\t') {
                sb.append(c);
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (Character.isISOControl(c)) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** One line of text as it is, with every control character (line breaks too) escaped. */
    public static String line(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Indents every line of a block for a nested part of a message. */
    public static String indent(String block, String prefix) {
        return prefix + block.replace("\n", "\n" + prefix);
    }

    /** A duration in seconds with one decimal, as people read it: {@code 2.5 s}. <pre>{@code Text.seconds(2540)  // "2.5 s"}</pre> */
    public static String seconds(long millis) {
        return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    /** A wait in the learner's language: {@code 5 s}, {@code 500 ms} ({@code 5 秒}, {@code 500 毫秒}). */
    public static String human(java.time.Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + Say.pick(" s", " 秒") : ms + Say.pick(" ms", " 毫秒");
    }
}
