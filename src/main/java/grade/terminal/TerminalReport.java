package grade.terminal;

import grade.course.Lang;
import grade.report.ExerciseResult;
import grade.report.GradeReport;
import grade.report.Scoring;
import grade.report.Status;
import grade.report.TestResult;
import grade.report.Words;
import grade.kit.Text;
import java.io.PrintStream;
import java.util.List;

/**
 * The learner's view of a grade: per exercise a mark and a score; per failed test what was
 * expected and what happened; where to get a hint; what to do next. Everything that came from
 * learner code is neutralised first, so it cannot move the cursor or fake a line of ours.
 */
public final class TerminalReport {
    private static final int MAX_OUTPUT_LINES = 15;
    /** Failed tests explained in full per exercise; the rest are named, so the first ones get attention. */
    private static final int EXPLAINED = 3;
    private final PrintStream out;
    private final Style style;
    private final Lang lang;
    private final Words words;

    public TerminalReport(PrintStream out, Style style, Lang lang) {
        this.out = out;
        this.style = style;
        this.lang = lang;
        this.words = new Words(lang);
    }

    public void print(GradeReport report) {
        int width = report.exercises().stream().mapToInt(e -> e.exercise().id().length()).max().orElse(10);
        for (ExerciseResult e : report.exercises()) {
            printExercise(e, width);
        }
        out.println();
        long passed = report.exercises().stream().filter(e -> e.status() == Status.PASS).count();
        String summary = words.summary(passed, report.exercises().size(),
                Scoring.show(report.score()) + "/" + report.maxScore(), seconds(report.millis()));
        out.println(report.status() == Status.PASS ? style.green(style.bold(summary)) : style.bold(summary));
        report.exercises().stream().filter(e -> e.status() != Status.PASS).findFirst().ifPresent(next -> {
            String files = String.join(", ", next.exercise().files());
            out.println(words.next(style.cyan(files), style.cyan("./grade " + next.exercise().day() + " " + next.exercise().slug())));
        });
    }

    private void printExercise(ExerciseResult e, int width) {
        String id = String.format("%-" + width + "s", e.exercise().id());
        String score = Scoring.show(e.score()) + "/" + e.maxScore();
        String tail = switch (e.status()) {
            case PASS -> style.green(score);
            case FAIL -> style.red(score) + style.dim("  " + words.testsPassed(e.passed(), e.tests().size()));
            case ERROR -> style.yellow(score) + style.dim("  " + (e.tests().isEmpty() ? words.couldNotRun() : words.runFailed()));
        };
        out.println(style.mark(e.status()) + " " + style.bold(id) + "  " + e.exercise().title().get(lang) + "  " + tail);
        if (e.status() == Status.PASS) {
            return;
        }
        if (e.tests().isEmpty() || e.stopped().equals("limit")) {
            out.println(indent(safe(e.message()), "    "));
        }
        if (!e.missing().isEmpty()) {
            out.println("    " + style.dim(words.missingStarter(style.cyan("./grade reset " + e.exercise().day() + " " + e.exercise().slug()))));
        }
        List<TestResult> failed = e.tests().stream().filter(t -> t.status() != Status.PASS).toList();
        for (TestResult t : failed.subList(0, Math.min(EXPLAINED, failed.size()))) {
            out.println("    " + style.mark(t.status()) + " " + safeLine(t.name()));
            out.println(indent(safe(t.message()), "        "));
            if (!t.output().isBlank()) {
                out.println(style.dim("        " + words.yourCodePrinted()));
                out.println(style.dim(indent(limitLines(safe(t.output())), "        | ")));
            }
        }
        if (failed.size() > EXPLAINED) {
            out.println("    " + style.dim(words.alsoFailing()));
            for (TestResult t : failed.subList(EXPLAINED, failed.size())) {
                out.println("    " + style.mark(t.status()) + " " + style.dim(safeLine(t.name())));
            }
        }
        out.println("    " + style.dim(words.stuck(style.cyan("./grade hint " + e.exercise().day() + " " + e.exercise().slug()),
                style.cyan("./grade show " + e.exercise().day() + " " + e.exercise().slug()))));
    }

    private static String safe(String s) {
        return Text.block(s, 6000).stripTrailing();
    }

    private static String safeLine(String s) {
        return Text.line(Text.cut(s, 200));
    }

    private String limitLines(String s) {
        List<String> lines = s.lines().toList();
        if (lines.size() <= MAX_OUTPUT_LINES) {
            return s;
        }
        return String.join("\n", lines.subList(0, MAX_OUTPUT_LINES)) + "\n" + words.moreLines(lines.size() - MAX_OUTPUT_LINES);
    }

    private static String indent(String block, String prefix) {
        return Text.indent(block, prefix);
    }

    public static String seconds(long millis) {
        return Text.seconds(millis);
    }
}
