package grade.workspace;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.annotations.SerializedName;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The learner's progress, in one file ({@code .grade/state.json}) written atomically: per
 * exercise its status, attempts, last grade, best score and hints shown. A corrupt file is set
 * aside (never deleted) and the state is rebuilt as the learner grades.
 */
public final class State {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    /** One exercise's progress. */
    public static final class Progress {
        public String status = "not tried";
        public int attempts;
        @SerializedName("last_graded")
        public String lastGraded;
        @SerializedName("best_score")
        public double bestScore;
        @SerializedName("hints_shown")
        public int hintsShown;
    }

    private static final class Data {
        int version = 1;
        Map<String, Progress> exercises = new TreeMap<>();
        @SerializedName("days_shown")
        Set<String> daysShown = new LinkedHashSet<>();
    }

    private final Path file;
    private final Data data;
    private final String warning;

    private State(Path file, Data data, String warning) {
        this.file = file;
        this.data = data;
        this.warning = warning;
    }

    /** Reads the state; a missing file is a fresh start, a corrupt one is set aside with a warning. */
    public static State load(Workspace w) {
        Path file = w.gradeDir().resolve("state.json");
        if (!Files.exists(file)) {
            return new State(file, new Data(), null);
        }
        try {
            Data d = GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), Data.class);
            if (d == null || d.exercises == null || d.daysShown == null || d.exercises.containsValue(null)) {
                throw new JsonParseException("it does not hold the expected fields");
            }
            return new State(file, d, null);
        } catch (IOException | JsonParseException | IllegalStateException e) {
            Path aside = file.resolveSibling("state.json.corrupt-" + Instant.now().toString().replace(':', '-'));
            String why = e instanceof JsonParseException || e instanceof IllegalStateException
                    ? "it is not valid JSON: " + String.valueOf(e.getMessage()).replaceAll("^[\\w.]+(Exception|Error): ", "").lines().findFirst().orElse("")
                    : String.valueOf(e.getMessage());
            try {
                Files.move(file, aside);
            } catch (IOException moveFailed) {
                aside = file;
            }
            return new State(file, new Data(), "your progress file " + file + " could not be read (" + why
                    + "); it was kept as " + aside.getFileName() + " and your progress will be rebuilt as you grade");
        }
    }

    /** A message for the learner when the file was corrupt, else null. */
    public String warning() {
        return warning;
    }

    public Progress progress(String exerciseId) {
        return data.exercises.computeIfAbsent(exerciseId, k -> new Progress());
    }

    public Map<String, Progress> all() {
        return data.exercises;
    }

    /** Records a grade of an exercise. */
    public void graded(String exerciseId, String status, double score) {
        Progress p = progress(exerciseId);
        p.status = status;
        p.attempts++;
        p.lastGraded = Instant.now().toString();
        p.bestScore = Math.max(p.bestScore, score);
    }

    /** Records the outcome of every exercise a grade graded, and saves. */
    public void record(grade.report.GradeReport report) {
        for (grade.report.ExerciseResult r : report.exercises()) {
            graded(r.exercise().id(), r.status().json(), r.score());
        }
        save();
    }

    /**
     * Shows hints of an exercise that has {@code count} of them: every one with {@code all}, else
     * those shown before and one more. Records how many were shown and saves; returns that many.
     */
    public int showHints(String exerciseId, int count, boolean all) {
        Progress p = progress(exerciseId);
        int upTo = all ? count : Math.min(count, p.hintsShown + 1);
        p.hintsShown = Math.max(p.hintsShown, upTo);
        save();
        return upTo;
    }

    /** Whether the day's statements were shown before; marks them shown. */
    public boolean firstShowing(String day) {
        return data.daysShown.add(day);
    }

    /** Writes the file atomically: a new file beside it, then a rename. */
    public void save() {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "state-", ".tmp");
            Files.writeString(tmp, GSON.toJson(data), StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new WorkspaceException("could not save your progress in " + file + ": " + e.getMessage()
                    + ". Is the workspace read-only or the disk full?");
        }
    }
}
