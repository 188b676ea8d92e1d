package grade.report;

import java.util.List;

/**
 * The one scoring function every output uses: an exercise earns its points in proportion to the
 * weights of the hidden tests it passes (every test weighs 1 unless it says otherwise); an
 * exercise that could not be run earns nothing. A test's share is the exercise's points times
 * its weight over the sum of the weights. Scores are rounded to two decimals.
 */
public final class Scoring {
    private Scoring() {
    }

    public static double score(ExerciseResult r) {
        if (r.status() == Status.ERROR || r.tests().isEmpty()) {
            return 0;
        }
        long passed = r.tests().stream().filter(t -> t.status() == Status.PASS).mapToLong(TestResult::weight).sum();
        return round(r.maxScore() * (double) passed / totalWeight(r));
    }

    public static double total(List<ExerciseResult> results) {
        return round(results.stream().mapToDouble(Scoring::score).sum());
    }

    /**
     * What {@code t}, one of {@code r}'s tests, is worth: the exercise's points × its weight / the
     * sum of the weights. The stand-in for an exercise that ran no test is worth all its points.
     */
    public static double testMaxScore(ExerciseResult r, TestResult t) {
        long total = totalWeight(r);
        return total == 0 ? r.maxScore() : round(r.maxScore() * (double) t.weight() / total);
    }

    /** What {@code t} earned: its share when it passed, else nothing. */
    public static double testScore(ExerciseResult r, TestResult t) {
        return t.status() == Status.PASS && r.status() != Status.ERROR ? testMaxScore(r, t) : 0;
    }

    private static long totalWeight(ExerciseResult r) {
        return r.tests().stream().mapToLong(TestResult::weight).sum();
    }

    /** Rounded to two decimals, as every score is. */
    public static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /** A score as people write it: 10, 7.5, 3.33. */
    public static String show(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
