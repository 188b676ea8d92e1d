package grade.course;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads and checks the course under {@code exercises/}: one folder per day with a
 * {@code day.json}, one folder per exercise with an {@code exercise.json}, both statements and
 * the starter files. Every mistake is collected and reported with its file and what to fix.
 */
public final class Catalogue {
    static final Set<String> DAY_KEYS = Set.of("title", "exercises");
    static final Set<String> EXERCISE_KEYS = Set.of("id", "title", "files", "tests", "points", "timeout", "hints",
            EquivalentMutants.KEY);
    private static final Pattern DAY = Pattern.compile("day\\d\\d");
    private static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Pattern FILE = Pattern.compile("day\\d\\d/[A-Z][A-Za-z0-9]*\\.java");
    private static final Pattern CLASS = Pattern.compile("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)*");

    private final Path home;
    private final List<String> problems = new ArrayList<>();

    private Catalogue(Path home) {
        this.home = home;
    }

    /** Loads the course of the given home folder, or throws with every problem found. */
    public static Course load(Path home) {
        return new Catalogue(home).read();
    }

    private Course read() {
        Path root = home.resolve("exercises");
        if (!Files.isDirectory(root)) {
            throw new CatalogueException(List.of(root + ": the course folder is missing; the grader expects exercises/ beside its launcher"));
        }
        List<Day> days = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        try (Stream<Path> s = Files.list(root)) {
            for (Path dayDir : s.filter(Files::isDirectory).sorted().toList()) {
                String name = dayDir.getFileName().toString();
                if (!DAY.matcher(name).matches()) {
                    problems.add(rel(dayDir) + ": a day's folder is named dayNN (two digits), such as day03");
                    continue;
                }
                Day day = readDay(dayDir, ids);
                if (day != null) {
                    days.add(day);
                }
            }
        } catch (IOException e) {
            problems.add(rel(root) + ": cannot be read (" + e.getMessage() + ")");
        }
        if (!problems.isEmpty()) {
            throw new CatalogueException(problems);
        }
        return new Course(home, List.copyOf(days));
    }

    private Day readDay(Path dayDir, Set<String> ids) throws IOException {
        Path file = dayDir.resolve("day.json");
        JsonObject json = object(file);
        if (json == null) {
            return null;
        }
        unknownKeys(file, json, DAY_KEYS);
        Localized title = localized(file, json, "title");
        List<String> order = strings(file, json, "exercises");
        Set<String> listed = new HashSet<>(order);
        try (Stream<Path> s = Files.list(dayDir)) {
            for (Path d : s.filter(Files::isDirectory).sorted().toList()) {
                if (!listed.contains(d.getFileName().toString())) {
                    problems.add(rel(file) + ": the folder " + d.getFileName() + "/ is not listed in \"exercises\"; add it there (in teaching order) or remove the folder");
                }
            }
        }
        List<Exercise> exercises = new ArrayList<>();
        for (String slug : order) {
            Path exDir = dayDir.resolve(slug);
            if (!SLUG.matcher(slug).matches()) {
                problems.add(rel(file) + ": \"" + slug + "\" is not a valid exercise name (lower-case letters, digits and dashes)");
            } else if (!Files.isDirectory(exDir)) {
                problems.add(rel(file) + ": lists \"" + slug + "\" but there is no folder " + rel(exDir) + "/");
            } else {
                Exercise e = readExercise(exDir, dayDir.getFileName() + "/" + slug);
                if (e != null) {
                    if (!ids.add(e.id())) {
                        problems.add(rel(exDir.resolve("exercise.json")) + ": the id \"" + e.id() + "\" is used twice; every exercise needs its own id");
                    } else {
                        exercises.add(e);
                    }
                }
            }
        }
        return title == null ? null : new Day(dayDir.getFileName().toString(), title, List.copyOf(exercises));
    }

    private Exercise readExercise(Path dir, String expectedId) {
        Path file = dir.resolve("exercise.json");
        JsonObject json = object(file);
        if (json == null) {
            return null;
        }
        int before = problems.size();
        unknownKeys(file, json, EXERCISE_KEYS);
        String id = string(file, json, "id");
        if (id != null && !id.equals(expectedId)) {
            problems.add(rel(file) + ": \"id\" is \"" + id + "\" but the folder says \"" + expectedId + "\"; make them the same");
        }
        Localized title = localized(file, json, "title");
        List<String> files = strings(file, json, "files");
        for (String f : files) {
            if (!FILE.matcher(f).matches()) {
                problems.add(rel(file) + ": the file \"" + f + "\" should look like dayNN/Name.java");
            } else if (!f.startsWith(expectedId.substring(0, 5) + "/")) {
                problems.add(rel(file) + ": the file \"" + f + "\" belongs in the folder " + expectedId.substring(0, 5) + "/");
            } else if (!Files.isRegularFile(dir.resolve("starter").resolve(f))) {
                problems.add(rel(dir.resolve("starter").resolve(f)) + ": the starter file is missing; every file in \"files\" needs a starter");
            }
        }
        List<String> tests = strings(file, json, "tests");
        for (String t : tests) {
            if (!CLASS.matcher(t).matches()) {
                problems.add(rel(file) + ": \"" + t + "\" in \"tests\" is not a class name such as day03.OffsetsTest");
            }
        }
        int points = positiveInt(file, json, "points", 10);
        int timeout = positiveInt(file, json, "timeout", 10);
        List<Localized> hints = new ArrayList<>();
        JsonElement h = json.get("hints");
        if (h == null || !h.isJsonArray()) {
            problems.add(rel(file) + ": \"hints\" is missing; give a list of hints, each {\"en\": \"...\", \"zh\": \"...\"}");
        } else {
            int n = 0;
            for (JsonElement e : h.getAsJsonArray()) {
                n++;
                if (!e.isJsonObject()) {
                    problems.add(rel(file) + ": hint " + n + " should be {\"en\": \"...\", \"zh\": \"...\"}");
                    continue;
                }
                Localized hint = localizedValue(file, e.getAsJsonObject(), "hint " + n);
                if (hint != null) {
                    hints.add(hint);
                }
            }
        }
        for (String statement : List.of("README.md", "README.zh.md")) {
            Path p = dir.resolve(statement);
            if (!Files.isRegularFile(p)) {
                problems.add(rel(p) + ": the statement is missing; every exercise has README.md (English) and README.zh.md (Chinese)");
            }
        }
        List<EquivalentMutant> equivalent = EquivalentMutants.read(rel(file), json.get(EquivalentMutants.KEY), problems);
        if (problems.size() > before) {
            return null;
        }
        return new Exercise(id, title, List.copyOf(files), List.copyOf(tests), points, timeout, List.copyOf(hints), dir, equivalent);
    }

    private JsonObject object(Path file) {
        if (!Files.isRegularFile(file)) {
            problems.add(rel(file) + ": is missing");
            return null;
        }
        try {
            JsonElement e = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
            if (!e.isJsonObject()) {
                problems.add(rel(file) + ": should hold one JSON object { ... }");
                return null;
            }
            return e.getAsJsonObject();
        } catch (JsonParseException e) {
            problems.add(rel(file) + ": is not valid JSON (" + firstLine(e.getMessage()) + ")");
        } catch (IOException e) {
            problems.add(rel(file) + ": cannot be read (" + e.getMessage() + ")");
        }
        return null;
    }

    private void unknownKeys(Path file, JsonObject json, Set<String> known) {
        for (String key : json.keySet()) {
            if (!known.contains(key)) {
                List<String> near = Course.closest(key, known.stream().sorted().toList());
                problems.add(rel(file) + ": unknown key \"" + key + "\""
                        + (near.isEmpty() ? "" : "; did you mean \"" + near.get(0) + "\"?")
                        + " The keys are: " + String.join(", ", known.stream().sorted().toList()));
            }
        }
    }

    private String string(Path file, JsonObject json, String key) {
        JsonElement e = json.get(key);
        if (e == null || !e.isJsonPrimitive() || e.getAsString().isBlank()) {
            problems.add(rel(file) + ": \"" + key + "\" is missing or empty");
            return null;
        }
        return e.getAsString();
    }

    private List<String> strings(Path file, JsonObject json, String key) {
        JsonElement e = json.get(key);
        if (e == null || !e.isJsonArray() || e.getAsJsonArray().isEmpty()) {
            problems.add(rel(file) + ": \"" + key + "\" should be a non-empty list of strings");
            return List.of();
        }
        List<String> out = new ArrayList<>();
        JsonArray a = e.getAsJsonArray();
        for (JsonElement x : a) {
            if (!x.isJsonPrimitive() || x.getAsString().isBlank()) {
                problems.add(rel(file) + ": \"" + key + "\" holds an empty or non-text entry");
            } else {
                out.add(x.getAsString());
            }
        }
        return out;
    }

    private Localized localized(Path file, JsonObject json, String key) {
        JsonElement e = json.get(key);
        if (e == null || !e.isJsonObject()) {
            problems.add(rel(file) + ": \"" + key + "\" should be {\"en\": \"...\", \"zh\": \"...\"}");
            return null;
        }
        return localizedValue(file, e.getAsJsonObject(), "\"" + key + "\"");
    }

    private Localized localizedValue(Path file, JsonObject o, String what) {
        String en = o.has("en") && o.get("en").isJsonPrimitive() ? o.get("en").getAsString() : "";
        String zh = o.has("zh") && o.get("zh").isJsonPrimitive() ? o.get("zh").getAsString() : "";
        for (String key : o.keySet()) {
            if (!key.equals("en") && !key.equals("zh")) {
                problems.add(rel(file) + ": " + what + " has an unknown language \"" + key + "\"; use \"en\" and \"zh\"");
            }
        }
        if (en.isBlank() || zh.isBlank()) {
            problems.add(rel(file) + ": " + what + " is empty in " + (en.isBlank() ? "English (\"en\")" : "Chinese (\"zh\")")
                    + "; write it in both languages, or remove it");
            return null;
        }
        return new Localized(en, zh);
    }

    private int positiveInt(Path file, JsonObject json, String key, int fallback) {
        JsonElement e = json.get(key);
        if (e == null) {
            return fallback;
        }
        try {
            int v = e.getAsInt();
            if (v > 0 && e.getAsDouble() == v) {
                return v;
            }
        } catch (RuntimeException ignored) {
            // reported below
        }
        problems.add(rel(file) + ": \"" + key + "\" should be a whole number above 0, not " + e);
        return fallback;
    }

    private String rel(Path p) {
        try {
            return home.relativize(p).toString().replace('\\', '/');
        } catch (IllegalArgumentException e) {
            return p.toString();
        }
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
