package grade.cli;

import grade.course.Catalogue;
import grade.course.Course;
import grade.course.Day;
import grade.course.Exercise;
import grade.workspace.Workspace;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What every command needs: the course, the chosen exercises, the workspace. */
final class Context {
    final Path home;
    final Course course;
    final CommonOptions options;

    Context(CommonOptions options) {
        this.options = options;
        this.home = Home.find();
        this.course = Catalogue.load(home);
    }

    Day day(String id) {
        return day(id, List.of());
    }

    /**
     * The day {@code id} names; for an unknown one a usage error that suggests the closest
     * days, or of {@code commands} when the word was meant as one ({@code grade whatch}).
     */
    Day day(String id, java.util.Collection<String> commands) {
        String norm = id.matches("\\d{1,2}") ? String.format("day%02d", Integer.parseInt(id)) : id.toLowerCase(java.util.Locale.ROOT);
        Optional<Day> d = course.day(norm);
        if (d.isEmpty()) {
            List<String> names = course.days().stream().map(Day::id).toList();
            boolean command = !commands.isEmpty() && !norm.matches("day\\d*");
            List<String> near = Course.closest(norm, command ? java.util.stream.Stream.concat(names.stream(), commands.stream()).toList() : names);
            throw new UserError("there is no " + (command ? "day or command" : "day") + " \"" + id + "\"."
                    + (near.isEmpty() ? "" : " Did you mean " + String.join(" or ", near) + "?")
                    + " The days are: " + String.join(", ", names) + (command ? "; `grade --help` lists the commands." : ""));
        }
        return d.get();
    }

    Exercise exercise(Day day, String slug) {
        String s = slug.contains("/") ? slug.substring(slug.indexOf('/') + 1) : slug;
        for (Exercise e : day.exercises()) {
            if (e.slug().equalsIgnoreCase(s)) {
                return e;
            }
        }
        List<String> names = day.exercises().stream().map(Exercise::slug).toList();
        List<String> near = Course.closest(s, names);
        throw new UserError(day.id() + " has no exercise \"" + slug + "\"."
                + (near.isEmpty() ? "" : " Did you mean " + String.join(" or ", near) + "?")
                + " Its exercises are: " + String.join(", ", names));
    }

    /** The exercises named by DAY [EXERCISE...], or every exercise of the course when none is named. */
    List<Exercise> select(List<String> days, List<String> slugs) {
        if (days.isEmpty()) {
            return course.exercises();
        }
        List<Exercise> out = new ArrayList<>();
        for (String d : days) {
            Day day = day(d);
            if (slugs.isEmpty()) {
                out.addAll(day.exercises());
            } else {
                slugs.forEach(s -> out.add(exercise(day, s)));
            }
        }
        return out;
    }

    /**
     * The workspace: the one given with -w, else the nearest, else the default one, made now
     * (saying where on {@code log}) when {@code create} is set.
     */
    Optional<Workspace> workspace(boolean create, PrintStream log) {
        Optional<Workspace> found = options.workspace != null ? Optional.of(Workspace.open(options.workspace))
                : Workspace.find(options.cwd(), home);
        if (found.isPresent()) {
            List<String> added = found.get().addNewExercises(course);
            if (!added.isEmpty()) {
                log.println(options.lang().pick("Added the starters of new exercises to your workspace: ",
                        "把新练习的初始文件加进了你的工作区：") + String.join(", ", added));
            }
            return found;
        }
        if (!create) {
            return found;
        }
        Path def = home.resolve(Workspace.DEFAULT_NAME);
        if (Files.exists(def) && !Workspace.isWorkspace(def)) {
            throw new UserError(def + " exists but is not a workspace; move it away, or run `grade init` on another folder and pass it with -w");
        }
        Workspace.Init init = Workspace.init(def, course);
        log.println(options.lang().pick("Created your workspace at " + init.workspace().root() + " with " + init.copied().size()
                + " starter files. Edit the files there; grade never changes them.", "在 " + init.workspace().root() + " 建好了你的工作区，里面有 "
                + init.copied().size() + " 个初始文件。在那里编辑这些文件；grade 从不改动它们。"));
        return Optional.of(init.workspace());
    }

    Path cacheFor(Optional<Workspace> w) {
        if (w.isPresent()) {
            return w.get().gradeDir().resolve("build");
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "grade-cache-" + System.getProperty("user.name", "user"));
    }
}
