package day05;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertThrows;

import grade.kit.Expect;
import grade.kit.LearnerClass;
import grade.kit.Say;
import grade.kit.StaticMethod;
import grade.kit.Text;
import grade.kit.Zh;
import java.lang.reflect.RecordComponent;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

@DisplayName("day05/struct")
class StructTest {
    private static final HexFormat HEX = HexFormat.of();

    /** The contract's example, Student(7, "张三", 88.5f), in hex. */
    private static final String EXAMPLE_HEX = "00000007" + "e5bca0e4b889" + "00".repeat(26) + "42b10000";

    private static LearnerClass student() {
        return LearnerClass.of("day05.Struct").nested("Student");
    }

    private static Object newStudent(int id, String name, float score) {
        return student().constructor(int.class, String.class, float.class).create(id, name, score);
    }

    private static byte[] pack(int id, String name, float score) {
        Object s = newStudent(id, name, score);
        StaticMethod pack = LearnerClass.of("day05.Struct").staticMethod(byte[].class, "pack", student().raw());
        byte[] out = pack.call(s);
        Expect.that(out != null, call(id, name, score) + Say.pick(" returned null; it should return 40 bytes", " 返回了 null；它应该返回 40 个字节"));
        return out;
    }

    private static Object unpack(byte[] data) {
        StaticMethod unpack = LearnerClass.of("day05.Struct").staticMethod(student().raw(), "unpack", byte[].class);
        return unpack.call((Object) data);
    }

    /** The fields of a Student the learner's code returned, read through its accessors. */
    private record Fields(int id, String name, float score) {
        static Fields of(Object s) {
            Expect.that(s != null, Say.pick("unpack returned null; it should return a Student", "unpack 返回了 null；它应该返回一个 Student"));
            LearnerClass type = student();
            return new Fields(type.method(int.class, "id").call(s), type.method(String.class, "name").call(s),
                    type.method(float.class, "score").call(s));
        }

        @Override
        public String toString() {
            return "Student(" + id + ", " + Text.show(name) + ", " + score + "f)";
        }
    }

    /** What pack must return: big-endian int, the name's bytes NUL-padded to 32, big-endian float. */
    private static byte[] expected(int id, byte[] nameField, float score) {
        return ByteBuffer.allocate(40).putInt(id).put(nameField).putFloat(36, score).array();
    }

    private static String call(int id, String name, float score) {
        return "pack(new Student(" + id + ", " + Text.show(name) + ", " + score + "f))";
    }

    /** Hex split into the three fields, so a learner sees which one is off. */
    private static String fields(byte[] b) {
        if (b.length != 40) {
            return Text.hex(b, 80) + Say.pick(" (" + b.length + " bytes)", "（" + b.length + " 个字节）");
        }
        return "id " + HEX.formatHex(b, 0, 4) + " | name " + HEX.formatHex(b, 4, 36) + " | score " + HEX.formatHex(b, 36, 40);
    }

    private static void sameBytes(String call, byte[] expected, byte[] actual) {
        sameBytes(call, "", expected, actual);
    }

    /** Compares what {@code call} returned; {@code why} (may be empty) explains the expected bytes. */
    private static void sameBytes(String call, String why, byte[] expected, byte[] actual) {
        if (Arrays.equals(expected, actual)) {
            return;
        }
        int i = Arrays.mismatch(expected, actual);
        Expect.fail(call + Say.pick(" gave the wrong bytes" + (why.isEmpty() ? "." : ": " + why + ".")
                + "\nexpected " + fields(expected) + "\nbut got  " + fields(actual)
                + "\n(first difference at byte " + i + "; bytes 0-3 are the id, 4-35 the name, 36-39 the score)",
                " 给出的字节不对" + (why.isEmpty() ? "。" : "：" + why + "。") + "\n应该是     " + fields(expected) + "\n但得到的是 " + fields(actual)
                + "\n（第一处不同在第 " + i + " 个字节；第 0-3 个字节是 id，4-35 是 name，36-39 是 score）"));
    }

    private static void expectIllegal(String call, Executable e) {
        Throwable t = assertThrows(Throwable.class, e, call + Say.pick(" should throw IllegalArgumentException but returned normally",
                " 应该抛出 IllegalArgumentException，但正常返回了"));
        Expect.that(t instanceof IllegalArgumentException, call + Say.pick(" should throw IllegalArgumentException but threw ",
                " 应该抛出 IllegalArgumentException，但抛出的是 ") + t);
    }

    @Test
    @DisplayName("Struct.Student is a record (int id, String name, float score) nested in Struct")
    @Zh("Struct.Student 是嵌套在 Struct 里的 record (int id, String name, float score)")
    void studentIsARecord() {
        Class<?> type = student().raw();
        Expect.that(type.isRecord(), Say.pick("Student should be declared as `public record Student(int id, String name, float score) {}`"
                + " inside the class Struct, but it is not a record",
                "Student 应该在类 Struct 里声明为 `public record Student(int id, String name, float score) {}`，但它不是 record"));
        List<String> components = Arrays.stream(type.getRecordComponents())
                .map(c -> c.getType().getSimpleName() + " " + c.getName()).toList();
        Expect.sameLines(Say.pick("the components of the record Student", "record Student 的组成部分"), List.of("int id", "String name", "float score"), components);
        Object s = newStudent(7, "张三", 88.5f);
        Expect.equal(Say.pick("the Student made by new Student(7, \"张三\", 88.5f)", "new Student(7, \"张三\", 88.5f) 创建的 Student"), "Student(7, \"张三\", 88.5f)",
                Fields.of(s).toString());
        for (RecordComponent c : type.getRecordComponents()) {
            Expect.that(java.lang.reflect.Modifier.isPublic(c.getAccessor().getModifiers()), Say.pick("the accessor " + c.getName()
                    + "() must be public", "访问方法 " + c.getName() + "() 必须是 public"));
        }
    }

    @Test
    @DisplayName("pack(Student(7, \"张三\", 88.5f)) is the 40 bytes of the example: 00000007 e5bca0e4b889, 26 zero bytes, 42b10000")
    @Zh("pack(Student(7, \"张三\", 88.5f)) 是示例中的 40 个字节：00000007 e5bca0e4b889、26 个 0 字节、42b10000")
    void courseExample() {
        byte[] got = pack(7, "张三", 88.5f);
        sameBytes(call(7, "张三", 88.5f), HEX.parseHex(EXAMPLE_HEX), got);
    }

    @Test
    @DisplayName("the id and the score are big-endian (network order, the \"!\" of \"!i32sf\")")
    @Zh("id 和 score 是大端序（网络字节序，即 \"!i32sf\" 里的 \"!\"）")
    void bigEndian() {
        sameBytes(call(0x01020304, "", 1.0f), Say.pick("the id is 0x01020304 and 1.0f is 0x3f800000, most significant byte first", "id 是 0x01020304，1.0f 是 0x3f800000，高位字节在前"),
                expected(0x01020304, new byte[0], 1.0f), pack(0x01020304, "", 1.0f));
        sameBytes(call(-2, "x", -0.5f), expected(-2, "x".getBytes(UTF_8), -0.5f), pack(-2, "x", -0.5f));
    }

    @Test
    @DisplayName("unpack of the example's 40 bytes gives back Student(7, \"张三\", 88.5f)")
    @Zh("对示例中的 40 个字节调用 unpack，得到 Student(7, \"张三\", 88.5f)")
    void unpackExample() {
        Fields got = Fields.of(unpack(HEX.parseHex(EXAMPLE_HEX)));
        Expect.equal("unpack(" + EXAMPLE_HEX + ")", "Student(7, \"张三\", 88.5f)", got.toString());
    }

    @Test
    @DisplayName("unpack(pack(s)) gives s back: negative and extreme ids and scores, spaces kept, a name of exactly 32 bytes")
    @Zh("unpack(pack(s)) 得回 s：负数和极端的 id、score，保留空格，正好 32 字节的名字")
    void roundTrips() {
        List<Fields> cases = List.of(
                new Fields(0, "", 0.0f),
                new Fields(-1, "Alice", -1.25f),
                new Fields(Integer.MAX_VALUE, "李小龙 Bruce Lee", Float.MAX_VALUE),
                new Fields(Integer.MIN_VALUE, "  王五  ", Float.MIN_VALUE),
                new Fields(123456, "x".repeat(32), 3.14159f),
                new Fields(99, "诸葛亮孔明先生之后人n", Float.NEGATIVE_INFINITY),
                new Fields(5, "NaN", Float.NaN));
        for (Fields c : cases) {
            byte[] packed = pack(c.id(), c.name(), c.score());
            Expect.equal(Say.pick("the length of " + call(c.id(), c.name(), c.score()), call(c.id(), c.name(), c.score()) + " 的长度"), 40,
                    packed.length);
            Fields back = Fields.of(unpack(packed));
            Expect.equal("unpack(" + call(c.id(), c.name(), c.score()) + ")", c.toString(), back.toString());
        }
    }

    @Test
    @DisplayName("a name longer than 32 bytes is cut to 32 bytes (ASCII)")
    @Zh("超过 32 字节的名字截成 32 个字节（ASCII）")
    void longAsciiName() {
        String name = "abcdefghijklmnopqrstuvwxyz0123456789ABCD";
        String kept = name.substring(0, 32);
        sameBytes(call(1, name, 2.0f), Say.pick("a 40-byte name keeps its first 32 bytes", "40 字节的名字保留前 32 个字节"),
                expected(1, kept.getBytes(UTF_8), 2.0f), pack(1, name, 2.0f));
        Expect.equal("unpack(" + call(1, name, 2.0f) + ")", new Fields(1, kept, 2.0f).toString(),
                Fields.of(unpack(pack(1, name, 2.0f))).toString());
    }

    @Test
    @DisplayName("a long name is cut at a character boundary: a character that would straddle byte 32 is left out whole")
    @Zh("长名字在字符边界处截断：跨过第 32 个字节的字符整个去掉")
    void cutAtCharacterBoundary() {
        // each name's bytes run past 32 with a character that starts before byte 32 and ends after it
        List<String[]> cases = List.of(
                new String[] {"a" + "张".repeat(11), "a" + "张".repeat(10), Say.pick("\"a\" and 11 × 张 (3 bytes each): 张 number 11 would take"
                        + " bytes 31-33", "\"a\" 和 11 × 张（每个 3 字节）：第 11 个张会占第 31-33 个字节")},
                new String[] {"张".repeat(11), "张".repeat(10), Say.pick("11 × 张: the 11th would take bytes 30-32", "11 × 张：第 11 个会占第 30-32 个字节")},
                new String[] {"a".repeat(30) + "😀", "a".repeat(30), Say.pick("30 × a and an emoji (4 bytes, a surrogate pair in Java): bytes 30-33",
                        "30 × a 和一个 emoji（4 字节，在 Java 里是一个代理对）：第 30-33 个字节")},
                new String[] {"a".repeat(31) + "é", "a".repeat(31), Say.pick("31 × a and é (2 bytes): bytes 31-32", "31 × a 和 é（2 字节）：第 31-32 个字节")},
                new String[] {"ab" + "张".repeat(10) + "x", "ab" + "张".repeat(10), Say.pick("\"ab\", 10 × 张 and \"x\": exactly 32 bytes fit,"
                        + " \"x\" is cut", "\"ab\"、10 × 张和 \"x\"：正好放下 32 个字节，\"x\" 被截掉")});
        for (String[] c : cases) {
            String name = c[0];
            byte[] kept = c[1].getBytes(UTF_8);
            byte[] got = pack(3, name, 1.5f);
            sameBytes(call(3, name, 1.5f), c[2] + Say.pick(";\nthe name field should hold the " + kept.length
                    + " bytes of the whole characters that fit, then NUL padding", "；\n名字字段应该放下能放下的完整字符的 " + kept.length
                    + " 个字节，然后是 NUL 填充"), expected(3, kept, 1.5f), got);
            Expect.equal("unpack(" + call(3, name, 1.5f) + ")", new Fields(3, c[1], 1.5f).toString(),
                    Fields.of(unpack(got)).toString());
        }
    }

    @Test
    @DisplayName("unpack strips the NUL padding (and only the padding)")
    @Zh("unpack 去掉 NUL 填充（只去掉填充）")
    void stripsPadding() {
        byte[] bob = expected(42, "Bob".getBytes(UTF_8), 3.5f);
        Expect.equal(Say.pick("unpack of id 42, name \"Bob\" + 29 NUL bytes, score 3.5", "对 id 42、名字 \"Bob\" 加 29 个 NUL 字节、score 3.5 调用 unpack"), "Student(42, \"Bob\", 3.5f)",
                Fields.of(unpack(bob)).toString());
        byte[] empty = expected(0, new byte[0], 0.0f);
        Expect.equal(Say.pick("unpack of 40 zero bytes", "对 40 个 0 字节调用 unpack"), "Student(0, \"\", 0.0f)", Fields.of(unpack(empty)).toString());
        byte[] spaced = expected(8, " 李 ".getBytes(UTF_8), 1.0f);
        Expect.equal(Say.pick("unpack of a name field \" 李 \" + NUL bytes (spaces are part of the name)", "对名字字段 \" 李 \" 加 NUL 字节调用 unpack（空格是名字的一部分）"), "Student(8, \" 李 \", 1.0f)",
                Fields.of(unpack(spaced)).toString());
    }

    @Test
    @DisplayName("unpack of data that is not 40 bytes long throws IllegalArgumentException")
    @Zh("对长度不是 40 字节的数据调用 unpack 时抛出 IllegalArgumentException")
    void wrongLength() {
        for (int n : new int[] {0, 4, 39, 41, 80}) {
            byte[] data = new byte[n];
            expectIllegal(Say.pick("unpack of " + n + " bytes", "对 " + n + " 个字节调用 unpack"), () -> unpack(data));
        }
    }

    @Test
    @DisplayName("unpack of a name field that is not UTF-8 throws IllegalArgumentException (e.g. a character cut in half)")
    @Zh("名字字段不是 UTF-8 时 unpack 抛出 IllegalArgumentException（比如一个字符被截成两半）")
    void nameNotUtf8() {
        byte[] cut = new byte[32];
        cut[0] = 'a';
        byte[] zhang = "张".getBytes(UTF_8);
        cut[1] = zhang[0];
        cut[2] = zhang[1]; // 张 without its last byte, as a byte-wise cut leaves it
        expectIllegal(Say.pick("unpack of a name field \"a\" + e5 bc (the first two bytes of 张) + NUL padding", "对名字字段 \"a\" 加 e5 bc（张的前两个字节）加 NUL 填充调用 unpack"),
                () -> unpack(expected(1, cut, 1.0f)));
        byte[] latin1 = "José".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        expectIllegal(Say.pick("unpack of a name field \"Jos\" + e9 (é in Latin-1, not UTF-8) + NUL padding", "对名字字段 \"Jos\" 加 e9（Latin-1 的 é，不是 UTF-8）加 NUL 填充调用 unpack"),
                () -> unpack(expected(1, latin1, 1.0f)));
        expectIllegal(Say.pick("unpack of a name field ff fe fd", "对名字字段 ff fe fd 调用 unpack"), () -> unpack(expected(1, new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0xfd}, 1.0f)));
    }
}
