package day02;

import static java.nio.charset.StandardCharsets.UTF_8;

import grade.kit.Expect;
import grade.kit.LearnerClass;
import grade.kit.Say;
import grade.kit.StaticMethod;
import grade.kit.Text;
import grade.kit.Zh;
import java.lang.management.ManagementFactory;
import java.nio.charset.CharacterCodingException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

@DisplayName("day02/bytes")
class BytesTest {

    private static LearnerClass bytes() {
        return LearnerClass.of("day02.Bytes");
    }

    private static StaticMethod encode() {
        return bytes().staticMethod(byte[].class, "encode", String.class);
    }

    private static StaticMethod decode() {
        return bytes().staticMethod(String.class, "decode", byte[].class);
    }

    private static StaticMethod utf8Length() {
        return bytes().staticMethod(int.class, "utf8Length", String.class);
    }

    private static StaticMethod hex() {
        return bytes().staticMethod(String.class, "hex", byte[].class);
    }

    private static StaticMethod isAscii() {
        return bytes().staticMethod(boolean.class, "isAscii", byte[].class);
    }

    private static byte[] unhex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    /** Bytes given in hex, shown as a Java array: "e4bd" is {0xe4, 0xbd}. */
    private static String shown(String hex) {
        if (hex.isEmpty()) {
            return Say.pick("an empty array", "空数组");
        }
        return "{" + hex.replaceAll("(..)", "0x$1, ").replaceAll(", $", "") + "}";
    }

    /** A Java string literal for a message, with non-ASCII characters as \\uXXXX escapes. */
    private static String literal(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
                sb.append(c);
            } else {
                sb.append(String.format("\\u%04X", (int) c));
            }
        }
        return sb.append('"').toString();
    }

    @Test
    @DisplayName("encode gives the UTF-8 bytes: \"您好\" (the course's example) is e6 82 a8 e5 a5 bd")
    @Zh("encode 给出 UTF-8 字节：\"您好\"（课上的例子）是 e6 82 a8 e5 a5 bd")
    void encodes() {
        StaticMethod encode = encode();
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("您好", "e682a8e5a5bd");
        cases.put("hello", "68656c6c6f");
        cases.put("hello,世界", "68656c6c6f2ce4b896e7958c");
        cases.put("", "");
        cases.put("é", "c3a9");
        cases.put("😀", "f09f9880");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Expect.sameBytes("encode(" + Text.show(c.getKey()) + ")", unhex(c.getValue()), encode.call(c.getKey()));
        }
    }

    @Test
    @DisplayName("encode writes '?' for a lone surrogate, as Java's UTF-8 encoder does")
    @Zh("encode 把孤立的代理字符写成 '?'，和 Java 的 UTF-8 编码器一样")
    void encodesLoneSurrogate() {
        byte[] got = encode().call("a\uD800b");
        Expect.sameBytes("encode(" + literal("a\uD800b") + Say.pick(") (a high surrogate with no low one after it)", ")（高代理后面没有低代理）"),
                "a?b".getBytes(UTF_8), got);
    }

    @Test
    @DisplayName("decode turns UTF-8 bytes back into text")
    @Zh("decode 把 UTF-8 字节变回字符串")
    void decodes() throws Exception {
        StaticMethod decode = decode();
        Expect.sameText("decode({0xe6, 0x82, 0xa8, 0xe5, 0xa5, 0xbd})", "您好", decode.call(unhex("e682a8e5a5bd")));
        Expect.sameText(Say.pick("decode(the bytes of \"hello,世界\")", "decode(\"hello,世界\" 的字节)"), "hello,世界", decode.call("hello,世界".getBytes(UTF_8)));
        Expect.sameText("decode({0xf0, 0x9f, 0x98, 0x80})", "😀", decode.call(unhex("f09f9880")));
        Expect.sameText(Say.pick("decode(an empty array)", "decode(空数组)"), "", decode.call(new byte[0]));
        Expect.sameText("decode({0x00, 0x41, 0x0a})" + Say.pick(" (NUL is a valid character)", "（NUL 是合法的字符）"), "\0A\n", decode.call(unhex("00410a")));
    }

    @Test
    @DisplayName("decode accepts the valid bytes of U+FFFD (ef bf bd) as text")
    @Zh("decode 接受 U+FFFD 的合法字节（ef bf bd）")
    void decodesReplacementCharacter() throws Exception {
        Expect.sameText("decode({0x61, 0xef, 0xbf, 0xbd, 0x62})" + Say.pick(": these bytes are the character U+FFFD itself, which is valid UTF-8",
                "：这几个字节就是 U+FFFD 这个字符本身，是合法的 UTF-8"),
                "a\uFFFDb", decode().call(unhex("61efbfbd62")));
    }

    @Test
    @DisplayName("decode throws CharacterCodingException for bytes that are not UTF-8")
    @Zh("遇到不是 UTF-8 的字节，decode 抛出 CharacterCodingException")
    void decodeIsStrict() {
        StaticMethod decode = decode();
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("ff", Say.pick("0xff never appears in UTF-8", "UTF-8 里不会出现 0xff"));
        cases.put("80", Say.pick("a continuation byte with no lead byte", "没有首字节的后续字节"));
        cases.put("e4bd", Say.pick("你 (e4 bd a0) cut after two of its three bytes", "“你”（e4 bd a0）的三个字节只剩前两个"));
        cases.put("616263e4", Say.pick("\"abc\" then a lead byte at the end", "\"abc\" 之后，末尾是一个首字节"));
        cases.put("c0af", Say.pick("an over-long encoding of '/'", "'/' 的超长编码"));
        cases.put("eda080", Say.pick("an encoded surrogate (U+D800)", "被编码的代理字符（U+D800）"));
        cases.put("f4908080", Say.pick("a code point past U+10FFFF", "超过 U+10FFFF 的码点"));
        cases.put("e4bd41", Say.pick("a lead byte followed by 'A' instead of a continuation byte", "首字节后面跟的是 'A'，而不是后续字节"));
        for (Map.Entry<String, String> c : cases.entrySet()) {
            String call = "decode(" + shown(c.getKey()) + ")" + aside(c.getValue());
            Object[] result = new Object[1];
            Throwable t = catchThrowable(() -> result[0] = decode.call(unhex(c.getKey())));
            if (t == null) {
                throw Expect.fail(call + Say.pick(" should throw CharacterCodingException but returned ", " 应该抛出 CharacterCodingException，但返回了 ")
                        + Text.show((String) result[0]) + Say.pick(".\nNot every byte string is text: a strict decoder reports malformed input"
                        + " instead of putting U+FFFD (\uFFFD) in its place, as new String(bytes, UTF_8) does.",
                        "。\n并不是所有的字节串都能转化为字符串：严格的解码器遇到格式错误的字节会抛出异常，"
                        + "而不是像 new String(bytes, UTF_8) 那样换成 U+FFFD（\uFFFD）。"));
            }
            expectType(call, CharacterCodingException.class, t);
        }
    }

    @Test
    @DisplayName("utf8Length counts 1, 2, 3 or 4 bytes per character: Chinese is 3, an emoji 4")
    @Zh("utf8Length 每个字符算 1、2、3 或 4 个字节：汉字 3 个，emoji 4 个")
    void utf8Lengths() {
        StaticMethod utf8Length = utf8Length();
        String[] cases = {
            "", "hello", "hello,世界", "您好", "é", "\u007f", "\u0080", "\u07ff", "\u0800", "\uffff",
            "😀", "👍🏽", "a😀b", "中文 and English, 😀 and é", "\u0000", "\uD800\uDC00", "\uDBFF\uDFFF"
        };
        for (String s : cases) {
            int expected = s.getBytes(UTF_8).length;
            int got = utf8Length.call(s);
            boolean printable = s.codePoints().allMatch(c -> c >= 0x20 && !Character.isSurrogate((char) c) && c != 0x7f);
            Expect.equal("utf8Length(" + literal(s) + ")" + (printable && s.chars().anyMatch(c -> c >= 0x7f)
                    ? " (" + Text.show(s) + ")" : ""), expected, got);
        }
    }

    @Test
    @DisplayName("utf8Length counts a lone surrogate as 1 byte, the '?' the encoder writes for it")
    @Zh("utf8Length 把孤立的代理字符算作 1 个字节，就是编码器写出的那个 '?'")
    void utf8LengthLoneSurrogates() {
        StaticMethod utf8Length = utf8Length();
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("\uD800", Say.pick("a high surrogate alone", "单独一个高代理"));
        cases.put("\uDC00", Say.pick("a low surrogate alone", "单独一个低代理"));
        cases.put("a\uD83D", Say.pick("a high surrogate at the end", "末尾的高代理"));
        cases.put("\uD83Db", Say.pick("a high surrogate followed by an ordinary letter", "高代理后面跟着普通字母"));
        cases.put("\uDE00\uD83D", Say.pick("a low surrogate before a high one (not a pair)", "低代理在高代理前面（不成对）"));
        cases.put("\uD83D\uD83D\uDE00", Say.pick("a lone high surrogate, then a real pair", "一个孤立的高代理，后面是一个真正的代理对"));
        cases.put("\uDE00\uDE00", Say.pick("two low surrogates (not a pair either)", "两个低代理（也不成对）"));
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Expect.equal("utf8Length(" + literal(c.getKey()) + ")" + aside(c.getValue()),
                    c.getKey().getBytes(UTF_8).length, utf8Length.call(c.getKey()));
        }
    }

    @Test
    @DisplayName("utf8Length counts without encoding the text")
    @Zh("utf8Length 不先编码就算出字节数")
    void utf8LengthDoesNotEncode() {
        StaticMethod utf8Length = utf8Length();
        if (!(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean mx)
                || !mx.isThreadAllocatedMemorySupported() || !mx.isThreadAllocatedMemoryEnabled()) {
            return; // this JVM cannot measure allocation; the other tests still check the counts
        }
        utf8Length.call("aé中😀\uD800"); // once before measuring, so loading classes is not counted
        String text = "中".repeat(2_000_000);
        int encoded = 3 * text.length();
        long least = Long.MAX_VALUE;
        Object got = null;
        for (int i = 0; i < 2; i++) {
            long before = mx.getCurrentThreadAllocatedBytes();
            got = utf8Length.call(text);
            least = Math.min(least, mx.getCurrentThreadAllocatedBytes() - before);
        }
        Expect.equal(Say.pick("utf8Length of 2,000,000 Chinese characters", "2,000,000 个汉字的 utf8Length"), encoded, got);
        long limit = 5_000_000;
        Expect.that(least < limit, Say.pick("utf8Length of 2,000,000 Chinese characters (6,000,000 bytes of UTF-8) allocated "
                + String.format("%,d", least) + " bytes of memory; it should allocate less than " + String.format("%,d", limit)
                + ".\nCount from the characters (charAt or codePoints()) instead of encoding the text:"
                + " no getBytes, no encoder, no array or String per character.",
                "统计 2,000,000 个汉字（UTF-8 共 6,000,000 字节）时，utf8Length 分配了 " + String.format("%,d", least)
                + " 字节的内存；应该少于 " + String.format("%,d", limit) + " 字节。\n要根据字符来算（charAt 或 codePoints()），"
                + "不要先编码：不要 getBytes，不要用编码器，也不要每个字符新建一个数组或 String。"));
    }

    @Test
    @DisplayName("hex gives two lower-case digits per byte, like Python's bytes.hex()")
    @Zh("hex 每个字节输出两位小写十六进制数字，和 Python 的 bytes.hex() 一样")
    void hexes() {
        StaticMethod hex = hex();
        Expect.sameText(Say.pick("hex(the bytes of \"您好\")", "hex(\"您好\" 的字节)"), "e682a8e5a5bd", hex.call("您好".getBytes(UTF_8)));
        Expect.sameText("hex({0x00, 0x01, 0x0f, 0x10, 0x7f, 0x80, 0xab, 0xff})", "00010f107f80abff",
                hex.call(unhex("00010f107f80abff")));
        Expect.sameText("hex({0x0a})" + Say.pick(" (a leading zero is kept)", "（前导零要保留）"), "0a", hex.call(new byte[] {0x0a}));
        Expect.sameText(Say.pick("hex(an empty array)", "hex(空数组)"), "", hex.call(new byte[0]));
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        Expect.sameText(Say.pick("hex(all 256 byte values in order)", "hex(按顺序排列的全部 256 个字节值)"), HexFormat.of().formatHex(all), hex.call(all));
    }

    @Test
    @DisplayName("isAscii is true only when every byte is 0x00 to 0x7F")
    @Zh("只有每个字节都在 0x00 到 0x7F 之间时，isAscii 才是 true")
    void ascii() {
        StaticMethod isAscii = isAscii();
        Map<String, Boolean> cases = new LinkedHashMap<>();
        cases.put("68656c6c6f", true);
        cases.put("", true);
        cases.put("00", true);
        cases.put("007f0a0d", true);
        cases.put("80", false);
        cases.put("ff", false);
        cases.put("61626380", false);
        cases.put("e4bda0e5a5bd", false);
        cases.put("c3a9", false);
        for (Map.Entry<String, Boolean> c : cases.entrySet()) {
            Expect.equal("isAscii(" + shown(c.getKey()) + ")", c.getValue(), isAscii.call(unhex(c.getKey())));
        }
    }

    @Test
    @DisplayName("every method throws NullPointerException for a null argument")
    @Zh("每个方法收到 null 参数都抛出 NullPointerException")
    void nulls() {
        Map<String, StaticMethod> methods = new LinkedHashMap<>();
        methods.put("encode", encode());
        methods.put("decode", decode());
        methods.put("utf8Length", utf8Length());
        methods.put("hex", hex());
        methods.put("isAscii", isAscii());
        for (Map.Entry<String, StaticMethod> m : methods.entrySet()) {
            String call = m.getKey() + "(null)";
            Object[] result = new Object[1];
            Throwable t = catchThrowable(() -> result[0] = m.getValue().call(new Object[] {null}));
            if (t == null) {
                throw Expect.fail(call + Say.pick(" should throw NullPointerException but returned ", " 应该抛出 NullPointerException，但返回了 ")
                        + Text.show(String.valueOf(result[0]))
                        + Say.pick(": a null argument is a mistake of the caller, not an empty value", "：null 参数是调用者的错误，不是空值"));
            }
            expectType(call, NullPointerException.class, t);
        }
    }

    /** Passes if {@code t} is an {@code expected}; a TODO left in the code is reported as such. */
    private static void expectType(String call, Class<? extends Throwable> expected, Throwable t) {
        if (expected.isInstance(t)) {
            return;
        }
        if (t instanceof UnsupportedOperationException && String.valueOf(t.getMessage()).startsWith("TODO")) {
            throw (UnsupportedOperationException) t;
        }
        throw Expect.fail(call + Say.pick(" should throw ", " 应该抛出 ") + expected.getSimpleName() + Say.pick(" but threw ", "，但抛出的是 ") + t);
    }

    /** A note in brackets after a call: " (note)", or （note） in Chinese. */
    private static String aside(String note) {
        return Say.pick(" (" + note + ")", "（" + note + "）");
    }

    private static Throwable catchThrowable(Executable e) {
        try {
            e.execute();
            return null;
        } catch (Throwable t) {
            return t;
        }
    }
}
