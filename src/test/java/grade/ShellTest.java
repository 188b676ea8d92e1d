package grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What shells and their users expect of a command: completion, and "did you mean" for a typo. */
class ShellTest extends OnFixtureCourse {
    @BeforeEach
    void twoDays() throws Exception {
        Fixtures.twice(home);
        // day91: a second day, with day90's sum as its exercise
        Fixtures.write(home.resolve("exercises/day91/day.json"), """
                {"title": {"en": "Another day", "zh": "另一天"}, "exercises": ["sum"]}
                """);
        Path sum = home.resolve("exercises/day90/sum");
        try (var files = Files.walk(sum)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String rel = sum.relativize(f).toString().replace("day90", "day91");
                Fixtures.write(home.resolve("exercises/day91/sum").resolve(rel), Files.readString(f).replace("day90/", "day91/").replace("package day90", "package day91"));
            }
        }
    }

    @Test
    void theBashCompletionScriptLoadsAndCompletesCommandsDaysAndExercises() throws Exception {
        Fixtures.Run script = Fixtures.grade(home, elsewhere, "completion", "bash");
        assertEquals(0, script.exit(), script.err());
        Path file = Files.writeString(elsewhere.resolve("grade-completion.bash"), script.out());
        assertEquals("0\ncomplete -o default -F _grade_completion grade\n",
                bash("source <(cat " + file + ") && complete -p grade"));
        String completions = bash("source " + file + " 2>/dev/null\n" + """
                complete_line() {
                  COMP_LINE="$1"; read -ra COMP_WORDS <<< "$1"; [[ "$1" == *" " ]] && COMP_WORDS+=("")
                  COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMP_POINT=${#COMP_LINE}; COMPREPLY=()
                  _grade_completion 2>/dev/null; echo "$1|${COMPREPLY[*]}"
                }
                complete_line "./grade day9"
                complete_line "./grade wa"
                complete_line "./grade day90 "
                complete_line "./grade day90 tw"
                complete_line "./grade show day90 "
                complete_line "./grade hint --lang "
                complete_line "./grade completion "
                """);
        assertEquals("""
                0
                ./grade day9|day90 day91
                ./grade wa|watch
                ./grade day90 |sum hello twice
                ./grade day90 tw|twice
                ./grade show day90 |sum hello twice
                ./grade hint --lang |en zh
                ./grade completion |bash zsh
                """, completions);
        assertEquals(script.out(), Fixtures.grade(home, elsewhere, "completion", "zsh").out(), "zsh runs the same script through bashcompinit");
    }

    @Test
    void aMistypedCommandIsSuggested() throws Exception {
        Fixtures.Run r = Fixtures.grade(home, elsewhere, "whatch");
        assertEquals(2, r.exit());
        assertEquals("grade: there is no day or command \"whatch\". Did you mean watch? The days are: day90, day91;"
                + " `grade --help` lists the commands.\n", r.err());
    }

    @Test
    void didYouMeanNamesTheClosestAndNoneWhenAllAreAsFar() throws Exception {
        Fixtures.Run close = Fixtures.grade(home, elsewhere, "day900");
        assertEquals(2, close.exit());
        assertTrue(close.err().contains("Did you mean day90? The days are: day90, day91"), close.err());
        Fixtures.Run none = Fixtures.grade(home, elsewhere, "day09");
        assertEquals(2, none.exit());
        assertEquals("grade: there is no day \"day09\". The days are: day90, day91\n", none.err());
        Fixtures.Run exercise = Fixtures.grade(home, elsewhere, "show", "day90", "twise");
        assertEquals(2, exercise.exit());
        assertTrue(exercise.err().contains("Did you mean twice?"), exercise.err());
        assertFalse(exercise.err().contains("Did you mean twice or"), "only the closest: " + exercise.err());
    }

    private String bash(String script) throws Exception {
        return Fixtures.runLogged(elsewhere, Duration.ofSeconds(60), Map.of(), List.of("bash", "--norc", "--noprofile", "-c", script));
    }
}
