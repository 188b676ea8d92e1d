package grade.terminal;

import grade.course.Exercise;
import grade.mutants.MutantResult;
import grade.mutants.Mutants;
import java.io.PrintStream;

/**
 * How far {@code grade mutants} is, on stderr: on a terminal one line that redraws itself (the
 * bar of {@link BatchProgress}), into a pipe or a file one plain line per graded mutant.
 */
public final class MutantsProgress implements Mutants.Progress {
    private final PrintStream err;
    private final boolean bar;
    private final int columns;
    private String exercise = "";
    private int total;
    private int done;
    private int running;
    private boolean drawn;

    private MutantsProgress(PrintStream err, boolean bar, int columns) {
        this.err = err;
        this.bar = bar;
        this.columns = columns >= 20 ? columns : 80;
    }

    public static MutantsProgress create(PrintStream err) {
        boolean terminal = Terminal.fancy();
        return new MutantsProgress(err, terminal, terminal ? Terminal.width() : 80);
    }

    @Override
    public synchronized void exercise(Exercise e, int mutants, int notCovered, boolean cached) {
        end();
        exercise = e.id();
        total = cached ? 0 : mutants;
        done = 0;
        running = 0;
        if (cached || !bar) {
            err.println(e.id() + ": " + (mutants + notCovered) + (mutants + notCovered == 1 ? " mutant" : " mutants")
                    + (notCovered > 0 ? ", " + notCovered + " on lines no test runs" : "") + (cached ? " (unchanged since the last run)" : ""));
        }
    }

    @Override
    public synchronized void started() {
        running++;
        show("");
    }

    @Override
    public synchronized void finished(Exercise e, MutantResult m) {
        running--;
        done++;
        String what = (m.killed() ? "killed" : "survived") + "  " + m.file() + ":" + m.line() + " " + m.description();
        if (bar) {
            show("  " + e.id() + "  last: " + grade.kit.Text.line(what));
        } else {
            err.println("[" + done + "/" + total + "] " + grade.kit.Text.line(what));
        }
    }

    private void show(String last) {
        if (bar) {
            err.print("\r\033[K" + BatchProgress.Bar.line(done, total, running + " running", last.isEmpty() ? "  " + exercise : last, columns));
            err.flush();
            drawn = true;
        }
    }

    /** Ends the bar's line, so that what follows starts on a line of its own. */
    public synchronized void end() {
        if (drawn) {
            err.println();
            drawn = false;
        }
    }
}
