package grade.kit;

import java.util.Arrays;
import java.util.List;
import org.opentest4j.AssertionFailedError;

/**
 * Assertions whose messages say what the test did, what it expected and what happened, with
 * invisible characters made visible and a line diff for text.
 */
public final class Expect {
    private Expect() {
    }

    /**
     * Fails the test with a message for the learner.
     * <pre>{@code Expect.fail("your server closed the connection before echoing anything")}</pre>
     */
    public static AssertionFailedError fail(String message) {
        throw new AssertionFailedError(message);
    }

    /**
     * Fails with {@code message} unless {@code condition} holds.
     * <pre>{@code Expect.that(Files.exists(f), "TeeLog should create " + f.getFileName())}</pre>
     */
    public static void that(boolean condition, String message) {
        if (!condition) {
            fail(message);
        }
    }

    /**
     * Compares two values with {@code equals}. A long is written {@code 12L}: 12 is an Integer,
     * and an Integer never equals a Long; when the two print the same, the message shows both
     * types ("expected 12 (Integer) but got 12 (Long)").
     * <pre>{@code Expect.equal("size(file)", 12L, size.call(f))}</pre>
     */
    public static void equal(String what, Object expected, Object actual) {
        if (!java.util.Objects.equals(expected, actual)) {
            String e = describe(expected);
            String a = describe(actual);
            if (e.equals(a)) {
                e += " (" + type(expected) + ")";
                a += " (" + type(actual) + ")";
            }
            fail(what + Say.pick(": expected " + e + " but got " + a, "：应该是 " + e + "，但得到的是 " + a));
        }
    }

    /** A value's type as a test author writes it: Integer, Long, int[]; null for null. */
    private static String type(Object o) {
        return o == null ? "null" : o.getClass().getSimpleName().isEmpty() ? o.getClass().getName() : o.getClass().getSimpleName();
    }

    /**
     * Compares text line by line and shows the smallest edit that makes it what was expected:
     * missing and extra lines, changed lines side by side, a little context.
     * <pre>{@code Expect.sameText("stdout of `Tail -n 2`", "b\nc\n", result.stdout())}</pre>
     */
    public static void sameText(String what, String expected, String actual) {
        if (expected.equals(actual)) {
            return;
        }
        fail(what + Say.pick(" is not what was expected.\n", "：和预期的不一样。\n") + Diff.lines(expected, actual));
    }

    /**
     * Compares bytes and names the first offset where they differ.
     * <pre>{@code Expect.sameBytes("readRange(f, 0, 3)", new byte[] {1, 2, 3}, got)}</pre>
     */
    public static void sameBytes(String what, byte[] expected, byte[] actual) {
        if (Arrays.equals(expected, actual)) {
            return;
        }
        if (actual == null) {
            fail(what + Say.pick(": expected " + Text.show(expected) + " but got null",
                    "：应该是 " + Text.show(expected) + "，但得到的是 null"));
        }
        int i = Arrays.mismatch(expected, actual);
        fail(what + Say.pick(": expected " + Text.show(expected) + "\nbut got  " + Text.show(actual)
                + "\n(first difference at byte " + i + ")",
                "：应该是 " + Text.show(expected) + "\n但得到的是 " + Text.show(actual)
                + "\n（第一处不同在第 " + i + " 个字节，从 0 数起）"));
    }

    /**
     * Compares two lists of lines.
     * <pre>{@code Expect.sameLines("lastLines(f, 2)", List.of("b", "c"), got)}</pre>
     */
    public static void sameLines(String what, List<String> expected, List<String> actual) {
        if (expected.equals(actual)) {
            return;
        }
        if (actual == null) {
            fail(what + Say.pick(": expected " + expected.size() + " lines but got null",
                    "：应该有 " + expected.size() + " 行，但得到的是 null"));
        }
        StringBuilder sb = new StringBuilder(what).append(Say.pick(": expected " + expected.size()
                + (expected.size() == 1 ? " line" : " lines") + ", got " + actual.size(),
                "：应该有 " + expected.size() + " 行，实际有 " + actual.size() + " 行")).append('\n');
        sb.append(Diff.listed(expected, actual));
        fail(sb.toString());
    }

    static String describe(Object o) {
        if (o instanceof String s) {
            return Text.show(s);
        }
        if (o instanceof byte[] b) {
            return Text.show(b);
        }
        return String.valueOf(o);
    }
}
