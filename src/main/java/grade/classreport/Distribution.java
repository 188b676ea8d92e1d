package grade.classreport;

import grade.report.Scoring;
import java.util.Arrays;
import java.util.List;

/**
 * How the scores of one exercise, or of the whole batch, are spread: mean, median, how many
 * have full marks and how many nothing, and a histogram of {@link #BINS} equal ranges of the
 * points (the last one closed: it holds full marks).
 */
record Distribution(double max, int count, double mean, double median, int full, int zero, int[] bins) {
    static final int BINS = 10;

    static Distribution of(List<Double> scores, double max) {
        double[] sorted = scores.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        int[] bins = new int[BINS];
        for (double s : sorted) {
            bins[bin(s, max)]++;
        }
        double mean = n == 0 ? 0 : Arrays.stream(sorted).sum() / n;
        double median = n == 0 ? 0 : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        int full = (int) Arrays.stream(sorted).filter(s -> max > 0 && s >= max - 1e-9).count();
        int zero = (int) Arrays.stream(sorted).filter(s -> s <= 1e-9).count();
        return new Distribution(max, n, Scoring.round(mean), Scoring.round(median), full, zero, bins);
    }

    /** The bin of a score: [i·w, (i+1)·w) with w = max / BINS, full marks in the last. */
    static int bin(double score, double max) {
        if (max <= 0) {
            return 0;
        }
        return Math.max(0, Math.min(BINS - 1, (int) Math.floor(score / max * BINS + 1e-9)));
    }

    /** The lower bound of bin {@code i}. */
    double lower(int i) {
        return max * i / BINS;
    }
}
