package grade.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The kit's failure messages in the learner's language: Chinese with grade.lang=zh, and the
 * English of before, byte for byte, otherwise. Learner classes and programs are played by the
 * nested classes below, run for real (programs as child JVMs, sockets on 127.0.0.1).
 */
class KitWordsTest {
    private static final String FILE = "grade/kit/KitWordsTest.java";

    private String langBefore;
    private String classpathBefore;

    @BeforeEach
    void remember() throws Exception {
        langBefore = System.getProperty("grade.lang");
        classpathBefore = System.getProperty("grade.learner.classpath");
        Path classes = Path.of(KitWordsTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        System.setProperty("grade.learner.classpath", classes.toString());
    }

    @AfterEach
    void restore() {
        set("grade.lang", langBefore);
        set("grade.learner.classpath", classpathBefore);
    }

    private static void set(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    /** The message of the failure {@code action} ends in, with grade.lang set to {@code lang}. */
    private static String failure(String lang, Executable action) {
        return said(lang, () -> assertThrows(AssertionError.class, action).getMessage());
    }

    private static String said(String lang, Supplier<String> words) {
        String before = System.getProperty("grade.lang");
        System.setProperty("grade.lang", lang);
        try {
            return words.get();
        } finally {
            set("grade.lang", before);
        }
    }

    @Test
    void aMissingClass() {
        Executable missing = () -> LearnerClass.of("day77.Nowhere");
        assertEquals("expected a class `Nowhere` in day77/Nowhere.java (with `package day77;` at its top), but there is none",
                failure("en", missing));
        assertEquals("day77/Nowhere.java 里应当有一个类 `Nowhere`（文件开头写着 `package day77;`），但没有找到它",
                failure("zh", missing));
    }

    @Test
    void aMissingMethodWithItsSignature() {
        LearnerClass sample = LearnerClass.of(Sample.class.getName());
        Executable wrongReturn = () -> sample.staticMethod(int.class, "add", int.class, int.class);
        assertEquals("expected `public static int add(int, int)` in " + FILE + " but found `public static long add(int, int)`",
                failure("en", wrongReturn));
        assertEquals(FILE + " 里应当有 `public static int add(int, int)`，但找到的是 `public static long add(int, int)`",
                failure("zh", wrongReturn));

        Executable wrongParams = () -> sample.staticMethod(int.class, "add", long.class);
        assertEquals("expected `public static int add(long)` in " + FILE + " (found `public static long add(int, int)` instead)",
                failure("en", wrongParams));
        assertEquals(FILE + " 里应当有 `public static int add(long)`（找到的却是 `public static long add(int, int)`）",
                failure("zh", wrongParams));

        Executable nested = () -> sample.nested("Student");
        assertEquals("expected a nested type `KitWordsTest.Sample.Student` in " + FILE + ", but there is none", failure("en", nested));
        assertEquals(FILE + " 里应当有一个嵌套类型 `KitWordsTest.Sample.Student`，但没有找到它", failure("zh", nested));
    }

    @Test
    void aClassWhoseStaticBlockThrew() {
        Executable named = () -> {
            throw Failures.initializerFailed("day05.Struct", new ExceptionInInitializerError(new NumberFormatException()));
        };
        assertEquals("the class day05.Struct could not be initialised: its static fields or static block threw"
                + " java.lang.NumberFormatException", failure("en", named));
        assertEquals("类 day05.Struct 无法初始化：它的静态字段或静态代码块抛出了 java.lang.NumberFormatException", failure("zh", named));
        Executable unnamed = () -> {
            throw Failures.initializerFailed(null, new ExceptionInInitializerError(new NumberFormatException()));
        };
        assertEquals("the class under test could not be initialised: its static fields or static block threw"
                + " java.lang.NumberFormatException", failure("en", unnamed));
        assertEquals("被测试的类无法初始化：它的静态字段或静态代码块抛出了 java.lang.NumberFormatException", failure("zh", unnamed));
    }

    @Test
    void aServerThatExitedBeforeListening() {
        Executable start = () -> LearnerProgram.of(Quits.class.getName()).args("40123").startServer(40123);
        assertEquals("your server exited with status 1 before it started listening on port 40123.\n"
                + "  command: java grade.kit.KitWordsTest$Quits 40123\n"
                + "  stdout:\n"
                + "    |no port to listen on\n"
                + "    |\n"
                + "  stderr: (nothing)", failure("en", start));
        assertEquals("你的服务器还没开始监听端口 40123 就退出了，退出状态是 1。\n"
                + "  命令：java grade.kit.KitWordsTest$Quits 40123\n"
                + "  stdout（标准输出）：\n"
                + "    |no port to listen on\n"
                + "    |\n"
                + "  stderr（标准错误）：（什么也没有）", failure("zh", start));
    }

    @Test
    void waitingInVainForALine() {
        for (String lang : List.of("en", "zh")) {
            try (LearnerProgram p = LearnerProgram.of(Waits.class.getName()).start()) {
                p.awaitLine("hello", Duration.ofSeconds(20));
                String m = failure(lang, () -> p.awaitLine("ready", Duration.ofMillis(300)));
                String expected = lang.equals("en")
                        ? "waited 300 ms for a line containing \"ready\" on the stdout of your program, which is still running.\n"
                                + "  command: java grade.kit.KitWordsTest$Waits\n"
                                + "  stdout:\n"
                                + "    |hello\n"
                                + "    |\n"
                                + "  stderr: (nothing)"
                        : "在你的程序的 stdout 上等了 300 毫秒，还是没有等到包含 \"ready\" 的一行；程序还在运行。\n"
                                + "  命令：java grade.kit.KitWordsTest$Waits\n"
                                + "  stdout（标准输出）：\n"
                                + "    |hello\n"
                                + "    |\n"
                                + "  stderr（标准错误）：（什么也没有）";
                assertEquals(expected, m);
            }
        }
    }

    @Test
    void aClientThatExitsWithoutConnectingFailsAtOnce() {
        try (TcpListener listener = TcpListener.open()) {
            for (String lang : List.of("en", "zh")) {
                try (LearnerProgram client = LearnerProgram.of(Quits.class.getName()).start()) {
                    long t0 = System.nanoTime();
                    String m = failure(lang, () -> listener.accept(Duration.ofSeconds(60), client));
                    long seconds = (System.nanoTime() - t0) / 1_000_000_000L;
                    assertTrue(seconds < 30, "it gave up when the client ended, not at the 60 s timeout (" + seconds + " s)");
                    assertEquals(lang.equals("en")
                            ? "your client ended (exit status 1) without connecting to 127.0.0.1:" + listener.port()
                            : "你的客户端还没连接到 127.0.0.1:" + listener.port() + " 就结束了（退出状态 1）", m);
                }
            }
        }
    }

    @Test
    void aClientThatNeverConnects() {
        try (TcpListener listener = TcpListener.open()) {
            Executable accept = () -> listener.accept(Duration.ofMillis(200));
            assertEquals("your client did not connect to 127.0.0.1:" + listener.port() + " within 200 ms", failure("en", accept));
            assertEquals("你的客户端在 200 毫秒内没有连接到 127.0.0.1:" + listener.port(), failure("zh", accept));
        }
    }

    @Test
    void aConnectionClosedHalfWay() {
        for (String lang : List.of("en", "zh")) {
            try (TcpListener listener = TcpListener.open(); TcpPeer client = TcpPeer.connect(listener.port());
                    TcpPeer server = listener.accept(Duration.ofSeconds(20))) {
                server.send("hal").shutdownOutput();
                String m = failure(lang, () -> client.readLine(Duration.ofSeconds(20)));
                assertEquals(lang.equals("en")
                        ? "your server closed the connection before sending a whole line; got \"hal\" (3 bytes)"
                        : "你的服务器还没发完一整行就关闭了连接；收到的是 \"hal\"（3 个字节）", m);
                client.close();
                String other = failure(lang, () -> server.readExactly(4, Duration.ofSeconds(20)));
                assertEquals(lang.equals("en")
                        ? "your client closed the connection after 0 of the 4 bytes expected: \"\" (0 bytes)"
                        : "你的客户端只发来了应有的 4 个字节中的 0 个，就关闭了连接：\"\"（0 个字节）", other);
            }
        }
    }

    @Test
    void noDatagram() {
        try (UdpPeer peer = UdpPeer.open()) {
            Executable receive = () -> peer.receive(Duration.ofMillis(100));
            assertEquals("no datagram arrived within 100 ms", failure("en", receive));
            assertEquals("等了 100 毫秒，一个数据报也没有收到", failure("zh", receive));
        }
    }

    @Test
    void aTextDiffWithInvisibleCharacters() {
        Executable diff = () -> Expect.sameText("stdout of `Tail -n 2`", "b\nc\n", "b \r\nc");
        assertEquals("stdout of `Tail -n 2` is not what was expected.\n"
                + "  - line 1  expected \"b\\n\"\n"
                + "  + line 1  got      \"b \\r\\n\"\n"
                + "  - line 2  expected \"c\\n\"\n"
                + "  + line 2  got      \"c\"", failure("en", diff));
        assertEquals("stdout of `Tail -n 2`：和预期的不一样。\n"
                + "  - 第 1 行  预期 \"b\\n\"\n"
                + "  + 第 1 行  实际 \"b \\r\\n\"\n"
                + "  - 第 2 行  预期 \"c\\n\"\n"
                + "  + 第 2 行  实际 \"c\"", failure("zh", diff));

        Executable missingLine = () -> Expect.sameLines("lastLines(f, 2)", List.of("a", "b\t"), List.of("a"));
        assertEquals("lastLines(f, 2): expected 2 lines, got 1\n"
                + "    line 1  \"a\"\n"
                + "  - missing  \"b\\t\"", failure("en", missingLine));
        assertEquals("lastLines(f, 2)：应该有 2 行，实际有 1 行\n"
                + "    第 1 行  \"a\"\n"
                + "  - 缺少 \"b\\t\"", failure("zh", missingLine));
    }

    @Test
    void aTextDiffWithAMissingAndAnExtraLine() {
        Executable diff = () -> Expect.sameText("stdout", "a\nb\nc\n", "a\nc\nx\n");
        assertEquals("stdout is not what was expected.\n"
                + "    line 1  \"a\\n\"\n"
                + "  - missing  \"b\\n\"\n"
                + "    line 2  \"c\\n\"\n"
                + "  + line 3  extra    \"x\\n\"", failure("en", diff));
        assertEquals("stdout：和预期的不一样。\n"
                + "    第 1 行  \"a\\n\"\n"
                + "  - 缺少 \"b\\n\"\n"
                + "    第 2 行  \"c\\n\"\n"
                + "  + 第 3 行  多出 \"x\\n\"", failure("zh", diff));
    }

    @Test
    void aTextDiffCutsLongRuns() {
        String expected = "x\n".repeat(30);
        Executable many = () -> Expect.sameText("stdout", expected, expected.replace("x", "y"));
        assertTrue(failure("en", many).endsWith("\n    … 18 more lines differ"), failure("en", many));
        assertTrue(failure("zh", many).endsWith("\n    … 还有 18 行不同"), failure("zh", many));
        Executable longLine = () -> Expect.sameText("stdout", "a".repeat(500) + "b", "a".repeat(500) + "c");
        assertEquals("stdout is not what was expected.\n"
                + "  - line 1  expected \"[460 characters before] …" + "a".repeat(40) + "b\"\n"
                + "  + line 1  got      \"[460 characters before] …" + "a".repeat(40) + "c\"", failure("en", longLine));
        assertTrue(failure("zh", longLine).contains("\"[前面还有 460 个字符] …" + "a".repeat(40) + "b\""), failure("zh", longLine));
    }

    @Test
    void valuesAndBytes() {
        Executable equal = () -> Expect.equal("add(2, 3)", 5, 4);
        assertEquals("add(2, 3): expected 5 but got 4", failure("en", equal));
        assertEquals("add(2, 3)：应该是 5，但得到的是 4", failure("zh", equal));
        Executable bytes = () -> Expect.sameBytes("readRange(f, 0, 3)", new byte[] {(byte) 0xff, 1, 2}, new byte[] {(byte) 0xff, 1, 3});
        assertEquals("readRange(f, 0, 3): expected ff0102 (3 bytes)\nbut got  ff0103 (3 bytes)\n(first difference at byte 2)",
                failure("en", bytes));
        assertEquals("readRange(f, 0, 3)：应该是 ff0102（3 个字节）\n但得到的是 ff0103（3 个字节）\n（第一处不同在第 2 个字节，从 0 数起）",
                failure("zh", bytes));
    }

    @Test
    void cutMarkers() {
        Supplier<String> longText = () -> Text.show("x".repeat(Text.MAX_SHOWN + 100));
        assertEquals("\"" + "x".repeat(Text.MAX_SHOWN) + "… [100 more characters]\"", said("en", longText));
        assertEquals("\"" + "x".repeat(Text.MAX_SHOWN) + "… [还有 100 个字符]\"", said("zh", longText));
        Supplier<String> hex = () -> Text.hex(new byte[70], 64);
        assertEquals("00".repeat(64) + "… [6 more bytes]", said("en", hex));
        assertEquals("00".repeat(64) + "… [还有 6 个字节]", said("zh", hex));

        ProgramResult r = new ProgramResult("java day01.Wc -l", 0, "ab".getBytes(StandardCharsets.UTF_8), new byte[0], true);
        assertEquals("  command: java day01.Wc -l\n  stdout:\n    |ab\n    |[… output cut]\n  stderr: (nothing)",
                said("en", r::describe));
        assertEquals("  命令：java day01.Wc -l\n  stdout（标准输出）：\n    |ab\n    |[… 输出太长，已截断]\n  stderr（标准错误）：（什么也没有）",
                said("zh", r::describe));

        for (String lang : List.of("en", "zh")) {
            Capture c = new Capture(new ByteArrayInputStream("0123456789".getBytes(StandardCharsets.UTF_8)), 4, "test");
            try {
                c.awaitEnd(20_000);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            assertEquals(lang.equals("en") ? "0123\n[… output cut: 6 more bytes]" : "0123\n[… 输出太长，已截断：后面还有 6 个字节]",
                    said(lang, c::text));
        }
    }

    /** A learner class with a method of the wrong return type. */
    public static final class Sample {
        public static long add(int a, int b) {
            return a + b;
        }
    }

    /** A learner server that exits at once. */
    public static final class Quits {
        public static void main(String[] args) {
            System.out.println("no port to listen on");
            System.exit(1);
        }
    }

    /** A learner program that says hello and then waits for the end of its input. */
    public static final class Waits {
        public static void main(String[] args) throws Exception {
            System.out.println("hello");
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the end of input
            }
        }
    }
}
