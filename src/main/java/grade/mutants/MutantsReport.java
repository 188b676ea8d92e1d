package grade.mutants;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import grade.course.EquivalentMutant;
import java.util.List;

/** What {@code grade mutants} found for each exercise, and how long it took in all. */
public record MutantsReport(List<ExerciseMutants> exercises, long millis) {

    /** Every exercise's mutants were graded, and every survivor is accounted for. */
    public boolean ok() {
        return exercises.stream().allMatch(ExerciseMutants::ok);
    }

    /** The report as JSON, in the shape the README documents. */
    public String json() {
        JsonObject root = new JsonObject();
        root.addProperty("ok", ok());
        root.addProperty("seconds", millis / 1000.0);
        JsonArray list = new JsonArray();
        for (ExerciseMutants e : exercises) {
            JsonObject o = new JsonObject();
            o.addProperty("id", e.exercise().id());
            if (e.error() != null) {
                o.addProperty("error", e.error());
            }
            o.addProperty("mutants", e.made());
            o.addProperty("killed", e.killed());
            o.addProperty("survived", e.survived());
            o.addProperty("notCovered", e.notCovered());
            o.addProperty("accounted", e.accounted());
            o.addProperty("score", e.score());
            o.addProperty("seconds", e.millis() / 1000.0);
            o.addProperty("cached", e.cached());
            JsonArray survivors = new JsonArray();
            for (MutantResult m : e.survivors()) {
                JsonObject s = record(m.className(), m.method(), m.mutator(), m.source(), m.description());
                s.addProperty("file", m.file());
                s.addProperty("lineNumber", m.line());
                s.addProperty("covered", m.covered());
                if (m.equivalent() != null) {
                    s.addProperty("equivalent", m.equivalent());
                }
                survivors.add(s);
            }
            o.add("survivors", survivors);
            JsonArray stale = new JsonArray();
            for (EquivalentMutant r : e.stale()) {
                JsonObject s = record(r.className(), r.method(), r.mutator(), r.line(), r.description());
                s.addProperty("reason", r.reason());
                stale.add(s);
            }
            o.add("stale", stale);
            list.add(o);
        }
        root.add("exercises", list);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root);
    }

    /**
     * A mutant as an instructor records it among an exercise's {@code "equivalentMutants"}
     * (without its reason): the keys that {@link EquivalentMutant} matches on.
     */
    public static JsonObject record(String className, String method, String mutator, String line, String description) {
        JsonObject o = new JsonObject();
        o.addProperty("class", className);
        o.addProperty("method", method);
        o.addProperty("mutator", mutator);
        o.addProperty("line", line);
        if (!description.isEmpty()) {
            o.addProperty("description", description);
        }
        return o;
    }
}
