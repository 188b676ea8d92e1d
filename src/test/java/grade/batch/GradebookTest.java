package grade.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The gradebook's CSV, as a spreadsheet reads it. */
class GradebookTest {
    private static Gradebook.Row row(String name, double a, double b, String note) {
        Map<String, Double> scores = new LinkedHashMap<>();
        scores.put("day90/sum", a);
        scores.put("day90/hello", b);
        return new Gradebook.Row(name, scores, a + b, note, true);
    }

    @Test
    void oddNamesAreQuotedAsRfc4180Says() {
        String csv = Gradebook.csv(List.of("day90/sum", "day90/hello"), List.of(
                row("alice", 10, 7.5, ""),
                row("smith, john", 0, 10, "day90/sum: did not compile; day90/hello: crashed"),
                row("the \"best\"", 3.33, 0, "line one\nline two"),
                row("王小明", 10, 10, ""),
                row("=HYPERLINK(\"http://example.com\")", 0, 0, "")));
        assertEquals("submission,day90/sum,day90/hello,total,note\r\n"
                + "alice,10,7.5,17.5,\r\n"
                + "\"smith, john\",0,10,10,day90/sum: did not compile; day90/hello: crashed\r\n"
                + "\"the \"\"best\"\"\",3.33,0,3.33,\"line one\nline two\"\r\n"
                + "王小明,10,10,20,\r\n"
                + "\"'=HYPERLINK(\"\"http://example.com\"\")\",0,0,0,\r\n", csv);
    }

    @Test
    void anExerciseWithoutAScoreScoresZero() {
        Gradebook.Row r = new Gradebook.Row("bob", Map.of("day90/sum", 5.0), 5, "", true);
        assertEquals("submission,day90/sum,day90/hello,total,note\r\nbob,5,0,5,\r\n",
                Gradebook.csv(List.of("day90/sum", "day90/hello"), List.of(r)));
    }
}
