package grade.batch;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * A batch's record of itself, {@code batch.json} beside the gradebook: when it started (in the
 * grader's time zone), how long it took in seconds, the grader's version, the fingerprint of the
 * tests (SHA-256 of the grader with its hidden tests, the Java that ran them, the exercises with
 * their points and timeouts, and the language: equal for two batches graded by the same tests),
 * the language, the jobs side by side, the exercises and the submissions in the gradebook's order.
 *
 * @param started when the batch started; null in a record that does not say
 */
public record BatchRun(OffsetDateTime started, double seconds, String grader, String testsFingerprint, String lang,
                       int jobs, List<String> exercises, List<String> submissions) {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    public String json() {
        JsonObject o = new JsonObject();
        o.addProperty("version", 1);
        o.addProperty("started", started.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        o.addProperty("seconds", Math.round(seconds * 10) / 10.0);
        o.addProperty("grader", grader);
        o.addProperty("tests_fingerprint", testsFingerprint);
        o.addProperty("lang", lang);
        o.addProperty("jobs", jobs);
        JsonArray ids = new JsonArray();
        exercises.forEach(ids::add);
        o.add("exercises", ids);
        JsonArray names = new JsonArray();
        submissions.forEach(names::add);
        o.add("submissions", names);
        return GSON.toJson(o);
    }

    /** The record in {@code file}, if there is one that can be read (see {@link JsonFields}). */
    public static Optional<BatchRun> read(Path file) {
        try {
            JsonObject o = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
            return Optional.of(new BatchRun(time(JsonFields.string(o, "started")), JsonFields.number(o, "seconds"),
                    JsonFields.string(o, "grader"), JsonFields.string(o, "tests_fingerprint"), JsonFields.string(o, "lang"),
                    (int) JsonFields.number(o, "jobs"), JsonFields.strings(o, "exercises"), JsonFields.strings(o, "submissions")));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static OffsetDateTime time(String s) {
        try {
            return OffsetDateTime.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
