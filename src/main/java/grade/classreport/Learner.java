package grade.classreport;

import com.google.gson.JsonObject;
import grade.batch.JsonFields;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One submission's result as the class report reads it from {@code results/NAME.json} (the
 * {@code --format json} result plus submission, graded and note). Hidden tests are there in
 * full: the report is the instructor's.
 *
 * @param graded    false when the submission could not be graded at all (the note says why)
 * @param exercises by id, in the result's order
 */
record Learner(String name, boolean graded, String note, double score, double maxScore, Map<String, Exercise> exercises) {

    record Exercise(String id, String status, String message, double score, double maxScore, List<Test> tests) {
        Optional<Test> test(String name) {
            return tests.stream().filter(t -> t.name().equals(name)).findFirst();
        }

        /** What the grader put in place of tests that did not run (the run crashed or hung), if anything. */
        Optional<Test> standIn() {
            return tests.stream().filter(Test::standIn).findFirst();
        }
    }

    /** @param visibility visible, hidden or hidden_until (then {@code until} is its last hidden day) */
    record Test(String name, String status, String message, String output, String visibility, String until) {
        boolean passed() {
            return status.equals("pass");
        }

        /**
         * The grader's stand-in for the tests a run did not reach, such as "(the rest of the
         * tests)" after a crash: an error named in brackets, not a test of the exercise.
         */
        boolean standIn() {
            return status.equals("error") && name.startsWith("(") && name.endsWith(")");
        }

        boolean hidden() {
            return !visibility.isEmpty() && !visibility.equals("visible");
        }
    }

    Optional<Exercise> exercise(String id) {
        return Optional.ofNullable(exercises.get(id));
    }

    /** The part of the note about one exercise, such as "missing" for "day03/tail missing". */
    Optional<String> problem(String exerciseId) {
        for (String part : note.split("; ")) {
            if (part.startsWith(exerciseId + " ")) {
                return Optional.of(part.substring(exerciseId.length() + 1));
            }
        }
        return Optional.empty();
    }

    /** A submission whose result could not be read: it counts as not graded, and says why. */
    static Learner unreadable(String name, String why) {
        return new Learner(name, false, why, 0, 0, Map.of());
    }

    /** Reads a result field by field; what is missing or of another shape is taken as empty. */
    static Learner of(String name, JsonObject o) {
        Map<String, Exercise> exercises = new LinkedHashMap<>();
        JsonFields.objects(o, "exercises").stream().map(x -> new Exercise(
                JsonFields.string(x, "id"), JsonFields.string(x, "status"), JsonFields.string(x, "message"),
                JsonFields.number(x, "score"), JsonFields.number(x, "max_score"),
                JsonFields.objects(x, "tests").stream().map(t -> new Test(JsonFields.string(t, "name"),
                        JsonFields.string(t, "status"), JsonFields.string(t, "message"), JsonFields.string(t, "output"),
                        JsonFields.string(t, "visibility"), JsonFields.string(t, "until"))).toList()))
                .forEach(e -> exercises.putIfAbsent(e.id(), e));
        return new Learner(name, JsonFields.bool(o, "graded", true), JsonFields.string(o, "note"),
                JsonFields.number(o, "score"), JsonFields.number(o, "max_score"), exercises);
    }
}
