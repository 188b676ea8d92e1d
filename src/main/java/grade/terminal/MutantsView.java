package grade.terminal;

import grade.course.EquivalentMutant;
import grade.kit.Text;
import grade.mutants.ExerciseMutants;
import grade.mutants.MutantResult;
import grade.mutants.MutantsReport;
import java.io.PrintStream;

/**
 * {@code grade mutants}' report in the terminal: each exercise's figures, each survivor with its
 * line and PIT's words for the change, the record an instructor would add for it, and the stale
 * records.
 */
public final class MutantsView {
    private MutantsView() {
    }

    public static void print(PrintStream out, Style style, MutantsReport report) {
        for (ExerciseMutants e : report.exercises()) {
            String mark = e.ok() ? style.green("✔") : style.red("✘");
            if (e.error() != null) {
                out.println(mark + " " + style.bold(e.exercise().id()) + "  " + style.red("not analysed: ") + e.error());
                continue;
            }
            out.println(mark + " " + style.bold(e.exercise().id()) + "  " + e.made() + " mutants: " + e.killed() + " killed, "
                    + e.survived() + " survived, " + e.notCovered() + " not covered, " + e.accounted() + " accounted for · score " + e.score() + "%"
                    + style.dim(" · " + TerminalReport.seconds(e.millis()) + (e.cached() ? " (unchanged, not run again)" : "")));
            for (MutantResult m : e.survivors()) {
                String what = m.covered() ? "survived" : "not covered";
                out.println("    " + (m.equivalent() == null ? style.red(what) : style.dim(what + ", equivalent")) + " "
                        + m.file() + ":" + m.line() + "  " + style.bold(m.source()));
                out.println("        " + m.description() + style.dim(" (" + m.mutator() + " in " + m.method() + ")"));
                if (m.equivalent() != null) {
                    out.println(style.dim("        equivalent: " + Text.line(m.equivalent())));
                } else {
                    out.println(style.dim("        to record it as equivalent: "
                            + MutantsReport.record(m.className(), m.method(), m.mutator(), m.source(), m.description())
                            .toString().replaceFirst("}$", ", \"reason\": \"...\"}")));
                }
            }
            for (EquivalentMutant r : e.stale()) {
                out.println("    " + style.yellow("stale record: ") + r.className() + "." + r.method() + " " + r.mutator()
                        + " on \"" + r.line() + "\" matches no mutant left unkilled; remove it from exercise.json");
            }
        }
        out.println();
        long unaccounted = report.exercises().stream().flatMap(e -> e.mutants().stream()).filter(MutantResult::unaccounted).count();
        long made = report.exercises().stream().mapToLong(ExerciseMutants::made).sum();
        out.println("mutants: " + made + " made, " + unaccounted + " not killed and not accounted for");
        out.println((report.ok() ? style.green("Every mutant is killed or accounted for.")
                : style.red("Some mutants survive (above): strengthen the tests, or record them as equivalent."))
                + style.dim(" " + TerminalReport.seconds(report.millis())));
    }
}
