package grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import grade.terminal.Width;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The learner's experience in a real terminal (tmux): the overview, a failing grade, watch mode
 * with its keys, and the JShell REPL. Runs the packaged grader on the fixture course.
 */
class TerminalIT {
    @TempDir
    Path home;
    Path ws;
    String grade;

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(Tmux.available(), "tmux is not installed");
        Fixtures.course(home);
        ws = home.resolve("ws");
        String cp = System.getProperty("grade.jar") + java.io.File.pathSeparator + Path.of("target/test-classes").toAbsolutePath();
        grade = "LANG=C.UTF-8 TERM=xterm-256color java -Dgrade.home=" + home + " -cp " + cp + " grade.cli.Main";
        assertTrue(Fixtures.grade(home, home, "init", ws.toString()).exit() == 0);
    }

    @Test
    void overviewShowsProgressAndTheNextStep() throws Exception {
        Files.writeString(ws.resolve("day90/Sum.java"), Fixtures.SUM_OK);
        Fixtures.grade(home, home, "day90", "sum", "-w", ws.toString());
        try (Tmux t = Tmux.start("cd " + ws + " && " + grade)) {
            String screen = t.await("Next:", 30);
            assertTrue(screen.contains("day90") && screen.contains("Fixture day"), screen);
            assertTrue(screen.contains("✔ day90/sum"), screen);
            assertTrue(screen.contains("· day90/hello") && screen.contains("not tried"), screen);
            assertTrue(screen.contains("█") && screen.contains("1/2"), "a progress bar: " + screen);
            assertTrue(screen.contains("./grade day90 hello"), screen);
        }
    }

    @Test
    void failingGradeExplainsAndPointsToHints() throws Exception {
        try (Tmux t = Tmux.start("cd " + ws + " && " + grade + " day90 sum")) {
            String screen = t.await("exercises passed", 60);
            assertTrue(screen.contains("✘ day90/sum"), screen);
            assertTrue(screen.contains("not written yet"), screen);
            assertTrue(screen.contains("./grade hint day90 sum"), screen);
        }
    }

    @Test
    void watchRegradesOnSaveShowsChangesAndTakesKeys() throws Exception {
        String screen = watchDay90("", new WatchWords("watching day90/", "Hint 1/2: first", "keys: ", "Next up: day90/hello", "Stopped watching."));
        assertTrue(screen.contains("now passing: add(2, 3) is 5"), screen);
        assertTrue(screen.contains("✔ day90/sum"), screen);
        assertTrue(Files.readString(ws.resolve(".grade/state.json")).contains("\"hints_shown\": 1"));
    }

    @Test
    void watchSpeaksChineseUnderLangZh() throws Exception {
        String screen = watchDay90("--lang zh ", new WatchWords("正在监视 day90/", "提示 1/2：第一", "按键：", "下一个：day90/hello", "停止监视。"));
        assertTrue(screen.contains("现在通过了："), screen);
        assertEquals(List.of(), ChineseScreensTest.englishLines(screen), screen);
    }

    /** What grade watch says, in one language, at each step of {@link #watchDay90}. */
    private record WatchWords(String watching, String hint, String keys, String next, String stopped) {}

    /**
     * Watches day90 in a terminal: asks for a hint, presses a key that is none, saves a Sum that
     * passes, waits for it to move on to Hello, and quits. Returns the last screen.
     */
    private String watchDay90(String options, WatchWords w) throws Exception {
        try (Tmux t = Tmux.start("cd " + ws + " && " + grade + " " + options + "watch day90")) {
            t.await(w.watching() + "Sum.java", 60);
            t.type("h");
            t.await(w.hint(), 10);
            t.type("x");
            t.await(w.keys(), 10);
            Files.writeString(ws.resolve("day90/Sum.java"), Fixtures.SUM_OK);
            t.await(w.next(), 60);
            t.await(w.watching() + "Hello.java", 60);
            t.type("q");
            return t.await(w.stopped(), 10);
        }
    }

    @Test
    void watchWithPollingSeesSavesToo() throws Exception {
        try (Tmux t = Tmux.start("cd " + ws + " && " + grade + " watch day90 sum --poll --interval 200")) {
            t.await("watching day90/Sum.java", 60);
            Files.writeString(ws.resolve("day90/Sum.java"), Fixtures.SUM_OK);
            t.await("✔ day90/sum", 60);
            t.await("watching day90/Hello.java", 60);
            t.type("q");
            t.await("Stopped watching.", 10);
        }
    }

    @Test
    void statementsDrawTheirTablesFittedToTheTerminalInEnglishAndChinese() throws Exception {
        String show = "LANG=C.UTF-8 TERM=xterm-256color java -Dgrade.home=" + System.getProperty("grade.home")
                + " -jar " + System.getProperty("grade.jar") + " show day03 dir-info --lang ";
        try (Tmux t = Tmux.start(show + "en && echo ENGLISH-SHOWN && " + show + "zh && echo CHINESE-SHOWN")) {
            String screen = t.await("CHINESE-SHOWN", 60);
            String english = screen.substring(0, screen.indexOf("ENGLISH-SHOWN"));
            String chinese = screen.substring(screen.indexOf("ENGLISH-SHOWN"));
            for (String[] statement : new String[][] {{english, "│ a symbolic link "}, {chinese, "│ 符号链接 "}}) {
                List<String> table = statement[0].lines().filter(l -> l.matches("[┌│╞├└].*")).toList();
                assertTrue(table.size() >= 10, "a table of box characters:\n" + statement[0]);
                for (String line : table) {
                    assertEquals(100, Width.of(line), "every line of the table as wide as the statement (100 columns at most): " + line);
                }
                assertTrue(table.stream().anyMatch(l -> l.startsWith(statement[1])), statement[0]);
                assertFalse(statement[0].contains("**") || statement[0].contains("`") || statement[0].contains("| --- |"),
                        "no Markdown left:\n" + statement[0]);
            }
        }
    }

    @Test
    void tabCompletesDaysAndExercisesInBash() throws Exception {
        Path script = home.resolve("grade-completion.bash");
        Files.writeString(script, Fixtures.grade(home, home, "completion", "bash").out());
        Path launcher = Files.writeString(home.resolve("grade"), "#!/bin/sh\n");
        try (Tmux t = Tmux.start("cd " + home + " && bash --norc --noprofile")) {
            t.type("source " + script + " && echo LOADED");
            t.enter();
            t.await("LOADED", 10);
            t.type("./" + launcher.getFileName() + " day9");
            t.type("\t");
            t.await("./grade day90", 10);
            t.type(" \t\t");
            t.await(s -> s.contains("hello") && s.contains("sum"), "the exercises of day90", 10);
        }
    }

    @Test
    void noColorIsHonouredInATerminal() throws Exception {
        try (Tmux t = Tmux.start("cd " + ws + " && NO_COLOR=1 " + grade + " day90 sum | cat -v")) {
            String screen = t.await("exercises passed", 60);
            assertTrue(!screen.contains("^["), "escape codes with NO_COLOR:\n" + screen);
        }
    }

    @Test
    void replHasTheLearnersClassesAndShowsCompileErrorsFirst() throws Exception {
        Files.writeString(ws.resolve("day90/Sum.java"), Fixtures.SUM_OK);
        Files.writeString(ws.resolve("day90/Hello.java"), "package day90; public class Hello { oops }");
        try (Tmux t = Tmux.start("cd " + ws + " && " + grade + " repl day90")) {
            String screen = t.await("jshell>", 60);
            assertTrue(screen.contains("day90/hello did not compile"), screen);
            assertTrue(screen.contains("day90/Hello.java:1:"), screen);
            t.type("Sum.add(2, 3)");
            t.enter();
            t.await("==> 5", 30);
            t.type("Files.exists(Path.of(\".\"))");
            t.enter();
            t.await("==> true", 30);
            t.type("/exit");
            t.enter();
            t.await("Goodbye", 30);
        }
    }
}
