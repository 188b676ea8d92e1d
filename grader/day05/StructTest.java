package day05;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertThrows;

import grade.kit.Expect;
import grade.kit.LearnerClass;
import grade.kit.StaticMethod;
import grade.kit.Text;
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
        Expect.that(out != null, call(id, name, score) + " returned null; it should return 40 bytes");
        return out;
    }

    private static Object unpack(byte[] data) {
        StaticMethod unpack = LearnerClass.of("day05.Struct").staticMethod(student().raw(), "unpack", byte[].class);
        return unpack.call((Object) data);
    }

    /** The fields of a Student the learner's code returned, read through its accessors. */
    private record Fields(int id, String name, float score) {
        static Fields of(Object s) {
            Expect.that(s != null, "unpack returned null; it should return a Student");
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
            return Text.hex(b, 80) + " (" + b.length + " bytes)";
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
        Expect.fail(call + " gave the wrong bytes" + (why.isEmpty() ? "." : ": " + why + ".")
                + "\nexpected " + fields(expected) + "\nbut got  " + fields(actual)
                + "\n(first difference at byte " + i + "; bytes 0-3 are the id, 4-35 the name, 36-39 the score)");
    }

    private static void expectIllegal(String call, Executable e) {
        Throwable t = assertThrows(Throwable.class, e, call + " should throw IllegalArgumentException but returned normally");
        Expect.that(t instanceof IllegalArgumentException, call + " should throw IllegalArgumentException but threw " + t);
    }

    @Test
    @DisplayName("Struct.Student is a record (int id, String name, float score) nested in Struct")
    void studentIsARecord() {
        Class<?> type = student().raw();
        Expect.that(type.isRecord(), "Student should be declared as `public record Student(int id, String name, float score) {}`"
                + " inside the class Struct, but it is not a record");
        List<String> components = Arrays.stream(type.getRecordComponents())
                .map(c -> c.getType().getSimpleName() + " " + c.getName()).toList();
        Expect.sameLines("the components of the record Student", List.of("int id", "String name", "float score"), components);
        Object s = newStudent(7, "张三", 88.5f);
        Expect.equal("the Student made by new Student(7, \"张三\", 88.5f)", "Student(7, \"张三\", 88.5f)",
                Fields.of(s).toString());
        for (RecordComponent c : type.getRecordComponents()) {
            Expect.that(java.lang.reflect.Modifier.isPublic(c.getAccessor().getModifiers()), "the accessor " + c.getName() + "() must be public");
        }
    }

    @Test
    @DisplayName("pack(Student(7, \"张三\", 88.5f)) is the 40 bytes of the example: 00000007 e5bca0e4b889, 26 zero bytes, 42b10000")
    void courseExample() {
        byte[] got = pack(7, "张三", 88.5f);
        sameBytes(call(7, "张三", 88.5f), HEX.parseHex(EXAMPLE_HEX), got);
    }

    @Test
    @DisplayName("the id and the score are big-endian (network order, the \"!\" of \"!i32sf\")")
    void bigEndian() {
        sameBytes(call(0x01020304, "", 1.0f), "the id is 0x01020304 and 1.0f is 0x3f800000, most significant byte first",
                expected(0x01020304, new byte[0], 1.0f), pack(0x01020304, "", 1.0f));
        sameBytes(call(-2, "x", -0.5f), expected(-2, "x".getBytes(UTF_8), -0.5f), pack(-2, "x", -0.5f));
    }

    @Test
    @DisplayName("unpack of the example's 40 bytes gives back Student(7, \"张三\", 88.5f)")
    void unpackExample() {
        Fields got = Fields.of(unpack(HEX.parseHex(EXAMPLE_HEX)));
        Expect.equal("unpack(" + EXAMPLE_HEX + ")", "Student(7, \"张三\", 88.5f)", got.toString());
    }

    @Test
    @DisplayName("unpack(pack(s)) gives s back: negative and extreme ids and scores, spaces kept, a name of exactly 32 bytes")
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
            Expect.equal("the length of " + call(c.id(), c.name(), c.score()), 40, packed.length);
            Fields back = Fields.of(unpack(packed));
            Expect.equal("unpack(" + call(c.id(), c.name(), c.score()) + ")", c.toString(), back.toString());
        }
    }

    @Test
    @DisplayName("a name longer than 32 bytes is cut to 32 bytes (ASCII)")
    void longAsciiName() {
        String name = "abcdefghijklmnopqrstuvwxyz0123456789ABCD";
        String kept = name.substring(0, 32);
        sameBytes(call(1, name, 2.0f), "a 40-byte name keeps its first 32 bytes",
                expected(1, kept.getBytes(UTF_8), 2.0f), pack(1, name, 2.0f));
        Expect.equal("unpack(" + call(1, name, 2.0f) + ")", new Fields(1, kept, 2.0f).toString(),
                Fields.of(unpack(pack(1, name, 2.0f))).toString());
    }

    @Test
    @DisplayName("a long name is cut at a character boundary: a character that would straddle byte 32 is left out whole")
    void cutAtCharacterBoundary() {
        // each name's bytes run past 32 with a character that starts before byte 32 and ends after it
        List<String[]> cases = List.of(
                new String[] {"a" + "张".repeat(11), "a" + "张".repeat(10), "\"a\" and 11 × 张 (3 bytes each): 张 number 11 would take bytes 31-33"},
                new String[] {"张".repeat(11), "张".repeat(10), "11 × 张: the 11th would take bytes 30-32"},
                new String[] {"a".repeat(30) + "😀", "a".repeat(30), "30 × a and an emoji (4 bytes, a surrogate pair in Java): bytes 30-33"},
                new String[] {"a".repeat(31) + "é", "a".repeat(31), "31 × a and é (2 bytes): bytes 31-32"},
                new String[] {"ab" + "张".repeat(10) + "x", "ab" + "张".repeat(10), "\"ab\", 10 × 张 and \"x\": exactly 32 bytes fit, \"x\" is cut"});
        for (String[] c : cases) {
            String name = c[0];
            byte[] kept = c[1].getBytes(UTF_8);
            byte[] got = pack(3, name, 1.5f);
            sameBytes(call(3, name, 1.5f), c[2] + ";\nthe name field should hold the " + kept.length
                    + " bytes of the whole characters that fit, then NUL padding", expected(3, kept, 1.5f), got);
            Expect.equal("unpack(" + call(3, name, 1.5f) + ")", new Fields(3, c[1], 1.5f).toString(),
                    Fields.of(unpack(got)).toString());
        }
    }

    @Test
    @DisplayName("unpack strips the NUL padding (and only the padding)")
    void stripsPadding() {
        byte[] bob = expected(42, "Bob".getBytes(UTF_8), 3.5f);
        Expect.equal("unpack of id 42, name \"Bob\" + 29 NUL bytes, score 3.5", "Student(42, \"Bob\", 3.5f)",
                Fields.of(unpack(bob)).toString());
        byte[] empty = expected(0, new byte[0], 0.0f);
        Expect.equal("unpack of 40 zero bytes", "Student(0, \"\", 0.0f)", Fields.of(unpack(empty)).toString());
        byte[] spaced = expected(8, " 李 ".getBytes(UTF_8), 1.0f);
        Expect.equal("unpack of a name field \" 李 \" + NUL bytes (spaces are part of the name)", "Student(8, \" 李 \", 1.0f)",
                Fields.of(unpack(spaced)).toString());
    }

    @Test
    @DisplayName("unpack of data that is not 40 bytes long throws IllegalArgumentException")
    void wrongLength() {
        for (int n : new int[] {0, 4, 39, 41, 80}) {
            byte[] data = new byte[n];
            expectIllegal("unpack of " + n + " bytes", () -> unpack(data));
        }
    }

    @Test
    @DisplayName("unpack of a name field that is not UTF-8 throws IllegalArgumentException (e.g. a character cut in half)")
    void nameNotUtf8() {
        byte[] cut = new byte[32];
        cut[0] = 'a';
        byte[] zhang = "张".getBytes(UTF_8);
        cut[1] = zhang[0];
        cut[2] = zhang[1]; // 张 without its last byte, as a byte-wise cut leaves it
        expectIllegal("unpack of a name field \"a\" + e5 bc (the first two bytes of 张) + NUL padding",
                () -> unpack(expected(1, cut, 1.0f)));
        byte[] latin1 = "José".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        expectIllegal("unpack of a name field \"Jos\" + e9 (é in Latin-1, not UTF-8) + NUL padding",
                () -> unpack(expected(1, latin1, 1.0f)));
        expectIllegal("unpack of a name field ff fe fd", () -> unpack(expected(1, new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0xfd}, 1.0f)));
    }
}
