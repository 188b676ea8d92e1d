package grade.course;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads and checks an exercise's {@code "equivalentMutants"}: a list of records, each what a mutant is and why it is equivalent. */
final class EquivalentMutants {
    static final String KEY = "equivalentMutants";
    private static final List<String> REQUIRED = List.of("class", "method", "mutator", "line", "reason");
    private static final Set<String> KEYS = Set.of("class", "method", "mutator", "line", "description", "reason");
    private static final String SHAPE = "{\"class\": \"day03.Offsets\", \"method\": \"readFrom\", \"mutator\": \"ConditionalsBoundaryMutator\","
            + " \"line\": \"if (available > limit) {\", \"description\": \"changed conditional boundary\", \"reason\": \"...\"}";

    private EquivalentMutants() {
    }

    /** The records of {@code json} (absent: none); each problem goes to {@code problems}, prefixed with {@code file}. */
    static List<EquivalentMutant> read(String file, JsonElement json, List<String> problems) {
        if (json == null) {
            return List.of();
        }
        if (!json.isJsonArray()) {
            problems.add(file + ": \"" + KEY + "\" should be a list of records, each " + SHAPE);
            return List.of();
        }
        List<EquivalentMutant> out = new ArrayList<>();
        int n = 0;
        for (JsonElement e : json.getAsJsonArray()) {
            n++;
            String where = file + ": equivalent mutant " + n;
            if (!e.isJsonObject()) {
                problems.add(where + " should be a record " + SHAPE);
                continue;
            }
            JsonObject o = e.getAsJsonObject();
            int before = problems.size();
            for (String key : o.keySet()) {
                if (!KEYS.contains(key)) {
                    problems.add(where + " has an unknown key \"" + key + "\"; its keys are: " + String.join(", ", KEYS.stream().sorted().toList()));
                }
            }
            for (String key : REQUIRED) {
                if (text(o, key).isBlank()) {
                    problems.add(where + " has no \"" + key + "\"" + (key.equals("reason")
                            ? "; give one line that says why no test can tell the mutant from the solution"
                            : "; copy the record that `grade mutants` prints for the survivor"));
                }
            }
            if (o.has("description") && text(o, "description").isBlank()) {
                problems.add(where + " has an empty \"description\"; give PIT's words for the change, or leave the key out");
            }
            if (text(o, "reason").contains("\n")) {
                problems.add(where + " has a \"reason\" of more than one line; say it in one line");
            }
            if (problems.size() == before) {
                out.add(new EquivalentMutant(text(o, "class"), text(o, "method"), text(o, "mutator"), text(o, "line").strip(),
                        text(o, "description"), text(o, "reason").strip()));
            }
        }
        return List.copyOf(out);
    }

    /** The text of {@code key}, or "" when it is absent or not a text. */
    private static String text(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString() ? e.getAsString() : "";
    }
}
