package grade.classreport;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import grade.batch.BatchFiles;
import grade.batch.BatchRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** A batch's output written as grade batch writes it (results/NAME.json, batch.json), for the report's tests. */
final class ClassFixture {
    final BatchFiles files;
    final List<String> names = new ArrayList<>();

    ClassFixture(Path dir) throws IOException {
        files = new BatchFiles(dir);
        Files.createDirectories(files.results());
    }

    static JsonObject test(String name, String status, String message, String output, String visibility) {
        JsonObject t = new JsonObject();
        t.addProperty("name", name);
        t.addProperty("status", status);
        t.addProperty("message", message);
        t.addProperty("output", output);
        t.addProperty("visibility", visibility);
        return t;
    }

    static JsonObject pass(String name) {
        return test(name, "pass", "", "", "visible");
    }

    static JsonObject fail(String name, String message) {
        return test(name, "fail", message, "", "visible");
    }

    static JsonObject exercise(String id, String status, String message, double score, JsonObject... tests) {
        JsonObject x = new JsonObject();
        x.addProperty("id", id);
        x.addProperty("status", status);
        x.addProperty("message", message);
        x.addProperty("score", score);
        x.addProperty("max_score", 10);
        JsonArray a = new JsonArray();
        for (JsonObject t : tests) {
            a.add(t);
        }
        x.add("tests", a);
        return x;
    }

    /** Writes one submission's result; its score is the sum of its exercises'. */
    ClassFixture learner(String name, boolean graded, String note, JsonObject... exercises) throws IOException {
        JsonObject o = new JsonObject();
        o.addProperty("version", 1);
        double score = 0;
        JsonArray a = new JsonArray();
        for (JsonObject x : exercises) {
            score += x.get("score").getAsDouble();
            a.add(x);
        }
        o.addProperty("status", "fail");
        o.addProperty("score", score);
        o.addProperty("max_score", 10 * exercises.length);
        o.add("exercises", a);
        o.addProperty("submission", name);
        o.addProperty("fingerprint", "f".repeat(64));
        o.addProperty("graded", graded);
        o.addProperty("note", note);
        return raw(name, o.toString());
    }

    /** Writes a result file as it is, damaged or not. */
    ClassFixture raw(String name, String json) throws IOException {
        Files.writeString(files.result(name), json, StandardCharsets.UTF_8);
        names.add(name);
        return this;
    }

    /** Writes the batch's record, naming the submissions written so far. */
    ClassFixture record(String... exercises) throws IOException {
        BatchRun run = new BatchRun(OffsetDateTime.parse("2026-12-04T09:30:00+08:00"), 75.4, "grade 0.1.0 · Java 17",
                "ab".repeat(32), "en", 2, List.of(exercises), List.copyOf(names));
        Files.writeString(files.run(), run.json(), StandardCharsets.UTF_8);
        return this;
    }
}
