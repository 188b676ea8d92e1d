package grade.report;

import grade.course.Exercise;
import java.util.List;

/**
 * One exercise's grade.
 *
 * @param message why it could not be run (compile errors) or a summary; empty on pass
 */
public record ExerciseResult(Exercise exercise, Status status, String message, List<TestResult> tests, long millis) {

    public double score() {
        return Scoring.score(this);
    }

    public int maxScore() {
        return exercise.points();
    }

    public long passed() {
        return tests.stream().filter(t -> t.status() == Status.PASS).count();
    }

    /** An exercise that could not be run at all. */
    public static ExerciseResult error(Exercise e, String message) {
        return new ExerciseResult(e, Status.ERROR, message, List.of(), 0);
    }

    /** An exercise whose tests ran: pass when all passed. */
    public static ExerciseResult of(Exercise e, List<TestResult> tests, long millis) {
        Status s = tests.isEmpty() ? Status.ERROR
                : tests.stream().allMatch(t -> t.status() == Status.PASS) ? Status.PASS
                : tests.stream().allMatch(t -> t.status() == Status.ERROR) ? Status.ERROR : Status.FAIL;
        long failed = tests.stream().filter(t -> t.status() != Status.PASS).count();
        String message = switch (s) {
            case PASS -> "";
            case FAIL -> failed + " of " + tests.size() + (tests.size() == 1 ? " test" : " tests") + " failed";
            case ERROR -> tests.isEmpty() ? "no test ran" : tests.get(0).message();
        };
        return new ExerciseResult(e, s, message, List.copyOf(tests), millis);
    }
}
