package grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Under --lang zh every line the grader writes is Chinese: each screen of the tool on the fixture
 * course (init, the overview, a failing grade, a hint, verify, batch) is read line by line, and no
 * line may be made only of English words once code, quoted text, paths, names and the output of
 * learner programs (lines starting with |) are set aside.
 */
class ChineseScreensTest extends OnFixtureCourse {
    /** Code spans, quoted text, paths and options, numbers, and names with dots, slashes or inner capitals. */
    private static final Pattern NOT_WORDS = Pattern.compile(
            "`[^`]*`|\"[^\"]*\"|'[^']*'|\\S*[/\\\\.:=_\\d]\\S*|--?\\w[\\w-]*|\\b\\w*[a-z][A-Z]\\w*\\b|\\b[A-Z]{2,}\\b");
    private static final Pattern WORD = Pattern.compile("\\b[A-Za-z]{2,}\\b");

    /** The lines of {@code screen} that are made only of English words (two or more, and no Chinese). */
    static List<String> englishLines(String screen) {
        List<String> found = new ArrayList<>();
        for (String line : screen.split("\n")) {
            if (line.strip().startsWith("|") || line.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)) {
                continue;
            }
            String rest = NOT_WORDS.matcher(line).replaceAll(" ");
            if (WORD.matcher(rest).results().count() >= 2) {
                found.add(line);
            }
        }
        return found;
    }

    private Fixtures.Run zh(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("--lang", "zh", "--no-color"));
        all.addAll(List.of(args));
        return Fixtures.grade(home, elsewhere, all.toArray(String[]::new));
    }

    @Test
    void everyScreenIsChinese() throws Exception {
        Path ws = elsewhere.resolve("ws");
        List<String> screens = new ArrayList<>();
        screens.add(zh("init", ws.toString()).out());
        screens.add(zh("-w", ws.toString()).out());
        Fixtures.Run failing = zh("day90", "-w", ws.toString());
        assertEquals(1, failing.exit(), failing.out() + failing.err());
        screens.add(failing.out());
        screens.add(zh("-w", ws.toString()).out());
        screens.add(zh("hint", "day90", "sum", "-w", ws.toString()).out());
        screens.add(zh("hint", "day90", "sum", "-w", ws.toString()).out());
        Fixtures.Run verify = zh("verify", "day90");
        screens.add(verify.out() + verify.err());
        Path subs = Files.createDirectories(elsewhere.resolve("class"));
        Fixtures.write(subs.resolve("alice/day90/Sum.java"), Fixtures.SUM_OK);
        Fixtures.write(subs.resolve("bob/day90/Hello.java"), Fixtures.HELLO_OK);
        Files.createDirectories(subs.resolve("carol")); // nothing to grade
        Fixtures.Run batch = zh("batch", subs.toString(), "day90");
        screens.add(batch.out() + batch.err());
        List<String> english = new ArrayList<>();
        screens.forEach(s -> english.addAll(englishLines(s)));
        assertTrue(english.isEmpty(), "lines in English under --lang zh:\n" + String.join("\n", english)
                + "\n\nthe screens:\n" + String.join("\n----\n", screens));
    }

    @Test
    void theCheckFindsEnglishLinesAndSparesCodeAndNames() {
        assertEquals(List.of("Ask again for the next hint (2 more), or --all for every one."),
                englishLines("提示 1/3：第一\nAsk again for the next hint (2 more), or --all for every one."));
        assertEquals(List.of(), englishLines("    ✘ day90/sum  测试 sum  0/5\n  `./grade show day90 sum`\n  |hello world\n  day90.SumTest"));
    }
}
