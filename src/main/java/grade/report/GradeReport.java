package grade.report;

import java.util.List;

/**
 * The result of one grade: every exercise graded, what was graded (a workspace, the solutions),
 * and how long it took. Every output format is written from this.
 */
public record GradeReport(String source, List<ExerciseResult> exercises, long millis) {

    public double score() {
        return Scoring.total(exercises);
    }

    /** The score in hundredths of a point, exact: the sum of the exercises'. */
    public long cents() {
        return Scoring.totalCents(exercises);
    }

    public int maxScore() {
        return exercises.stream().mapToInt(ExerciseResult::maxScore).sum();
    }

    /** pass if every exercise passed; error if none could be run; fail otherwise. */
    public Status status() {
        if (!exercises.isEmpty() && exercises.stream().allMatch(e -> e.status() == Status.PASS)) {
            return Status.PASS;
        }
        if (!exercises.isEmpty() && exercises.stream().allMatch(e -> e.status() == Status.ERROR)) {
            return Status.ERROR;
        }
        return Status.FAIL;
    }

    public int exitCode() {
        return status() == Status.PASS ? 0 : 1;
    }
}
