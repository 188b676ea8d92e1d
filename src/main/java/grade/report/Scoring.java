package grade.report;

import java.util.List;

/**
 * The one scoring function every output uses, in exact hundredths of a point ("cents"), so that
 * whatever adds up on paper adds up in every format.
 *
 * <p>Each test is worth a fixed share of its exercise's points, by weight (every test weighs 1
 * unless it says otherwise): points × weight / all weights, rounded down to a hundredth; the
 * hundredths left over go one each to the first tests whose share was rounded down, so the
 * tests' worths add up to the exercise's points exactly and each is within a hundredth of its
 * share. An exercise earns the sum of the worths of the tests it passes (so
 * nothing when it could not be run), and a grade the sum of its exercises.
 */
public final class Scoring {
    private Scoring() {
    }

    /** What each of {@code r}'s tests is worth, in hundredths, in the order of its tests. */
    public static long[] testMaxCents(ExerciseResult r) {
        List<TestResult> tests = r.tests();
        if (tests.isEmpty()) {
            return new long[0];
        }
        long points = 100L * r.maxScore();
        long weights = tests.stream().mapToLong(TestResult::weight).sum();
        long[] worth = new long[tests.size()];
        long left = points;
        for (int i = 0; i < worth.length; i++) {
            worth[i] = points * tests.get(i).weight() / weights;
            left -= worth[i];
        }
        // as many tests as hundredths are left have a share with a fraction: the first of them get one each
        for (int i = 0; left > 0; i++) {
            if (points * tests.get(i).weight() % weights != 0) {
                worth[i]++;
                left--;
            }
        }
        return worth;
    }

    /**
     * What a test of {@code r} worth {@code worth} hundredths earned: its worth when it passed,
     * else nothing; nothing at all when {@code r} was stopped at a limit of the run.
     */
    public static long earned(ExerciseResult r, TestResult t, long worth) {
        return t.status() == Status.PASS && !r.stopped().equals("limit") ? worth : 0;
    }

    /** What the {@code i}th of {@code r}'s tests earned, in hundredths. */
    public static long testCents(ExerciseResult r, int i) {
        return earned(r, r.tests().get(i), testMaxCents(r)[i]);
    }

    /**
     * What {@code r} earned, in hundredths: the worths of the tests it passed; nothing when it
     * was stopped at a limit of the run.
     */
    public static long cents(ExerciseResult r) {
        long[] worth = testMaxCents(r);
        long sum = 0;
        for (int i = 0; i < worth.length; i++) {
            sum += earned(r, r.tests().get(i), worth[i]);
        }
        return sum;
    }

    /** What a grade earned, in hundredths: the sum of its exercises. */
    public static long totalCents(List<ExerciseResult> results) {
        return results.stream().mapToLong(Scoring::cents).sum();
    }

    public static double score(ExerciseResult r) {
        return points(cents(r));
    }

    public static double total(List<ExerciseResult> results) {
        return points(totalCents(results));
    }

    /**
     * Hundredths as a number of points: exact to print (a double prints the shortest decimal
     * that reads back as itself, here never more than two places), never summed as a double.
     */
    public static double points(long cents) {
        return cents / 100.0;
    }

    /** A figure made from scores (a mean, a median), to the hundredth as scores are shown. */
    public static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /** A score as people write it: 10, 7.5, 3.33. */
    public static String show(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    /** Hundredths as people write them: 10, 7.5, 3.33. */
    public static String showCents(long cents) {
        return show(points(cents));
    }
}
