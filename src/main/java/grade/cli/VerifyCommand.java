package grade.cli;

import grade.course.Exercise;
import grade.engine.Settings;
import grade.terminal.Console;
import grade.terminal.Style;
import grade.terminal.VerifyView;
import grade.verify.Verify;
import grade.verify.VerifyReport;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "verify", mixinStandardHelpOptions = true, versionProvider = Version.class, description = {"Check the course (for instructors and CI).",
    "Every reference solution passes all its hidden tests, every starter compiles and earns",
    "nothing (it fails every test), every known-wrong solution (solutions/dayNN/EXERCISE/wrong/",
    "NAME.diff: a diff that plants one mistake in the reference solution) fails, and every exercise",
    "has both statements and at least two hints. The days that pass are recorded with a",
    "fingerprint of the course: grade dist and grade export gradescope need them all."},
        footerHeading = "%nExamples:%n", footer = {"  ./grade verify", "  ./grade verify day03 day04", "  ./grade verify day03 --format json"})
final class VerifyCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Parameters(arity = "0..*", paramLabel = "DAY", description = "Only these days (default: the whole course).")
    List<String> days = new ArrayList<>();

    @Mixin
    ManyRunsOptions runs;

    @Override
    public Integer call() throws Exception {
        Settings settings = runs.settings(common, "verify");
        Context ctx = new Context(common);
        List<Exercise> chosen = ctx.select(days, List.of());
        PrintStream out = Console.out();
        Style style = common.style();
        PrintStream log = runs.json() ? Console.err() : out;
        log.println(style.dim(ManyRunsOptions.opening(settings, "run", "runs", "同时评 %d 组")));
        VerifyReport report = new Verify(ctx.course, settings, ctx.cacheFor(Optional.empty())).run(chosen, line -> {
            synchronized (log) {
                log.println(style.dim("  " + line));
            }
        });
        if (runs.json()) {
            out.println(report.json());
        } else {
            VerifyView.print(out, style, report, common.lang());
        }
        return report.ok() ? 0 : Main.FAILED;
    }
}
