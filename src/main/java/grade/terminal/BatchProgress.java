package grade.terminal;

import grade.batch.Batch;
import grade.course.Lang;
import grade.report.Scoring;
import java.io.PrintStream;

/**
 * How far a batch is, on stderr: on a terminal one line that redraws itself
 * ({@code [=====>    ] 23/50  2 running  last: alice 7/10}); into a pipe or a file one plain
 * line per finished submission.
 */
public abstract class BatchProgress implements Batch.Progress {
    protected final PrintStream err;
    protected final int total;
    /** What a submission can score at most. */
    protected final int max;
    protected final Lang lang;
    protected int done;
    protected int running;

    BatchProgress(PrintStream err, int total, int max, Lang lang) {
        this.err = err;
        this.total = total;
        this.max = max;
        this.lang = lang;
    }

    public static BatchProgress create(PrintStream err, int total, int max, Lang lang) {
        boolean terminal = Terminal.fancy();
        return terminal ? new Bar(err, total, max, Terminal.width(), lang) : new Lines(err, total, max, lang);
    }

    @Override
    public synchronized void started() {
        running++;
        show(null);
    }

    @Override
    public synchronized void finished(Batch.Outcome o) {
        running--;
        done++;
        show(o);
    }

    abstract void show(Batch.Outcome last);

    public void close() {
    }

    /** A submission's name, mark and score as the progress shows it. */
    String describe(Batch.Outcome o) {
        String score = Scoring.show(o.row().total()) + "/" + max;
        return switch (o.kind()) {
            case GRADED -> o.submission().name() + " " + score;
            case SKIPPED -> o.submission().name() + " " + score + lang.pick(" (unchanged)", "（没有变化）");
            case BROKEN, INTERNAL -> o.submission().name() + lang.pick(" not graded: ", " 没有评分：") + o.row().note();
        };
    }

    /** One line per finished submission. */
    static final class Lines extends BatchProgress {
        Lines(PrintStream err, int total, int max, Lang lang) {
            super(err, total, max, lang);
        }

        @Override
        void show(Batch.Outcome last) {
            if (last != null) {
                err.println("[" + done + "/" + total + "] " + grade.kit.Text.line(describe(last)));
            }
        }
    }

    /** One line that redraws itself. */
    static final class Bar extends BatchProgress {
        private static final int WIDTH = 20;
        private final int columns;
        private String lastText = "";

        Bar(PrintStream err, int total, int max, int columns, Lang lang) {
            super(err, total, max, lang);
            this.columns = columns >= 20 ? columns : 80; // a terminal that does not say its size
        }

        @Override
        void show(Batch.Outcome last) {
            if (last != null) {
                lastText = lang.pick("  last: ", "  刚评完：") + grade.kit.Text.line(describe(last));
            }
            err.print("\r\033[K" + line(done, total, running + lang.pick(" running", " 份进行中"), lastText, columns));
            err.flush();
        }

        /** The bar's line, cut to fit {@code columns}: {@code [=====>    ] 23/50  2 running} and {@code last}. */
        static String line(int done, int total, String running, String last, int columns) {
            int filled = total == 0 ? WIDTH : done * WIDTH / total;
            String bar = "[" + "=".repeat(filled) + (filled < WIDTH ? ">" + " ".repeat(WIDTH - filled - 1) : "") + "] "
                    + done + "/" + total + "  " + running + last;
            if (Width.of(bar) > columns - 1) {
                StringBuilder cut = new StringBuilder();
                bar.codePoints().forEachOrdered(cp -> {
                    if (Width.of(cut.toString()) + Width.of(cp) <= columns - 2) {
                        cut.appendCodePoint(cp);
                    }
                });
                bar = cut + "…";
            }
            return bar;
        }

        @Override
        public void close() {
            err.println();
        }
    }
}
