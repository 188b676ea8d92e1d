package grade.batch;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;

/**
 * Reads the fields of the batch's JSON files one by one, for readers that must not fail on a
 * file written by another version: a field that is missing or of another shape gives the
 * default, and fields added later are ignored.
 */
public final class JsonFields {
    private JsonFields() {
    }

    public static String string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonPrimitive() ? e.getAsString() : "";
    }

    public static double number(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber() ? e.getAsDouble() : 0;
    }

    public static boolean bool(JsonObject o, String key, boolean otherwise) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean() ? e.getAsBoolean() : otherwise;
    }

    public static List<String> strings(JsonObject o, String key) {
        return array(o, key).stream().filter(JsonElement::isJsonPrimitive).map(JsonElement::getAsString).toList();
    }

    public static List<JsonObject> objects(JsonObject o, String key) {
        return array(o, key).stream().filter(JsonElement::isJsonObject).map(JsonElement::getAsJsonObject).toList();
    }

    private static List<JsonElement> array(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonArray() ? e.getAsJsonArray().asList() : List.of();
    }
}
