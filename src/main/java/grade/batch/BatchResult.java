package grade.batch;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import grade.course.Exercise;
import grade.report.ExerciseResult;
import grade.report.GradeReport;
import grade.report.JsonReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One submission's result file: the grader's own JSON ({@code --format json}) plus
 * {@code "submission"}, {@code "fingerprint"} (what it was graded from), {@code "graded"}
 * (false when the submission could not be graded at all) and {@code "note"} (why each exercise
 * that did not earn all its points did not: "day03/tail: missing day03/Tail.java; day03/offsets:
 * 3 of 10 tests failed", see {@link ExerciseResult#reason}; or why the submission could not be
 * graded).
 */
public final class BatchResult {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private BatchResult() {
    }

    /** The result of a graded submission; its note gives the reason of every exercise that did not earn all its points. */
    public static JsonObject graded(String submission, String fingerprint, GradeReport report) {
        List<String> notes = new ArrayList<>();
        for (ExerciseResult r : report.exercises()) {
            r.reason().ifPresent(why -> notes.add(r.exercise().id() + ": " + why));
        }
        return with(JsonReport.tree(report), submission, fingerprint, true, String.join("; ", notes));
    }

    /** The result of a submission that could not be graded: every exercise scores 0, and the note says why. */
    public static JsonObject broken(String submission, String fingerprint, List<Exercise> exercises, String why) {
        List<ExerciseResult> results = exercises.stream().map(e -> ExerciseResult.error(e, why)).toList();
        return with(JsonReport.tree(new GradeReport("submission " + submission, results, 0)), submission, fingerprint, false, why);
    }

    private static JsonObject with(JsonObject json, String submission, String fingerprint, boolean graded, String note) {
        json.addProperty("submission", submission);
        json.addProperty("fingerprint", fingerprint);
        json.addProperty("graded", graded);
        json.addProperty("note", note);
        return json;
    }

    public static String write(JsonObject result) {
        return GSON.toJson(result);
    }

    /** A result written earlier, if it is there and readable; a damaged one is as good as none. */
    public static Optional<JsonObject> read(Path file) {
        try {
            JsonObject o = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
            Gradebook.Row.of(o);
            return Optional.of(o);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
