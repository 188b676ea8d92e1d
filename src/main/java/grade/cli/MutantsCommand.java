package grade.cli;

import grade.course.Exercise;
import grade.engine.Settings;
import grade.mutants.Mutants;
import grade.mutants.MutantsReport;
import grade.terminal.Console;
import grade.terminal.MutantsProgress;
import grade.terminal.MutantsView;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "mutants", mixinStandardHelpOptions = true, versionProvider = Version.class, description = {
    "Mutation analysis of the hidden tests (for instructors and CI).",
    "Makes mutants of each reference solution with PIT (small changes to its compiled classes) and",
    "grades each one as a learner's submission is graded; a mutant is killed when a test fails.",
    "A survivor is a change no test sees: strengthen the tests, or record it as equivalent in the",
    "exercise's exercise.json under \"equivalentMutants\" with a one-line reason. Results are kept",
    "and not run again while the solution, the tests and the grader are unchanged.",
    "Exit status 1 when a survivor is not accounted for."},
        footerHeading = "%nExamples:%n", footer = {"  ./grade mutants day03 offsets", "  ./grade mutants day03", "  ./grade mutants --format json"})
final class MutantsCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DAY", description = "Only this day (default: the whole course).")
    String day;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "EXERCISE", description = "Only these exercises of the day, such as offsets.")
    List<String> exercises = new ArrayList<>();

    @Mixin
    ManyRunsOptions runs;

    @Override
    public Integer call() throws Exception {
        Settings settings = runs.settings(common, "mutants");
        Context ctx = new Context(common);
        List<Exercise> chosen = ctx.select(day == null ? List.of() : List.of(day), exercises);
        PrintStream out = Console.out();
        PrintStream err = Console.err();
        err.println(common.style().dim(ManyRunsOptions.opening(settings, "mutant", "mutants", "同时评 %d 个变异体")));
        MutantsProgress progress = MutantsProgress.create(err);
        MutantsReport report;
        try {
            report = new Mutants(ctx.course, settings, ctx.cacheFor(Optional.empty())).run(chosen, progress);
        } finally {
            progress.end();
        }
        if (runs.json()) {
            out.println(report.json());
        } else {
            MutantsView.print(out, common.style(), report);
        }
        return report.ok() ? 0 : Main.FAILED;
    }
}
