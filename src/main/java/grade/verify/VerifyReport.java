package grade.verify;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * What {@code grade verify} found: every check of every exercise, and warnings that do not fail
 * the course (a reference solution's test that took more than half its time).
 *
 * @param checks   by exercise id, in the course's order
 * @param warnings by exercise id
 */
public record VerifyReport(Map<String, List<Check>> checks, Map<String, List<String>> warnings, long millis) {

    public boolean ok() {
        return checks.values().stream().flatMap(List::stream).allMatch(Check::ok);
    }

    public long failed() {
        return checks.values().stream().flatMap(List::stream).filter(c -> !c.ok()).count();
    }

    public long total() {
        return checks.values().stream().mapToLong(List::size).sum();
    }

    /** The report as JSON: {@code {version, status, millis, exercises: [{id, status, checks: [...], warnings: [...]}]}}. */
    public String json() {
        JsonObject root = new JsonObject();
        root.addProperty("version", 1);
        root.addProperty("status", ok() ? "pass" : "fail");
        root.addProperty("millis", millis);
        JsonArray exercises = new JsonArray();
        for (Map.Entry<String, List<Check>> e : checks.entrySet()) {
            JsonObject x = new JsonObject();
            x.addProperty("id", e.getKey());
            x.addProperty("status", e.getValue().stream().allMatch(Check::ok) ? "pass" : "fail");
            JsonArray cs = new JsonArray();
            for (Check c : e.getValue()) {
                JsonObject y = new JsonObject();
                y.addProperty("name", c.name());
                y.addProperty("status", c.ok() ? "pass" : "fail");
                y.addProperty("message", c.detail());
                y.addProperty("millis", c.millis());
                cs.add(y);
            }
            x.add("checks", cs);
            JsonArray ws = new JsonArray();
            warnings.getOrDefault(e.getKey(), List.of()).forEach(ws::add);
            x.add("warnings", ws);
            exercises.add(x);
        }
        root.add("exercises", exercises);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root);
    }
}
