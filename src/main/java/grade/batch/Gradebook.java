package grade.batch;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import grade.report.Scoring;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The class's gradebook as CSV (RFC 4180: fields with a comma, quote or line break are quoted,
 * quotes doubled, lines end in CRLF): {@code submission,<day/exercise>...,total,note}, one row
 * per submission.
 */
public final class Gradebook {
    private Gradebook() {
    }

    /**
     * One submission's row.
     *
     * @param scores score by exercise id; an exercise without one scores 0
     * @param note   why a submission or exercise earned nothing (missing, did not compile, crashed), or empty
     * @param graded false when the submission could not be graded at all
     */
    public record Row(String submission, Map<String, Double> scores, double total, String note, boolean graded) {

        /** The row of a result written by {@link BatchResult}. */
        public static Row of(JsonObject result) {
            Map<String, Double> scores = new LinkedHashMap<>();
            for (JsonElement e : result.getAsJsonArray("exercises")) {
                JsonObject x = e.getAsJsonObject();
                scores.put(x.get("id").getAsString(), x.get("score").getAsDouble());
            }
            return new Row(result.get("submission").getAsString(), scores, result.get("score").getAsDouble(),
                    result.has("note") ? result.get("note").getAsString() : "",
                    !result.has("graded") || result.get("graded").getAsBoolean());
        }
    }

    public static String csv(List<String> exerciseIds, List<Row> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append("submission");
        exerciseIds.forEach(id -> sb.append(',').append(field(id)));
        sb.append(",total,note\r\n");
        for (Row r : rows) {
            sb.append(field(text(r.submission())));
            for (String id : exerciseIds) {
                sb.append(',').append(Scoring.show(r.scores().getOrDefault(id, 0.0)));
            }
            sb.append(',').append(Scoring.show(r.total())).append(',').append(field(text(r.note()))).append("\r\n");
        }
        return sb.toString();
    }

    /**
     * The gradebook for Excel: a UTF-8 byte order mark first, without which Excel reads UTF-8
     * as the system's code page and garbles Chinese names. Scripts want the plain file.
     */
    public static String forExcel(String csv) {
        return "\uFEFF" + csv;
    }

    /** A field, quoted when it holds a comma, a quote or a line break. */
    static String field(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /**
     * Text that a spreadsheet would take for a formula (a submission named {@code =HYPERLINK(...)})
     * gets a leading apostrophe, so opening the gradebook never runs what a learner wrote.
     */
    static String text(String s) {
        return !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    }
}
