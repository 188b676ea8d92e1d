package grade.course;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code grade verify} last found, kept in {@value #FILE} beside the grader: the course's
 * fingerprint (of every file under {@code exercises/}, {@code solutions/} and {@code grader/},
 * and of the grader itself: {@code grade.batch.Fingerprint#course}) and the days that passed
 * under it. A course is verified when every one of its days passed since its last change;
 * {@code grade dist} and {@code grade export gradescope} hand out only such a course (unless
 * forced).
 */
public final class Verified {
    static final String FILE = "target/verified.json";

    private Verified() {
    }

    /**
     * Records a verify of some days under {@code fingerprint} ({@code verified}: whether each
     * passed): those that passed are added to the days verified under it (a new fingerprint
     * starts afresh), those that failed removed.
     */
    public static void record(Path home, String fingerprint, Map<String, Boolean> verified) throws IOException {
        Set<String> days = passed(read(home), fingerprint);
        verified.forEach((day, ok) -> {
            if (ok) {
                days.add(day);
            } else {
                days.remove(day);
            }
        });
        JsonObject o = new JsonObject();
        o.addProperty("fingerprint", fingerprint);
        JsonArray list = new JsonArray();
        days.stream().sorted().forEach(list::add);
        o.add("passed", list);
        Path file = home.resolve(FILE);
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), "verified-", ".tmp");
        Files.writeString(tmp, o + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Why the course at {@code home} is not verified as it is now, in one sentence that says
     * what to run; empty when every day of it passed {@code grade verify} since its last change.
     */
    public static java.util.Optional<String> problem(Path home, Course course, String fingerprint) {
        JsonObject last = read(home);
        if (!last.has("fingerprint")) {
            return java.util.Optional.of("the course has not passed ./grade verify yet: run ./grade verify, fix what it finds, then try again");
        }
        Set<String> passed = passed(last, fingerprint);
        List<String> left = course.days().stream().map(Day::id).filter(d -> !passed.contains(d)).toList();
        if (left.isEmpty()) {
            return java.util.Optional.empty();
        }
        boolean changed = !last.get("fingerprint").getAsString().equals(fingerprint);
        return java.util.Optional.of((changed ? "the course (its exercises, solutions, hidden tests or grader) changed since it last passed ./grade verify"
                : "not every day passed ./grade verify since the course last changed")
                + ": run ./grade verify " + String.join(" ", left) + ", fix what it finds, then try again");
    }

    /** The days that passed under {@code fingerprint}, by the record {@code last}: none under another. */
    private static Set<String> passed(JsonObject last, String fingerprint) {
        Set<String> days = new LinkedHashSet<>();
        if (last.has("fingerprint") && last.get("fingerprint").getAsString().equals(fingerprint) && last.has("passed")) {
            last.getAsJsonArray("passed").forEach(d -> days.add(d.getAsString()));
        }
        return days;
    }

    private static JsonObject read(Path home) {
        try {
            return JsonParser.parseString(Files.readString(home.resolve(FILE), StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (IOException | RuntimeException e) {
            return new JsonObject();
        }
    }
}
