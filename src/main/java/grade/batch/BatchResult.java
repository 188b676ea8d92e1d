package grade.batch;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import grade.course.Exercise;
import grade.report.ExerciseResult;
import grade.report.GradeReport;
import grade.report.JsonReport;
import grade.report.Status;
import grade.report.TestResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One submission's result file: the grader's own JSON ({@code --format json}) plus
 * {@code "submission"}, {@code "fingerprint"} (what it was graded from), {@code "graded"}
 * (false when the submission could not be graded at all) and {@code "note"} (why exercises
 * earned nothing: missing, did not compile, crashed, hung; or why the submission could not be
 * graded).
 */
public final class BatchResult {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private BatchResult() {
    }

    /** The result of a graded submission; {@code missing} holds the exercises it has no file of. */
    public static JsonObject graded(String submission, String fingerprint, GradeReport report, Set<String> missing) {
        List<String> notes = new ArrayList<>();
        for (ExerciseResult r : report.exercises()) {
            problem(r, missing.contains(r.exercise().id())).ifPresent(p -> notes.add(r.exercise().id() + " " + p));
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

    /** Why an exercise earned nothing, in a word or two; empty when its tests ran to the end. */
    static Optional<String> problem(ExerciseResult r, boolean missing) {
        if (missing) {
            return Optional.of("missing");
        }
        if (r.status() == Status.ERROR && r.tests().isEmpty()) {
            return Optional.of("did not compile");
        }
        for (TestResult t : r.tests()) {
            if (t.status() == Status.ERROR && t.name().equals("(the rest of the tests)")) {
                return Optional.of(t.message().contains("deadline") ? "hung" : "crashed");
            }
        }
        return Optional.empty();
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
