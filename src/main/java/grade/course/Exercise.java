package grade.course;

import java.nio.file.Path;
import java.util.List;

/**
 * One exercise of the course, as its {@code exercise.json} describes it.
 *
 * @param id      {@code dayNN/slug}, as learners type it
 * @param title   short title in both languages
 * @param files   the learner's files, relative to the workspace, such as {@code day03/Offsets.java}
 * @param tests   the hidden test classes, compiled into the grader
 * @param points  what passing every test is worth
 * @param timeoutSeconds the deadline of one hidden test
 * @param hints   from a nudge to nearly the answer
 * @param dir     the exercise's folder under {@code exercises/}
 * @param equivalentMutants the reference solution's mutants that no test can tell from it ({@code grade mutants})
 */
public record Exercise(String id, Localized title, List<String> files, List<String> tests, int points,
                       int timeoutSeconds, List<Localized> hints, Path dir, List<EquivalentMutant> equivalentMutants) {

    /** An exercise without recorded equivalent mutants. */
    public Exercise(String id, Localized title, List<String> files, List<String> tests, int points,
                    int timeoutSeconds, List<Localized> hints, Path dir) {
        this(id, title, files, tests, points, timeoutSeconds, hints, dir, List.of());
    }

    public String day() {
        return id.substring(0, id.indexOf('/'));
    }

    public String slug() {
        return id.substring(id.indexOf('/') + 1);
    }

    /** The statement in the given language. */
    public Path statement(Lang lang) {
        return dir.resolve(lang == Lang.ZH ? "README.zh.md" : "README.md");
    }

    /** The folder whose layout mirrors the workspace: {@code starter/day03/Offsets.java}. */
    public Path starterRoot() {
        return dir.resolve("starter");
    }
}
