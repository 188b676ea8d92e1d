package grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** reset, show, the learner's language and colours, as a user runs them. */
class LearnerCommandsTest {
    @TempDir
    Path home;
    Path ws;

    @BeforeEach
    void setUp() throws Exception {
        Fixtures.course(home);
        ws = home.resolve("ws");
        assertEquals(0, Fixtures.grade(home, home, "init", ws.toString()).exit());
    }

    private List<Path> backups() throws Exception {
        Path dir = ws.resolve("backups");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    @Test
    void resetKeepsABackupAndPutsBackTheStarter() throws Exception {
        Files.writeString(ws.resolve("day90/Sum.java"), "my precious work");
        Fixtures.Run r = Fixtures.grade(home, ws, "reset", "day90", "sum", "--yes");
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.readString(ws.resolve("day90/Sum.java")).contains("TODO: add"), "the starter is back");
        List<Path> backups = backups();
        assertEquals(1, backups.size());
        assertEquals("my precious work", Files.readString(backups.get(0).resolve("day90/Sum.java")));
        assertTrue(r.out().contains(backups.get(0).toRealPath().toString()), "says where: " + r.out());
    }

    @Test
    void resetAsksFirstAndDoesNothingWithoutAYes() throws Exception {
        Files.writeString(ws.resolve("day90/Sum.java"), "my precious work");
        Fixtures.Run noAnswer = Fixtures.grade(home, ws, "reset", "day90", "sum");
        assertEquals(2, noAnswer.exit());
        assertTrue(noAnswer.out().contains("[y/N]") && noAnswer.out().contains("nothing was changed"), noAnswer.out());
        assertEquals("my precious work", Files.readString(ws.resolve("day90/Sum.java")));
        assertTrue(backups().isEmpty());
    }

    @Test
    void twoResetsKeepTwoBackups() throws Exception {
        Files.writeString(ws.resolve("day90/Sum.java"), "first");
        Fixtures.grade(home, ws, "reset", "day90", "sum", "--yes");
        Files.writeString(ws.resolve("day90/Sum.java"), "second");
        Fixtures.grade(home, ws, "reset", "day90", "sum", "--yes");
        List<Path> backups = backups();
        assertEquals(2, backups.size());
        List<String> kept = backups.stream().map(b -> {
            try {
                return Files.readString(b.resolve("day90/Sum.java"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).sorted().toList();
        assertEquals(List.of("first", "second"), kept);
    }

    @Test
    void showRendersTheStatementInTheChosenLanguage() throws Exception {
        Fixtures.Run en = Fixtures.grade(home, ws, "show", "day90", "sum", "--lang", "en");
        assertTrue(en.out().contains("Fixture sum") && en.out().contains("Write day90/Sum.java."), en.out());
        Fixtures.Run zh = Fixtures.grade(home, ws, "show", "day90", "sum", "--lang", "zh");
        assertTrue(zh.out().contains("测试 sum") && zh.out().contains("写 day90/Sum.java。"), zh.out());
    }

    @Test
    void theGradersOwnWordsFollowTheLanguage() throws Exception {
        Fixtures.Run zh = Fixtures.grade(home, ws, "day90", "sum", "--lang", "zh");
        assertTrue(zh.out().contains("1 个练习通过 0 个") && zh.out().contains("下一步"), zh.out());
        assertTrue(zh.out().contains("卡住了？"), zh.out());
        assertTrue(zh.out().contains("还没写：你的代码里还是 \"TODO: add\""), "the test JVM's own words too: " + zh.out());
        Fixtures.Run en = Fixtures.grade(home, ws, "day90", "sum", "--lang", "en");
        assertTrue(en.out().contains("0 of 1 exercises passed"), en.out());
    }

    @Test
    void theKitsFailureMessagesFollowTheLanguage() throws Exception {
        Files.writeString(ws.resolve("day90/Sum.java"), Fixtures.SUM_OK.replace("public static int add", "public static long add"));
        Fixtures.Run zh = Fixtures.grade(home, ws, "day90", "sum", "--lang", "zh");
        assertEquals(1, zh.exit(), zh.err());
        assertTrue(zh.out().contains("day90/Sum.java 里应当有 `public static int add(int, int)`，但找到的是 `public static long add(int, int)`"),
                zh.out());
        Fixtures.Run en = Fixtures.grade(home, ws, "day90", "sum", "--lang", "en");
        assertTrue(en.out().contains("expected `public static int add(int, int)` in day90/Sum.java but found `public static long add(int, int)`"),
                en.out());
    }

    @Test
    void noColourIntoAFileOrWithNoColor() throws Exception {
        Fixtures.Run r = Fixtures.grade(home, ws, "day90", "sum");
        assertFalse(r.out().contains("\u001b["), "escape codes in output to a file");
        Fixtures.Run list = Fixtures.grade(home, ws, "list");
        assertFalse(list.out().contains("\u001b[") || list.out().contains("█"), "list is plain text: " + list.out());
        assertTrue(list.out().contains("[--------------------]"), list.out());
    }
}
