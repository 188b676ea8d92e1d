package grade.workspace;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import grade.course.Course;
import grade.course.Exercise;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A learner's workspace: copies of the starters that the learner edits, plus the grader's own
 * files under {@code .grade/}. The grader never changes a learner's file here.
 */
public final class Workspace {
    /** The marker that makes a folder a workspace. */
    public static final String MARKER = ".grade/workspace.json";
    /** The default workspace's folder name, beside the launcher. */
    public static final String DEFAULT_NAME = "homework";

    private final Path root;

    private Workspace(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** The grader's own folder inside the workspace. */
    public Path gradeDir() {
        return root.resolve(".grade");
    }

    public static boolean isWorkspace(Path dir) {
        return Files.isRegularFile(dir.resolve(MARKER));
    }

    /** Opens an existing workspace, or explains what is wrong with the folder. */
    public static Workspace open(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(abs)) {
            throw new WorkspaceException("there is no workspace at " + abs + ": the folder does not exist. Create one with `grade init " + dir + "`");
        }
        if (!isWorkspace(abs)) {
            throw new WorkspaceException(abs + " is not a workspace (it has no " + MARKER + "). Create one with `grade init " + dir + "`");
        }
        return new Workspace(abs);
    }

    /** The nearest workspace at or above {@code from}, or the default one below {@code home}. */
    public static Optional<Workspace> find(Path from, Path home) {
        for (Path p = from.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            if (isWorkspace(p)) {
                return Optional.of(new Workspace(p));
            }
            if (isWorkspace(p.resolve(DEFAULT_NAME))) {
                return Optional.of(new Workspace(p.resolve(DEFAULT_NAME)));
            }
        }
        Path def = home.resolve(DEFAULT_NAME);
        return isWorkspace(def) ? Optional.of(new Workspace(def.toAbsolutePath().normalize())) : Optional.empty();
    }

    /**
     * Creates a workspace, or completes an existing one: copies every starter file that is not
     * there yet and never overwrites anything. Returns the files it copied, relative to the root.
     */
    public static Init init(Path dir, Course course) {
        Path abs = dir.toAbsolutePath().normalize();
        boolean existed = isWorkspace(abs);
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            throw new WorkspaceException(abs + " is a file, not a folder; choose another place for the workspace");
        }
        List<String> copied = new ArrayList<>();
        try {
            Files.createDirectories(abs.resolve(".grade"));
            if (!existed) {
                Files.writeString(abs.resolve(MARKER), "{\"version\": 1}\n", StandardCharsets.UTF_8);
                Path ignore = abs.resolve(".grade/.gitignore");
                Files.writeString(ignore, "build/\ntmp/\n", StandardCharsets.UTF_8);
            }
            for (Exercise e : course.exercises()) {
                for (String f : e.files()) {
                    Path target = abs.resolve(f);
                    if (!Files.exists(target)) {
                        Files.createDirectories(target.getParent());
                        Files.copy(e.starterRoot().resolve(f), target);
                        copied.add(f);
                    }
                }
            }
            new Workspace(abs).remember(course);
        } catch (IOException e) {
            throw new WorkspaceException("could not create the workspace at " + abs + ": " + e.getMessage());
        }
        return new Init(new Workspace(abs), existed, copied);
    }

    /**
     * Adds the starters of exercises the workspace has not had yet (the course gained an
     * exercise since the workspace was made); the marker lists the exercises it has had. A file
     * the learner deleted is never put back, so its exercise is graded as missing, as everywhere
     * else: {@code grade init} or {@code grade reset} put starters back when asked. A workspace
     * made before the marker listed them counts the exercises with a file of theirs as had.
     */
    public List<String> addNewExercises(Course course) {
        Optional<Set<String>> had = exercisesHad();
        List<String> added = new ArrayList<>();
        for (Exercise e : course.exercises()) {
            boolean isNew = had.map(h -> !h.contains(e.id())).orElse(e.files().stream().noneMatch(f -> Files.exists(root.resolve(f))));
            if (isNew) {
                for (String f : e.files()) {
                    Path target = root.resolve(f);
                    try {
                        Files.createDirectories(target.getParent());
                        Files.copy(e.starterRoot().resolve(f), target);
                        added.add(f);
                    } catch (IOException ex) {
                        throw new WorkspaceException("could not add the starter " + f + " to " + root + ": " + ex.getMessage());
                    }
                }
            }
        }
        if (had.isEmpty() || !had.get().containsAll(course.exercises().stream().map(Exercise::id).toList())) {
            try {
                remember(course);
            } catch (IOException ex) {
                // only bookkeeping: a workspace that cannot be written is graded all the same, and remembered next time
            }
        }
        return added;
    }

    /** The exercises the marker says the workspace has had, if it says. */
    private Optional<Set<String>> exercisesHad() {
        try {
            JsonObject o = JsonParser.parseString(Files.readString(root.resolve(MARKER), StandardCharsets.UTF_8)).getAsJsonObject();
            if (!o.has("exercises")) {
                return Optional.empty();
            }
            Set<String> ids = new LinkedHashSet<>();
            o.getAsJsonArray("exercises").forEach(x -> ids.add(x.getAsString()));
            return Optional.of(ids);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Records in the marker that the workspace has had every exercise of {@code course} (and those it had). */
    private void remember(Course course) throws IOException {
        Set<String> ids = new LinkedHashSet<>(exercisesHad().orElse(Set.of()));
        course.exercises().forEach(e -> ids.add(e.id()));
        JsonObject o = new JsonObject();
        o.addProperty("version", 1);
        JsonArray list = new JsonArray();
        ids.forEach(list::add);
        o.add("exercises", list);
        Path tmp = Files.createTempFile(gradeDir(), "workspace-", ".tmp");
        Files.writeString(tmp, o + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, root.resolve(MARKER), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** What {@link #init} did. */
    public record Init(Workspace workspace, boolean existed, List<String> copied) {
    }
}
