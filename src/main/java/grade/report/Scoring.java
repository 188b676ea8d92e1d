package grade.report;

import java.util.List;

/**
 * The one scoring function every output uses: an exercise earns its points in proportion to the
 * hidden tests it passes; an exercise that could not be run earns nothing. Scores are rounded to
 * two decimals.
 */
public final class Scoring {
    private Scoring() {
    }

    public static double score(ExerciseResult r) {
        if (r.status() == Status.ERROR || r.tests().isEmpty()) {
            return 0;
        }
        return round(r.maxScore() * (double) r.passed() / r.tests().size());
    }

    public static double total(List<ExerciseResult> results) {
        return round(results.stream().mapToDouble(Scoring::score).sum());
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /** A score as people write it: 10, 7.5, 3.33. */
    public static String show(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
